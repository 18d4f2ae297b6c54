package io.github.sqlitevec.store.bench;

import io.github.sqlitevec.jdbc.SqliteVecDataSource;
import io.github.sqlitevec.jdbc.VectorCodec;
import io.github.sqlitevec.store.BenchAccess;
import io.github.sqlitevec.store.DistanceMetric;
import io.github.sqlitevec.store.Filter;
import io.github.sqlitevec.store.PerRowUpsert;
import io.github.sqlitevec.store.SearchRequest;
import io.github.sqlitevec.store.VectorCollection;
import io.github.sqlitevec.store.VectorDocument;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Which way of filtering inside the KNN is fastest at which selectivity (docs/benchmarks.md, "Vector store
 * filters"). On N × 384 cosine vectors with an integer attribute per selectivity (50 %, 20 %, 5 %, 0.1 %), one filtered
 * top-10 query each way:
 * <ol>
 * <li>store: the collection's own search, which picks over-fetch or {@code rowid IN} per query (FilteredKnnPlan);</li>
 * <li>rowid IN: {@code rowid IN (<set over T_meta>)} inside the vec0 KNN, always (the store's plan before);</li>
 * <li>vec0 metadata column: the same attribute declared as a vec0 metadata column, constraint in the KNN;</li>
 * <li>exact scan: {@code vec_distance_cosine} over the rows the filter selects, ORDER BY, LIMIT.</li>
 * </ol>
 * Median of {@code bench.rounds} queries (different query vectors), after a warm-up. Upserts are timed too, batch by
 * batch alternating the store with the per-row statements it used before (first {@code bench.upsertBaselineRows}
 * rows). {@code -Dbench.exactScan=false} leaves out the slow exact scan. A program, not a test:
 * {@code ./mvnw -B -pl vector-stores/core -am -Pbench verify}.
 */
public final class FilterStrategyBenchmark {

    static final int DIMS = 384;
    static final int K = 10;
    static final String[] ATTRIBUTES = {"sel50", "sel20", "sel5", "sel01"};
    static final int[] MODULI = {2, 5, 20, 1000};
    static final String[] LABELS = {"50 %", "20 %", "5 %", "0.1 %"};

    public static void main(String[] args) throws Exception {
        int[] sizes = Arrays.stream(System.getProperty("bench.rows", "10000,100000").split(",")).mapToInt(Integer::parseInt).toArray();
        int rounds = Integer.getInteger("bench.rounds", 15);
        Path dir = Files.createDirectories(Path.of(System.getProperty("bench.dir", "target/bench")));
        System.out.printf(Locale.ROOT, "load average at start: %.2f (%d cores)%n",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), Runtime.getRuntime().availableProcessors());
        boolean withExactScan = Boolean.parseBoolean(System.getProperty("bench.exactScan", "true"));
        int baselineRows = Integer.getInteger("bench.upsertBaselineRows", 10000);
        List<String> table = new ArrayList<>();
        table.add("| rows | filter selects | store (adaptive) | rowid IN (set), always | vec0 metadata column | exact scan of the filtered rows | unfiltered KNN |");
        table.add("|---|---|---|---|---|---|---|");
        for (int n : sizes) {
            Path file = dir.resolve("filters-" + n + ".db");
            Files.deleteIfExists(file);
            SqliteVecDataSource ds = new SqliteVecDataSource();
            ds.setUrl("jdbc:sqlitevec:" + file);
            if (Integer.getInteger("bench.pageSize") != null) {
                try (Connection conn = ds.getConnection(); Statement s = conn.createStatement()) {
                    s.execute("PRAGMA page_size = " + Integer.getInteger("bench.pageSize"));
                    s.execute("VACUUM");
                }
            }
            VectorCollection c = VectorCollection.builder(ds).table("docs").dimensions(DIMS).metric(DistanceMetric.COSINE)
                    .createTable(true).build();
            Random random = new Random(42);
            try (Connection conn = ds.getConnection(); Statement s = conn.createStatement()) {
                s.execute("CREATE VIRTUAL TABLE docs_cols USING vec0(embedding float[" + DIMS
                        + "] distance_metric=cosine, sel50 integer, sel20 integer, sel5 integer, sel01 integer)");
            }
            VectorCollection before = VectorCollection.builder(ds).table("docs_before").dimensions(DIMS).metric(DistanceMetric.COSINE)
                    .createTable(true).build();
            long storeNanos = 0;
            long storeRows = 0;
            long beforeNanos = 0;
            long beforeRows = 0;
            for (int start = 0; start < n; start += 1000) {
                List<VectorDocument> batch = new ArrayList<>();
                for (int i = start; i < Math.min(n, start + 1000); i++) {
                    batch.add(new VectorDocument("d" + i, null,
                            Map.of("sel50", i % 2, "sel20", i % 5, "sel5", i % 20, "sel01", i % 1000), randomVector(random)));
                }
                long t0 = System.nanoTime();
                c.upsertAll(batch);
                long t1 = System.nanoTime();
                if (start < baselineRows) {
                    storeNanos += t1 - t0;
                    storeRows += batch.size();
                    PerRowUpsert.upsertAll(ds, "docs_before", batch);
                    beforeNanos += System.nanoTime() - t1;
                    beforeRows += batch.size();
                }
            }
            System.out.printf(Locale.ROOT, "upsert at %,d rows, batches of 1000, first %,d rows each way, alternating: store %.0f docs/s, per-row statements (before) %.0f docs/s (%.2fx)%n",
                    n, storeRows, storeRows / (storeNanos / 1e9), beforeRows / (beforeNanos / 1e9),
                    (beforeNanos / (double) beforeRows) / (storeNanos / (double) storeRows));
            before.deleteAll();
            try (Connection conn = ds.getConnection(); Statement s = conn.createStatement()) {
                s.execute("INSERT INTO docs_cols (rowid, embedding, sel50, sel20, sel5, sel01) SELECT rowid, embedding, rowid % 2, rowid % 5, rowid % 20, rowid % 1000 FROM docs_vec");
            }
            // doc row ids start at 1 while i starts at 0: the attribute of row r is (r - 1) % m, so compare with m - 1.
            List<float[]> queries = new ArrayList<>();
            for (int q = 0; q < rounds + 3; q++) {
                queries.add(randomVector(random));
            }
            double unfiltered = median(K, queries, q -> c.search(SearchRequest.of(q, K)).size());
            for (int a = 0; a < ATTRIBUTES.length; a++) {
                String attribute = ATTRIBUTES[a];
                int value = 0;
                Filter filter = Filter.eq(attribute, value);
                int expected = Math.min(K, n / MODULI[a]);
                double store = median(expected, queries, q -> c.search(SearchRequest.of(q, K).withFilter(filter)).size());
                double rowidIn = median(expected, queries, q -> BenchAccess.searchInsideKnn(c, SearchRequest.of(q, K).withFilter(filter)).size());
                int cols = a;
                double column = median(expected, queries, q -> vec0Column(ds, ATTRIBUTES[cols], 1, q));
                String exact = withExactScan ? String.format(Locale.ROOT, "%.2f ms", median(expected, queries, q -> exactScan(ds, c, filter, q))) : "–";
                table.add(String.format(Locale.ROOT, "| %,d | %s | %.2f ms | %.2f ms | %.2f ms | %s | %.2f ms |", n, LABELS[a], store, rowidIn, column, exact, unfiltered));
            }
            Files.deleteIfExists(file);
        }
        table.forEach(System.out::println);
        System.out.printf(Locale.ROOT, "load average at end: %.2f%n", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    interface Query {
        int run(float[] q) throws Exception;
    }

    /** Median milliseconds over the queries after three warm-ups; every way must return the expected rows. */
    static double median(int expected, List<float[]> queries, Query query) throws Exception {
        double[] ms = new double[queries.size() - 3];
        for (int i = 0; i < queries.size(); i++) {
            long t = System.nanoTime();
            int rows = query.run(queries.get(i));
            if (rows != expected) {
                throw new IllegalStateException("a strategy returned " + rows + " rows instead of " + expected);
            }
            if (i >= 3) {
                ms[i - 3] = (System.nanoTime() - t) / 1e6;
            }
        }
        Arrays.sort(ms);
        return ms[ms.length / 2];
    }

    static int vec0Column(SqliteVecDataSource ds, String attribute, int value, float[] q) throws SQLException {
        try (Connection conn = ds.getConnection(); PreparedStatement ps = conn.prepareStatement(
                "SELECT rowid, distance FROM docs_cols WHERE embedding MATCH ? AND k = ? AND " + attribute + " = ?")) {
            ps.setBytes(1, VectorCodec.toFloat32Blob(q));
            ps.setInt(2, K);
            ps.setInt(3, value);
            return count(ps);
        }
    }

    static int exactScan(SqliteVecDataSource ds, VectorCollection c, Filter filter, float[] q) throws SQLException {
        BenchAccess.Sql where = BenchAccess.filterSql(c, filter);
        try (Connection conn = ds.getConnection(); PreparedStatement ps = conn.prepareStatement(
                "SELECT rowid, vec_distance_cosine(embedding, ?) AS d FROM docs_vec WHERE rowid IN (" + where.sql()
                        + ") ORDER BY d LIMIT ?")) {
            ps.setBytes(1, VectorCodec.toFloat32Blob(q));
            int next = where.bind(ps, 2);
            ps.setInt(next, K);
            return count(ps);
        }
    }

    static int count(PreparedStatement ps) throws SQLException {
        int rows = 0;
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                rows++;
            }
        }
        return rows;
    }

    static float[] randomVector(Random random) {
        float[] v = new float[DIMS];
        for (int i = 0; i < DIMS; i++) {
            v[i] = (float) random.nextGaussian();
        }
        return v;
    }

    private FilterStrategyBenchmark() {}
}
