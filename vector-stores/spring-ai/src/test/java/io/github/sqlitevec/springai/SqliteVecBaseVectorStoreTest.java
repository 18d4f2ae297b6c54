package io.github.sqlitevec.springai;

import io.github.sqlitevec.jdbc.SqliteVecDataSource;

import java.nio.file.Path;
import java.util.function.Consumer;

import org.junit.jupiter.api.io.TempDir;
import org.springframework.ai.test.vectorstore.BaseVectorStoreTests;
import org.springframework.ai.vectorstore.VectorStore;
import org.springframework.jdbc.core.JdbcTemplate;

/** Spring AI's own {@code BaseVectorStoreTests}, unmodified, against our store on a real file and the real model. */
class SqliteVecBaseVectorStoreTest extends BaseVectorStoreTests {

    @TempDir
    Path dir;

    @Override
    protected void executeTest(Consumer<VectorStore> testFunction) {
        SqliteVecDataSource ds = new SqliteVecDataSource();
        ds.setUrl("jdbc:sqlitevec:" + dir.resolve("base.db"));
        VectorStore store = SqliteVecVectorStore.builder(new JdbcTemplate(ds), MiniLmEmbeddingModel.INSTANCE)
                .initializeSchema(true).build();
        testFunction.accept(store);
    }
}
