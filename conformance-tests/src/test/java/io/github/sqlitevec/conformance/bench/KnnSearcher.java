package io.github.sqlitevec.conformance.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumMap;
import java.util.Map;

/** One connection's prepared KNN statements; both sides bind the same blobs, so only the engines differ. */
final class KnnSearcher implements AutoCloseable {
    private final Connection connection;
    private final Map<KnnQuery, PreparedStatement> statements = new EnumMap<>(KnnQuery.class);

    KnnSearcher(Connection connection, long mmapSize) throws SQLException {
        this.connection = connection;
        try (Statement s = connection.createStatement()) {
            s.execute("PRAGMA mmap_size = " + mmapSize);
        }
    }

    /** What SQLite granted (it caps the request at its compile-time SQLITE_MAX_MMAP_SIZE). */
    long mmapSize() throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("PRAGMA mmap_size")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Ids of the 10 nearest rows, nearest first. */
    long[] search(KnnQuery query, float[] vector, int oversample) throws SQLException {
        PreparedStatement p = statements.get(query);
        if (p == null) { // prepared on first use: a file may hold only some of the tables
            p = connection.prepareStatement(query.sql);
            statements.put(query, p);
        }
        p.setBytes(1, query == KnnQuery.INT8 ? ClusteredEmbeddings.int8InputBlob(vector) : ClusteredEmbeddings.blob(vector));
        if (query == KnnQuery.BIT_RESCORE || query == KnnQuery.PLAIN_BIT_RESCORE) {
            p.setInt(2, 10 * oversample);
        }
        long[] ids = new long[10];
        int n = 0;
        try (ResultSet rs = p.executeQuery()) {
            while (rs.next()) {
                ids[n++] = rs.getLong(1);
            }
        }
        if (n != 10) {
            throw new IllegalStateException(query + " returned " + n + " rows");
        }
        return ids;
    }

    @Override
    public void close() throws SQLException {
        for (PreparedStatement p : statements.values()) {
            p.close();
        }
        connection.close();
    }
}
