package io.github.sqlitevec.conformance.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.github.sqlitevec.jdbc.ParallelKnn;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One float32 KNN search on one connection against the same search split by {@link ParallelKnn}
 * over the partitions of one vec0 table ({@code shard = rowid % partitions}), with 1, 2, 4 and 8
 * threads, and the official sqlite-vec binary's single query (plain sqlite-jdbc, same file, same
 * {@code mmap_size}), side by side; then the same while two busy threads compete for the cores (the
 * cost on a busy machine). Checks first that every variant returns the single query's rows and
 * distances.
 *
 * <pre>./mvnw -B -pl conformance-tests -am -Pbench verify -DskipTests -Dbench.main=io.github.sqlitevec.conformance.bench.ParallelKnnBenchmark</pre>
 * Knobs: {@code -Dbench.parallel.rows=100000 -Dbench.parallel.dims=1536 -Dbench.parallel.partitions=8
 * -Dbench.parallel.type=float32|int8 -Dbench.rounds=11}.
 */
public final class ParallelKnnBenchmark {
    private static final int K = 10;
    /** int8: rows and queries scaled and quantized as in {@link KnnQuery#INT8}. */
    private static final boolean INT8 = System.getProperty("bench.parallel.type", "float32").equals("int8");
    private static final String MATCH = INT8 ? "vec_quantize_int8(?1, 'unit')" : "?1";

    private ParallelKnnBenchmark() {}

    public static void main(String[] args) throws Exception {
        System.out.println("load average at start: " + AllBenchmarks.loadAverage() + ", "
                + Runtime.getRuntime().availableProcessors() + " CPUs");
        System.out.println(run());
        System.out.println("load average at end: " + AllBenchmarks.loadAverage());
    }

    static MarkdownTable run() throws Exception {
        int rows = Integer.getInteger("bench.parallel.rows", 100_000);
        int dims = Integer.getInteger("bench.parallel.dims", 1536);
        int partitions = Integer.getInteger("bench.parallel.partitions", 8);
        int rounds = Integer.getInteger("bench.rounds", 11);
        Path dir = BenchWorkspace.scratch("parallel");
        try {
            ClusteredEmbeddings data = new ClusteredEmbeddings(dims, 42);
            Path file = dir.resolve("parallel.db");
            long start = System.nanoTime();
            build(file, data, rows, partitions);
            System.err.printf("parallel: built %d x %d in %.0f s%n", rows, dims, (System.nanoTime() - start) / 1e9);

            HikariConfig config = new HikariConfig();
            config.setJdbcUrl("jdbc:sqlitevec:" + file); // the driver's defaults (mmap_size 4 GiB)
            config.setMaximumPoolSize(partitions + 1);
            config.setMinimumIdle(partitions + 1);
            List<Object> shards = new ArrayList<>();
            for (int p = 0; p < partitions; p++) {
                shards.add(p);
            }
            String sql = "SELECT rowid, distance FROM items WHERE embedding MATCH " + MATCH + " AND k = ?2 AND shard = ?3";
            int[] threadCounts = {1, 2, 4, 8};
            try (HikariDataSource pool = new HikariDataSource(config); Connection single = pool.getConnection();
                 Connection official = OfficialSqliteVec.fetch().open(file)) {
                try (Statement s = official.createStatement()) {
                    s.execute("PRAGMA mmap_size = " + (4L << 30)); // what our pool's connections map
                }
                List<ParallelKnn> searches = new ArrayList<>();
                try {
                    for (int t : threadCounts) {
                        searches.add(new ParallelKnn(pool, sql, shards, t));
                    }
                    int checked = checkSameResults(single, official, searches, data);
                    System.err.println("parallel: " + checked + " queries, every thread count returned the single query's top 10");

                    MarkdownTable table = new MarkdownTable(MarkdownTable.f(
                            "one KNN (k = 10, %s, %d × %d, %d partitions) on one connection vs ParallelKnn, median per query",
                            INT8 ? "int8" : "float32", rows, dims, partitions),
                            "machine", "one connection", "1 thread", "2 threads", "4 threads", "8 threads",
                            "official binary, one connection", "one ÷ 2 threads", "one ÷ 4 threads",
                            "official ÷ 2 threads", "load average");
                    table.add(measureRow("as is", single, official, searches, data, rounds));
                    AtomicBoolean stop = new AtomicBoolean();
                    List<Thread> hogs = new ArrayList<>();
                    for (int i = 0; i < 2; i++) {
                        Thread hog = new Thread(() -> spin(stop), "busy-" + i);
                        hog.setDaemon(true);
                        hog.start();
                        hogs.add(hog);
                    }
                    try {
                        table.add(measureRow("+ 2 busy threads", single, official, searches, data, rounds));
                    } finally {
                        stop.set(true);
                        for (Thread hog : hogs) {
                            hog.join();
                        }
                    }
                    return table;
                } finally {
                    for (ParallelKnn s : searches) {
                        s.close();
                    }
                }
            }
        } finally {
            BenchWorkspace.deleteRecursively(dir);
        }
    }

