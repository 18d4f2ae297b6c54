package io.github.sqlitevec.migrate.bench;

import io.github.sqlitevec.jdbc.VectorCodec;
import io.github.sqlitevec.migrate.Main;
import io.github.sqlitevec.testing.postgres.PostgresTestServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * Our exact vec0 KNN against pgvector's exact scan and its HNSW index, side by side in one run on
 * one machine: query latency (k = 10), recall@10 against the exact answer, index build time and
 * disk size, at 100k × 384 and 100k × 1536 (cosine). The PostgreSQL side is loaded with
 * sqlitevec-migrate itself. Run with {@code ./mvnw -B -pl migrate -am verify -Pbench}; sizes
 * with {@code -Dbench.rows=…} and {@code -Dbench.dims=384,1536}. Writes the Markdown table to
 * {@code migrate/target/bench/postgresql.md}.
 */
public final class PgvectorComparison {

    private static final int K = 10;
    private static final int QUERIES = 50;
    private static final int WARMUP = 5;
    private static final int CLUSTERS = 200;

    private PgvectorComparison() {}

    public static void main(String[] args) throws Exception {
        int rows = Integer.getInteger("bench.rows", 100_000);
        int[] dims = Arrays.stream(System.getProperty("bench.dims", "384,1536").split(",")).mapToInt(Integer::parseInt).toArray();
        Path dir = Paths.get(System.getProperty("bench.dir", "target/bench"));
        Files.createDirectories(dir);
        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, "machine: %d cores (%s), %s; load average at start %.2f%n", Runtime.getRuntime().availableProcessors(),
                cpuModel(), System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
        md.append(String.format(Locale.ROOT, "PostgreSQL %s + pgvector %s (shared_buffers 128MB, maintenance_work_mem 2GB for the build);"
                + " sqlite-vec 0.1.9 through jdbc:sqlitevec:; %d queries after %d warm-up, k = %d, cosine%n%n",
                PostgresTestServer.shared().version(), "0.8.2", QUERIES, WARMUP, K));
        md.append("| rows × dims | engine | query latency median / p95 | recall@10 | index build | disk (data + index) |\n");
        md.append("|---|---|---|---|---|---|\n");
        for (int d : dims) {
            run(rows, d, dir, md);
        }
        md.append(String.format(Locale.ROOT, "%nload average at end %.2f%n", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
        Files.writeString(dir.resolve("postgresql.md"), md.toString());
        System.out.println(md);
    }

    private static void run(int rows, int dims, Path dir, StringBuilder md) throws Exception {
        Random random = new Random(dims);
        float[][] centers = new float[CLUSTERS][];
        for (int c = 0; c < CLUSTERS; c++) {
            centers[c] = gaussian(random, dims, 1.0f);
        }
        Path file = dir.resolve("items-" + rows + "x" + dims + ".db");
        Files.deleteIfExists(file);
        String sqliteUrl = "jdbc:sqlitevec:" + file;
        long loadStart = System.nanoTime();
        try (Connection c = DriverManager.getConnection(sqliteUrl)) {
            try (Statement s = c.createStatement()) {
                s.execute("create virtual table items using vec0(embedding float[" + dims + "] distance_metric=cosine)");
            }
            c.setAutoCommit(false);
            try (PreparedStatement insert = c.prepareStatement("insert into items(rowid, embedding) values (?, ?)")) {
                for (int i = 1; i <= rows; i++) {
                    insert.setLong(1, i);
                    insert.setBytes(2, VectorCodec.toFloat32Blob(sample(random, centers)));
                    insert.executeUpdate();
                }
            }
            c.commit();
        }
        double sqliteLoad = seconds(loadStart);
        float[][] queries = new float[QUERIES + WARMUP][];
        for (int q = 0; q < queries.length; q++) {
            queries[q] = sample(random, centers);
        }
        String name = "bench_" + rows + "x" + dims;
        String pgUrl = PostgresTestServer.shared().createDatabase(name);
        long migrateStart = System.nanoTime();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = Main.run(new String[] {"--from", sqliteUrl, "--to", pgUrl, "--index", "none"}, new PrintStream(out, true, StandardCharsets.UTF_8),
                System.err, false);
        if (code != 0) {
            throw new IllegalStateException("migration failed with " + code + ": " + out);
        }
        double migrate = seconds(migrateStart);

        List<List<Long>> exact = new ArrayList<>();
        double[] sqliteTimes;
        try (Connection c = DriverManager.getConnection(sqliteUrl);
                PreparedStatement knn = c.prepareStatement("select rowid from items where embedding match ? and k = " + K + " order by distance")) {
            sqliteTimes = time(queries, q -> {
                knn.setBytes(1, VectorCodec.toFloat32Blob(q));
                return ids(knn);
            }, exact);
        }
        long sqliteBytes = Files.size(file);
        try (Connection pg = DriverManager.getConnection(pgUrl)) {
            List<List<Long>> pgExact = new ArrayList<>();
            try (Statement s = pg.createStatement()) {
                s.execute("set enable_indexscan = off");
                s.execute("set enable_bitmapscan = off");
                s.execute("analyze items");
            }
            String sql = "select rowid from items order by embedding <=> cast(? as vector) limit " + K;
            double[] pgExactTimes;
            try (PreparedStatement knn = pg.prepareStatement(sql)) {
                pgExactTimes = time(queries, q -> {
                    knn.setString(1, text(q));
                    return ids(knn);
                }, pgExact);
            }
            long tableBytes = longOf(pg, "select pg_table_size('items')");
            try (Statement s = pg.createStatement()) {
                s.execute("reset enable_indexscan");
                s.execute("reset enable_bitmapscan");
                s.execute("set maintenance_work_mem = '2GB'");
            }
            long buildStart = System.nanoTime();
            try (Statement s = pg.createStatement()) {
                s.execute("create index items_embedding_hnsw_idx on items using hnsw (embedding vector_cosine_ops)");
            }
            double build = seconds(buildStart);
            long indexBytes = longOf(pg, "select pg_relation_size('items_embedding_hnsw_idx')");
            List<List<Long>> approx = new ArrayList<>();
            double[] hnswTimes;
            try (PreparedStatement knn = pg.prepareStatement(sql)) {
                hnswTimes = time(queries, q -> {
                    knn.setString(1, text(q));
                    return ids(knn);
                }, approx);
            }
            String size = String.format(Locale.ROOT, "%dk × %d", rows / 1000, dims);
            md.append(String.format(Locale.ROOT, "| %s | sqlite-vec vec0, exact (jdbc:sqlitevec:) | %s | %.3f | none (load %.1f s) | %s |%n", size,
                    latency(sqliteTimes), recall(exact, pgExact), sqliteLoad, mb(sqliteBytes)));
            md.append(String.format(Locale.ROOT, "| %s | pgvector exact scan | %s | 1.000 | none (migrate %.1f s) | %s |%n", size, latency(pgExactTimes),
                    migrate, mb(tableBytes)));
            md.append(String.format(Locale.ROOT, "| %s | pgvector HNSW (m 16, ef_construction 64, ef_search 40) | %s | %.3f | %.1f s | %s + %s |%n", size,
                    latency(hnswTimes), recall(approx, pgExact), build, mb(tableBytes), mb(indexBytes)));
            System.out.println(md);
        }
    }

    interface Search {
        List<Long> run(float[] query) throws SQLException;
    }

    /** Milliseconds per measured query; the answers go to {@code results}. */
    private static double[] time(float[][] queries, Search search, List<List<Long>> results) throws SQLException {
        for (int w = 0; w < WARMUP; w++) {
            search.run(queries[w]);
        }
        double[] ms = new double[QUERIES];
        for (int q = 0; q < QUERIES; q++) {
            long start = System.nanoTime();
            results.add(search.run(queries[WARMUP + q]));
            ms[q] = (System.nanoTime() - start) / 1e6;
        }
        return ms;
    }

    private static String latency(double[] ms) {
        double[] sorted = ms.clone();
        Arrays.sort(sorted);
        return String.format(Locale.ROOT, "%.2f / %.2f ms", sorted[sorted.length / 2], sorted[(int) (sorted.length * 0.95)]);
    }

    private static double recall(List<List<Long>> found, List<List<Long>> truth) {
        int hits = 0;
        int total = 0;
        for (int q = 0; q < truth.size(); q++) {
            Set<Long> t = new HashSet<>(truth.get(q));
            for (Long id : found.get(q)) {
                if (t.contains(id)) {
                    hits++;
                }
            }
            total += t.size();
        }
        return hits / (double) total;
    }

    private static List<Long> ids(PreparedStatement knn) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (ResultSet rs = knn.executeQuery()) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        }
        return ids;
    }

    /** A unit vector near one of the cluster centres: embeddings cluster by topic, uniform noise would not. */
    private static float[] sample(Random random, float[][] centers) {
        float[] center = centers[random.nextInt(centers.length)];
        float[] v = gaussian(random, center.length, 0.6f);
        double norm = 0;
        for (int i = 0; i < v.length; i++) {
            v[i] += center[i];
            norm += v[i] * v[i];
        }
        float scale = (float) (1 / Math.sqrt(norm));
        for (int i = 0; i < v.length; i++) {
            v[i] *= scale;
        }
        return v;
    }

    private static float[] gaussian(Random random, int n, float sigma) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) random.nextGaussian() * sigma;
        }
        return v;
    }

    private static String text(float[] v) {
        StringBuilder s = new StringBuilder(v.length * 12).append('[');
        for (int i = 0; i < v.length; i++) {
            s.append(i == 0 ? "" : ",").append(v[i]);
        }
        return s.append(']').toString();
    }

    private static long longOf(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.0f MB", bytes / 1e6);
    }

    private static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Paths.get("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (Exception e) {
            // not Linux: the core count is still printed
        }
        return "unknown CPU";
    }
}
