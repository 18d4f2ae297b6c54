package io.github.sqlitevec.conformance.bench;

import static io.github.sqlitevec.conformance.bench.MarkdownTable.f;
import static io.github.sqlitevec.conformance.bench.MarkdownTable.ratio;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.List;

/**
 * Bulk insert through sqlitevec-jdbc: batched prepared inserts of float32 blobs in one
 * transaction into a {@code vec0} table, against the same rows into an ordinary table with a
 * BLOB column. Each sample opens a fresh database file (untimed), times CREATE + inserts +
 * COMMIT (with the default synchronous=FULL, so the commit's fsync is in), then deletes it.
 *
 * <pre>./mvnw -B -pl conformance-tests -am -Pbench verify -DskipTests -Dbench.main=io.github.sqlitevec.conformance.bench.BulkInsertBenchmark</pre>
 */
public final class BulkInsertBenchmark {
    private static final int BATCH = 1000;

    private BulkInsertBenchmark() {}

    public static void main(String[] args) throws Exception {
        System.out.println("load average at start: " + AllBenchmarks.loadAverage());
        System.out.println(run());
        System.out.println("load average at end: " + AllBenchmarks.loadAverage());
    }

    static MarkdownTable run() throws Exception {
        MarkdownTable table = new MarkdownTable("bulk insert, batched prepared INSERTs in one transaction (median of alternating samples)",
                "dims", "rows per sample", "table", "rows/s", "MB/s", "time ÷ plain BLOB time");
        int rounds = Integer.getInteger("bench.rounds", 11);
        Path dir = BenchWorkspace.scratch("insert");
        try {
            for (int dims : new int[] {384, 1536}) {
                int rows = dims == 384 ? 20_000 : 5_000;
                byte[][] blobs = new byte[rows][];
                ClusteredEmbeddings data = new ClusteredEmbeddings(dims, 7);
                for (int i = 0; i < rows; i++) {
                    blobs[i] = ClusteredEmbeddings.blob(data.row(i));
                }
                String vec0 = "CREATE VIRTUAL TABLE t USING vec0(embedding float[" + dims + "])";
                String vec0Insert = "INSERT INTO t(rowid, embedding) VALUES (?, ?)";
                // vec0 writes each vector into a chunk blob of 1024 vectors, i.e. into a long
                // overflow-page chain that every insert walks from its start: bigger pages make the
                // chain shorter, a bigger page cache keeps it in memory
                double[] t = SideBySide.measureSelfTimed(List.of(
                        () -> insert(dir, "CREATE TABLE t(id INTEGER PRIMARY KEY, embedding BLOB NOT NULL)", "INSERT INTO t(id, embedding) VALUES (?, ?)", blobs),
                        () -> insert(dir, vec0, vec0Insert, blobs),
                        () -> insert(dir, "PRAGMA cache_size = -65536; " + vec0, vec0Insert, blobs),
                        () -> insert(dir, "PRAGMA page_size = 16384; " + vec0, vec0Insert, blobs),
                        () -> insert(dir, "PRAGMA page_size = 65536; " + vec0, vec0Insert, blobs)),
                        rounds);
                double megabytes = rows * dims * 4 / 1e6;
                String[] names = {"plain BLOB", "vec0 (defaults: 4 KiB pages, 2 MB cache)", "vec0, cache_size 64 MiB", "vec0, page_size 16 KiB", "vec0, page_size 64 KiB"};
                for (int i = 0; i < names.length; i++) {
                    table.add(dims, rows, names[i], f("%.0f", rows / (t[i] / 1e9)), f("%.0f", megabytes / (t[i] / 1e9)), ratio(t[i] / t[0]));
                }
            }
        } finally {
            BenchWorkspace.deleteRecursively(dir);
        }
        return table;
    }

    private static long insert(Path dir, String create, String insert, byte[][] blobs) throws Exception {
        Path file = Files.createTempFile(dir, "insert-", ".db");
        Files.delete(file);
        try (Connection c = DriverManager.getConnection("jdbc:sqlitevec:" + file)) {
            long start = System.nanoTime();
            try (Statement s = c.createStatement()) {
                for (String sql : create.split("; ")) {
                    s.execute(sql);
                }
            }
            c.setAutoCommit(false);
            try (PreparedStatement p = c.prepareStatement(insert)) {
                for (int i = 0; i < blobs.length; i++) {
                    p.setLong(1, i + 1L);
                    p.setBytes(2, blobs[i]);
                    p.addBatch();
                    if ((i + 1) % BATCH == 0 || i + 1 == blobs.length) {
                        p.executeBatch();
                    }
                }
            }
            c.commit();
            return System.nanoTime() - start;
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(Path.of(file + "-journal"));
        }
    }
}