    private static Object[] measureRow(String machine, Connection single, Connection official,
            List<ParallelKnn> searches, ClusteredEmbeddings data, int rounds) throws Exception {
        List<SideBySide.Operation> variants = new ArrayList<>();
        int[] next = new int[searches.size() + 2];
        variants.add(() -> singleQuery(single, data.query(next[0]++ % 50)));
        for (int i = 0; i < searches.size(); i++) {
            ParallelKnn search = searches.get(i);
            int slot = i + 1;
            variants.add(() -> search.search(vectorBlob(data.query(next[slot]++ % 50)), K));
        }
        int officialSlot = searches.size() + 1;
        variants.add(() -> singleQuery(official, data.query(next[officialSlot]++ % 50)));
        String load = AllBenchmarks.loadAverage().split(" ")[0];
        double[] medians = SideBySide.measureEach(variants, rounds, 3);
        Object[] row = new Object[11];
        row[0] = machine;
        for (int i = 0; i < medians.length; i++) {
            row[1 + i] = MarkdownTable.ms(medians[i]);
        }
        row[7] = MarkdownTable.ratio(medians[0] / medians[2]);
        row[8] = MarkdownTable.ratio(medians[0] / medians[3]);
        row[9] = MarkdownTable.ratio(medians[officialSlot] / medians[2]);
        row[10] = load + " → " + AllBenchmarks.loadAverage().split(" ")[0];
        return row;
    }

    private static int checkSameResults(Connection single, Connection official, List<ParallelKnn> searches,
            ClusteredEmbeddings data) throws SQLException {
        int n = 20;
        for (int q = 0; q < n; q++) {
            float[] query = data.query(q);
            List<String> expected = singleQuery(single, query);
            // The same rows; distances may differ in the last bits (our build reassociates the float sums).
            List<String> theirs = rowids(singleQuery(official, query));
            if (!rowids(expected).equals(theirs)) {
                throw new IllegalStateException("query " + q + ": the official binary returned rows " + theirs + ", ours " + expected);
            }
            for (ParallelKnn search : searches) {
                List<String> got = new ArrayList<>();
                for (ParallelKnn.Hit hit : search.search(vectorBlob(query), K)) {
                    got.add(hit.rowid() + " " + hit.distance());
                }
                if (!expected.equals(got)) {
                    throw new IllegalStateException("query " + q + ": ParallelKnn returned " + got + ", one query " + expected);
                }
            }
        }
        return n;
    }

    private static List<String> rowids(List<String> rows) {
        return rows.stream().map(r -> r.substring(0, r.indexOf(' '))).toList();
    }

    private static List<String> singleQuery(Connection c, float[] query) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement("SELECT rowid, distance FROM items WHERE embedding MATCH " + MATCH + " AND k = ?2")) {
            p.setBytes(1, vectorBlob(query));
            p.setInt(2, K);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    rows.add(rs.getLong(1) + " " + rs.getDouble(2));
                }
            }
        }
        return rows;
    }

    private static void build(Path file, ClusteredEmbeddings data, int rows, int partitions) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlitevec:" + file)) {
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA page_size = 65536"); // 15x faster inserts at 1536-d (docs/benchmarks.md)
                s.execute("PRAGMA journal_mode = WAL");
                s.execute("PRAGMA synchronous = OFF");
                s.execute("CREATE VIRTUAL TABLE items USING vec0(shard integer partition key, embedding " + (INT8 ? "int8[" : "float[")
                        + data.dims() + "])");
            }
            c.setAutoCommit(false);
            try (PreparedStatement p = c.prepareStatement(
                    "INSERT INTO items(rowid, shard, embedding) VALUES (?1, ?1 % " + partitions + ", "
                            + (INT8 ? "vec_quantize_int8(?2, 'unit')" : "?2") + ")")) {
                for (int i = 0; i < rows; i++) {
                    p.setLong(1, i + 1L);
                    p.setBytes(2, vectorBlob(data.row(i)));
                    p.addBatch();
                    if ((i + 1) % 1000 == 0 || i + 1 == rows) {
                        p.executeBatch();
                    }
                }
            }
            c.commit();
        }
    }

    /** The float32 blob a row or query vector is bound as: scaled for vec_quantize_int8 when the table is int8. */
    private static byte[] vectorBlob(float[] v) {
        return INT8 ? ClusteredEmbeddings.int8InputBlob(v) : ClusteredEmbeddings.blob(v);
    }

    private static void spin(AtomicBoolean stop) {
        long x = 0;
        while (!stop.get()) {
            x = x * 6364136223846793005L + 1442695040888963407L;
        }
        if (x == 42) {
            System.err.print(""); // keeps the loop from being optimised away
        }
    }
}
