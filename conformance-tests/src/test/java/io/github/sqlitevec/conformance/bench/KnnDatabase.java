package io.github.sqlitevec.conformance.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * One database file holding the same N vectors four ways, built once per (N, dims) through our
 * driver and then queried by both extensions (the vec0 storage format is the same build of
 * sqlite-vec 0.1.9): {@code vf} vec0 float32, {@code vi} vec0 int8, {@code vb} vec0 bit,
 * {@code plain}, an ordinary table of float32 blobs, and {@code plain_bits}, one of sign bits.
 */
final class KnnDatabase {
    private static final int BATCH = 1000;

    final Path file;
    final int rows;
    final Vectors data;
    final double buildSeconds;

    /** Which of the tables a file holds. */
    enum Layout {
        /** {@code vf}, {@code vi}, {@code vb}, {@code plain} and {@code plain_bits}. */
        ALL,
        /** Only {@code vf}. */
        FLOAT32_ONLY,
        /** {@code vf}, {@code vi}, {@code vb} and {@code plain} (for rescoring): what the scale benchmark queries. */
        VEC0_AND_RESCORE
    }

    private KnnDatabase(Path file, int rows, Vectors data, double buildSeconds) {
        this.file = file;
        this.rows = rows;
        this.data = data;
        this.buildSeconds = buildSeconds;
    }

    static KnnDatabase build(Path dir, int rows, int dims) throws SQLException {
        return build(dir, new ClusteredEmbeddings(dims, 42), rows, 4096, Layout.ALL);
    }

    /** Only {@code vf}, in a file with another page size: vec0 keeps 1024 vectors per chunk blob, i.e. per overflow-page chain. */
    static KnnDatabase buildFloat32Only(Path dir, int rows, int dims, int pageSize) throws SQLException {
        return build(dir, new ClusteredEmbeddings(dims, 42), rows, pageSize, Layout.FLOAT32_ONLY);
    }

    static KnnDatabase build(Path dir, Vectors data, int rows, int pageSize, Layout layout) throws SQLException {
        int dims = data.dims();
        boolean float32Only = layout == Layout.FLOAT32_ONLY;
        Path file = dir.resolve("knn-" + rows + "x" + dims + "-" + pageSize + "-" + layout.name().toLowerCase() + ".db");
        long start = System.nanoTime();
        try (Connection c = DriverManager.getConnection("jdbc:sqlitevec:" + file)) {
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA page_size = " + pageSize);
                s.execute("PRAGMA synchronous = OFF"); // building is not what we measure
                s.execute("CREATE VIRTUAL TABLE vf USING vec0(embedding float[" + dims + "])");
                if (!float32Only) {
                    s.execute("CREATE VIRTUAL TABLE vi USING vec0(embedding int8[" + dims + "])");
                    s.execute("CREATE VIRTUAL TABLE vb USING vec0(embedding bit[" + dims + "])");
                    s.execute("CREATE TABLE plain(id INTEGER PRIMARY KEY, embedding BLOB NOT NULL)");
                }
            }
            c.setAutoCommit(false);
            List<PreparedStatement> inserts = new ArrayList<>();
            try {
                inserts.add(c.prepareStatement("INSERT INTO vf(rowid, embedding) VALUES (?, ?)"));
                if (!float32Only) {
                    inserts.add(c.prepareStatement("INSERT INTO vi(rowid, embedding) VALUES (?, vec_quantize_int8(?, 'unit'))"));
                    inserts.add(c.prepareStatement("INSERT INTO vb(rowid, embedding) VALUES (?, vec_quantize_binary(?))"));
                    inserts.add(c.prepareStatement("INSERT INTO plain(id, embedding) VALUES (?, ?)"));
                }
                for (int i = 0; i < rows; i++) {
                    float[] v = data.row(i);
                    byte[] blob = ClusteredEmbeddings.blob(v);
                    for (int t = 0; t < inserts.size(); t++) {
                        PreparedStatement p = inserts.get(t);
                        p.setLong(1, i + 1L);
                        p.setBytes(2, t == 1 ? ClusteredEmbeddings.int8InputBlob(v) : blob);
                        p.addBatch();
                    }
                    if ((i + 1) % BATCH == 0 || i + 1 == rows) {
                        for (PreparedStatement p : inserts) {
                            p.executeBatch();
                        }
                    }
                    if ((i + 1) % 100_000 == 0) {
                        System.err.printf("  %d / %d rows (%.0f s)%n", i + 1, rows, (System.nanoTime() - start) / 1e9);
                    }
                }
            } finally {
                for (PreparedStatement p : inserts) {
                    p.close();
                }
            }
            if (layout == Layout.ALL) {
                try (Statement s = c.createStatement()) {
                    s.execute("CREATE TABLE plain_bits(id INTEGER PRIMARY KEY, bits BLOB NOT NULL)");
                    s.execute("INSERT INTO plain_bits SELECT id, vec_quantize_binary(embedding) FROM plain");
                }
            }
            c.commit();
        }
        return new KnnDatabase(file, rows, data, (System.nanoTime() - start) / 1e9);
    }

    int dims() {
        return data.dims();
    }

    long float32Bytes() {
        return (long) rows * dims() * 4;
    }
}
