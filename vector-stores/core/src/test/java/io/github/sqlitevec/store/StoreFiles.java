package io.github.sqlitevec.store;

import io.github.sqlitevec.jdbc.SqliteVecDataSource;

import java.nio.file.Path;
import java.util.Map;
import javax.sql.DataSource;

/** Real SQLite files for the tests. */
final class StoreFiles {
    private StoreFiles() {}

    static DataSource dataSource(Path file) {
        SqliteVecDataSource ds = new SqliteVecDataSource();
        ds.setUrl("jdbc:sqlitevec:" + file);
        return ds;
    }

    static VectorCollection collection(Path dir, int dimensions, DistanceMetric metric) {
        return VectorCollection.builder(dataSource(dir.resolve("store.db"))).table("docs").dimensions(dimensions)
                .metric(metric).createTable(true).build();
    }

    /** A document whose text is its id, with a 2-d cosine vector that differs by the id's length (filter tests). */
    static VectorDocument idDocument(String id, Map<String, Object> metadata) {
        return new VectorDocument(id, id, metadata, new float[] {1, id.length()});
    }
}
