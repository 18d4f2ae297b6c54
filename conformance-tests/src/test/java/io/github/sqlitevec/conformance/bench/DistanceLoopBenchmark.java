package io.github.sqlitevec.conformance.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Did moving reassociation from the whole file into the distance loops (zig-cross/patches/0002,
 * {@code -ffp-contract=off}) cost speed? vec0 KNN (k = 10) over the loops that rely on it —
 * float32 cosine, int8 L2, float32 L1 — and the hand-written AVX L2 kernel as a control, for our
 * natives, the natives before the change ({@code -Dbench.previousNative=}, see
 * {@link TopKPatchBenchmark}) and the official binary, side by side, {@code mmap_size} 4 GiB.
 *
 * <pre>./mvnw -B -q -pl conformance-tests -am -Pbench verify -DskipTests -Dbench.main=io.github.sqlitevec.conformance.bench.DistanceLoopBenchmark -Dbench.previousNative=/tmp/vec0-before.so</pre>
 * Knobs: {@code -Dbench.loops.rows=20000 -Dbench.loops.dims=1536 -Dbench.rounds=9}.
 */
public final class DistanceLoopBenchmark {
    private DistanceLoopBenchmark() {}

    public static void main(String[] args) throws Exception {
        System.out.println("load average at start: " + AllBenchmarks.loadAverage());
        int rows = Integer.getInteger("bench.loops.rows", 20_000);
        int dims = Integer.getInteger("bench.loops.dims", 1536);
        int rounds = Integer.getInteger("bench.rounds", 9);
        String previous = System.getProperty("bench.previousNative");
        if (previous == null || previous.isBlank()) {
            throw new IllegalArgumentException("give the natives before the change with -Dbench.previousNative=/path/to/vec0.so");
        }
        Path dir = BenchWorkspace.scratch("loops");
        try {
            ClusteredEmbeddings data = new ClusteredEmbeddings(dims, 42);
            Path file = dir.resolve("loops.db");
            build(file, data, rows);
            Map<String, Connection> sides = new LinkedHashMap<>();
            sides.put("ours", DriverManager.getConnection("jdbc:sqlitevec:" + file));
            sides.put("before", load(file, Path.of(previous)));
            sides.put("official", OfficialSqliteVec.fetch().open(file));
            MarkdownTable table = new MarkdownTable(MarkdownTable.f(
                    "vec0 KNN k = 10 by distance loop, %d × %d, median per query (ms)", rows, dims),
                    "table", "ours", "before (whole-file reassociation)", "official", "before ÷ ours", "official ÷ ours", "load average");
            try {
                for (Connection c : sides.values()) {
                    try (Statement s = c.createStatement()) {
                        s.execute("PRAGMA mmap_size = " + (4L << 30));
                    }
                }
                String[][] queries = {
                    {"float32 cosine (scalar loop, reassociated)", "SELECT rowid FROM vcos WHERE embedding MATCH ? AND k = 10"},
                    {"int8 L2 (scalar loop, reassociated)", "SELECT rowid FROM vi8 WHERE embedding MATCH vec_quantize_int8(?, 'unit') AND k = 10"},
                    {"float32 L1 (scalar loop, reassociated)", "SELECT rowid FROM vl1 WHERE embedding MATCH ? AND k = 10"},
                    {"float32 L2 (AVX kernel, control)", "SELECT rowid FROM vl2 WHERE embedding MATCH ? AND k = 10"},
                };
                for (String[] q : queries) {
                    List<SideBySide.Operation> variants = new ArrayList<>();
                    for (Connection c : sides.values()) {
                        PreparedStatement p = c.prepareStatement(q[1]);
                        int[] next = {0};
                        variants.add(() -> run(p, data.query(next[0]++ % 20)));
                    }
                    double[] m = SideBySide.measureEach(variants, rounds, 3);
                    table.add(q[0], MarkdownTable.ms(m[0]), MarkdownTable.ms(m[1]), MarkdownTable.ms(m[2]),
                            MarkdownTable.ratio(m[1] / m[0]), MarkdownTable.ratio(m[2] / m[0]), AllBenchmarks.loadAverage().split(" ")[0]);
                }
            } finally {
                for (Connection c : sides.values()) {
                    c.close();
                }
            }
            System.out.println(table);
        } finally {
            BenchWorkspace.deleteRecursively(dir);
        }
        System.out.println("load average at end: " + AllBenchmarks.loadAverage());
    }

    private static int run(PreparedStatement p, float[] query) throws SQLException {
        p.setBytes(1, ClusteredEmbeddings.blob(query));
        int n = 0;
        try (ResultSet rs = p.executeQuery()) {
            while (rs.next()) {
                n++;
            }
        }
        return n;
    }

    private static Connection load(Path file, Path library) throws SQLException {
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + file + "?enable_load_extension=true");
        try (PreparedStatement load = c.prepareStatement("SELECT load_extension(?, 'sqlite3_vec_init')")) {
            load.setString(1, library.toString());
            load.executeQuery().close();
        }
        return c;
    }

    private static void build(Path file, ClusteredEmbeddings data, int rows) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlitevec:" + file)) {
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA page_size = 65536");
                s.execute("PRAGMA synchronous = OFF");
                int d = data.dims();
                s.execute("CREATE VIRTUAL TABLE vcos USING vec0(embedding float[" + d + "] distance_metric=cosine)");
                s.execute("CREATE VIRTUAL TABLE vi8 USING vec0(embedding int8[" + d + "])");
                s.execute("CREATE VIRTUAL TABLE vl1 USING vec0(embedding float[" + d + "] distance_metric=l1)");
                s.execute("CREATE VIRTUAL TABLE vl2 USING vec0(embedding float[" + d + "])");
            }
            c.setAutoCommit(false);
            List<PreparedStatement> inserts = List.of(
                    c.prepareStatement("INSERT INTO vcos(rowid, embedding) VALUES (?, ?)"),
                    c.prepareStatement("INSERT INTO vi8(rowid, embedding) VALUES (?, vec_quantize_int8(?, 'unit'))"),
                    c.prepareStatement("INSERT INTO vl1(rowid, embedding) VALUES (?, ?)"),
                    c.prepareStatement("INSERT INTO vl2(rowid, embedding) VALUES (?, ?)"));
            try {
                for (int i = 0; i < rows; i++) {
                    byte[] blob = ClusteredEmbeddings.blob(data.row(i));
                    for (PreparedStatement p : inserts) {
                        p.setLong(1, i + 1L);
                        p.setBytes(2, blob);
                        p.addBatch();
                    }
                    if ((i + 1) % 1000 == 0 || i + 1 == rows) {
                        for (PreparedStatement p : inserts) {
                            p.executeBatch();
                        }
                    }
                }
            } finally {
                for (PreparedStatement p : inserts) {
                    p.close();
                }
            }
            c.commit();
        }
    }
}
