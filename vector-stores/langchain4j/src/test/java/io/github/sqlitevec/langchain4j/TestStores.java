package io.github.sqlitevec.langchain4j;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import io.github.sqlitevec.jdbc.SqliteVecDataSource;
import java.nio.file.Path;
import javax.sql.DataSource;

/** What every test of this module opens: a real SQLite file and the real in-process sentence model. */
final class TestStores {

    /** all-MiniLM-L6-v2 (quantized ONNX), 384 dimensions; loading it takes about a second, so once per JVM. */
    static final EmbeddingModel MODEL = new AllMiniLmL6V2QuantizedEmbeddingModel();

    static final int DIMENSION = 384;

    private TestStores() {}

    static DataSource dataSource(Path file) {
        SqliteVecDataSource dataSource = new SqliteVecDataSource();
        dataSource.setUrl("jdbc:sqlitevec:" + file);
        return dataSource;
    }

    static SqliteVecEmbeddingStore open(DataSource dataSource, String table) {
        return SqliteVecEmbeddingStore.builder()
                .dataSource(dataSource)
                .table(table)
                .dimension(DIMENSION)
                .createTable(true)
                .build();
    }
}
