package io.github.sqlitevec.conformance.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What zig-cross/patches/0001 (each chunk's top k in one pass) buys: the vec0 bit coarse pass at
 * growing k, and bit + float rescore at each oversampling with its recall@10, for our natives, the
 * natives before the patch (a file given with {@code -Dbench.previousNative=}) and the official
 * binary, side by side, all with {@code mmap_size} 4 GiB. Also checks that the three return the
 * same rows.
 *
 * <pre>
 * git show 89a1696:driver/src/main/resources/META-INF/sqlitevec/natives/0.1.9/linux-x86_64-v3/vec0.so &gt; /tmp/vec0-before.so
 * ./mvnw -B -pl conformance-tests -am -Pbench verify -DskipTests -Dbench.main=io.github.sqlitevec.conformance.bench.TopKPatchBenchmark \
 *     -Dbench.previousNative=/tmp/vec0-before.so
 * </pre>
 * Knobs: {@code -Dbench.topk.rows=100000 -Dbench.topk.dims=1536 -Dbench.rounds=7 -Dbench.recallQueries=50}.
 */
public final class TopKPatchBenchmark {
    private static final long MMAP = 4L << 30;

    private TopKPatchBenchmark() {}

    public static void main(String[] args) throws Exception {
        System.out.println("load average at start: " + AllBenchmarks.loadAverage());
        int rows = Integer.getInteger("bench.topk.rows", 100_000);
        int dims = Integer.getInteger("bench.topk.dims", 1536);
        int rounds = Integer.getInteger("bench.rounds", 7);
        int recallQueries = Integer.getInteger("bench.recallQueries", 50);
        String previous = System.getProperty("bench.previousNative");
        if (previous == null || previous.isBlank()) {
            throw new IllegalArgumentException("give the natives before the patch with -Dbench.previousNative=/path/to/vec0.so "
                    + "(see this class's Javadoc for the git show command)");
        }
        Path dir = BenchWorkspace.scratch("topk");
        try {
            ClusteredEmbeddings data = new ClusteredEmbeddings(dims, 42);
            Path file = dir.resolve("topk.db");
            long start = System.nanoTime();
            build(file, data, rows);
            System.err.printf("topk: built %d x %d in %.0f s%n", rows, dims, (System.nanoTime() - start) / 1e9);
            Map<String, Connection> sides = new LinkedHashMap<>();
            sides.put("ours", mapped(DriverManager.getConnection("jdbc:sqlitevec:" + file)));
            sides.put("ours before the patch", mapped(load(file, Path.of(previous))));
            sides.put("official", mapped(OfficialSqliteVec.fetch().open(file)));
            try {
                System.out.println(coarse(sides, data, rounds));
                System.out.println(rescore(sides, data, rounds, recallQueries));
            } finally {
                for (Connection c : sides.values()) {
                    c.close();
                }
            }
        } finally {
            BenchWorkspace.deleteRecursively(dir);
        }
        System.out.println("load average at end: " + AllBenchmarks.loadAverage());
    }

    private static MarkdownTable coarse(Map<String, Connection> sides, ClusteredEmbeddings data, int rounds) throws Exception {
        MarkdownTable table = new MarkdownTable(
                "vec0 bit coarse pass alone (SELECT rowid FROM vb WHERE embedding MATCH vec_quantize_binary(?) AND k = ?), median per query",
                "k", "ours", "ours before the patch", "official", "before ÷ ours", "official ÷ ours", "load average");
        String sql = "SELECT rowid FROM vb WHERE embedding MATCH vec_quantize_binary(?) AND k = ?";
        for (int k : new int[] {10, 20, 50, 100, 200, 500, 1000}) {
            sameRows(sides, sql, data, k);
            double[] m = measure(sides, sql, data, k, rounds);
            table.add(k, MarkdownTable.ms(m[0]), MarkdownTable.ms(m[1]), MarkdownTable.ms(m[2]),
                    MarkdownTable.ratio(m[1] / m[0]), MarkdownTable.ratio(m[2] / m[0]), AllBenchmarks.loadAverage().split(" ")[0]);
        }
        return table;
    }

    private static MarkdownTable rescore(Map<String, Connection> sides, ClusteredEmbeddings data, int rounds, int recallQueries)
            throws Exception {
        MarkdownTable table = new MarkdownTable(
                "vec0 bit + float rescore (k = 10), recall@10 against exact float32, median per query",
                "oversampling", "coarse k", "recall@10", "ours", "ours before the patch", "official", "before ÷ ours",
                "official ÷ ours", "load average");
        for (int oversample : new int[] {1, 2, 5, 10, 20, 50}) {
            int k = 10 * oversample;
            String sql = KnnQuery.BIT_RESCORE.sql;
            sameRows(sides, sql, data, k);
            double recall = recall(sides.get("ours"), data, k, recallQueries);
            double[] m = measure(sides, sql, data, k, rounds);
            table.add("×" + oversample, k, MarkdownTable.f("%.3f", recall), MarkdownTable.ms(m[0]), MarkdownTable.ms(m[1]),
                    MarkdownTable.ms(m[2]), MarkdownTable.ratio(m[1] / m[0]), MarkdownTable.ratio(m[2] / m[0]),
                    AllBenchmarks.loadAverage().split(" ")[0]);
        }
        return table;
    }

    private static double[] measure(Map<String, Connection> sides, String sql, ClusteredEmbeddings data, int k, int rounds)
            throws Exception {
        List<SideBySide.Operation> variants = new ArrayList<>();
        for (Connection c : sides.values()) {
            PreparedStatement p = c.prepareStatement(sql);
            int[] next = {0};
            variants.add(() -> rows(p, data.query(next[0]++ % 20), k));
        }
        return SideBySide.measureEach(variants, rounds, 2);
    }

    private static void sameRows(Map<String, Connection> sides, String sql, ClusteredEmbeddings data, int k) throws SQLException {
        for (int q = 0; q < 3; q++) {
            List<Long> expected = null;
            for (Map.Entry<String, Connection> side : sides.entrySet()) {
                try (PreparedStatement p = side.getValue().prepareStatement(sql)) {
                    List<Long> got = rows(p, data.query(q), k);
                    if (expected == null) {
                        expected = got;
                    } else if (!expected.equals(got)) {
                        throw new IllegalStateException(side.getKey() + " returns other rows than ours for k = " + k + ": " + sql);
                    }
                }
            }
        }
    }

    private static double recall(Connection c, ClusteredEmbeddings data, int k, int queries) throws SQLException {
        double sum = 0;
        try (PreparedStatement exact = c.prepareStatement(KnnQuery.FLOAT32.sql);
                PreparedStatement approx = c.prepareStatement(KnnQuery.BIT_RESCORE.sql)) {
            for (int q = 0; q < queries; q++) {
                float[] v = data.query(1000 + q);
                Set<Long> truth = new HashSet<>(rows(exact, v, 10));
                int hit = 0;
                for (long id : rows(approx, v, k)) {
                    hit += truth.contains(id) ? 1 : 0;
                }
                sum += hit / 10.0;
            }
        }
        return sum / queries;
    }

    private static List<Long> rows(PreparedStatement p, float[] query, int k) throws SQLException {
        p.setBytes(1, ClusteredEmbeddings.blob(query));
        if (p.getParameterMetaData().getParameterCount() > 1) {
            p.setInt(2, k);
        }
        List<Long> ids = new ArrayList<>();
        try (ResultSet rs = p.executeQuery()) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        }
        return ids;
    }

    private static Connection load(Path file, Path library) throws SQLException {
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + file + "?enable_load_extension=true");
        try (PreparedStatement load = c.prepareStatement("SELECT load_extension(?, 'sqlite3_vec_init')")) {
            load.setString(1, library.toString());
            load.executeQuery().close();
        }
        return c;
    }

    private static Connection mapped(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA mmap_size = " + MMAP);
        }
        return c;
    }

    private static void build(Path file, ClusteredEmbeddings data, int rows) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlitevec:" + file)) {
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA page_size = 65536");
                s.execute("PRAGMA synchronous = OFF");
                s.execute("CREATE VIRTUAL TABLE vf USING vec0(embedding float[" + data.dims() + "])");
                s.execute("CREATE VIRTUAL TABLE vb USING vec0(embedding bit[" + data.dims() + "])");
                s.execute("CREATE TABLE plain(id INTEGER PRIMARY KEY, embedding BLOB NOT NULL)");
            }
            c.setAutoCommit(false);
            try (PreparedStatement f = c.prepareStatement("INSERT INTO vf(rowid, embedding) VALUES (?, ?)");
                    PreparedStatement b = c.prepareStatement("INSERT INTO vb(rowid, embedding) VALUES (?, vec_quantize_binary(?))");
                    PreparedStatement p = c.prepareStatement("INSERT INTO plain(id, embedding) VALUES (?, ?)")) {
                for (int i = 0; i < rows; i++) {
                    byte[] blob = ClusteredEmbeddings.blob(data.row(i));
                    for (PreparedStatement s : List.of(f, b, p)) {
                        s.setLong(1, i + 1L);
                        s.setBytes(2, blob);
                        s.addBatch();
                    }
                    if ((i + 1) % 1000 == 0 || i + 1 == rows) {
                        f.executeBatch();
                        b.executeBatch();
                        p.executeBatch();
                    }
                }
            }
            c.commit();
        }
    }
}
