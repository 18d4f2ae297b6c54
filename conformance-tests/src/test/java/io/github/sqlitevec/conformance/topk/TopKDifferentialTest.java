package io.github.sqlitevec.conformance.topk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sqlitevec.conformance.bench.OfficialSqliteVec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our sqlite-vec build, with its top-k patches (zig-cross/patches/0001, 0005 and 0006), answers
 * every vec0 KNN query exactly like the official sqlite-vec 0.1.9 release binary: the same rows
 * in the same order, ties included, with bit-identical distances. Randomized over element types,
 * metrics, dimensions, chunk sizes, k up to 4096, duplicate vectors, deleted rows, partition
 * keys, metadata filters, distance constraints and {@code rowid IN} (see
 * {@link RandomKnnScenario}); the seed and the number of tables can be changed with
 * {@code -Dtopk.seed=} and {@code -Dtopk.tables=}.
 *
 * <p>Each table is written once through {@code jdbc:sqlitevec:} and read by every side: the
 * driver itself, the official binary loaded into plain sqlite-jdbc, and each of our x86-64 Linux
 * builds this CPU can run, loaded the same way. Part of the default test run (about a minute;
 * it fetches the official binary with npm once into a cache).
 */
class TopKDifferentialTest {
    private static final long SEED = Long.getLong("topk.seed", 20261129L);
    private static final int TABLES = Integer.getInteger("topk.tables", 120);

    @TempDir
    static Path dir;
    static OfficialSqliteVec official;
    static final Map<String, Path> ourBuilds = new LinkedHashMap<>();
    static final AtomicLong queries = new AtomicLong();
    static final AtomicLong rowsCompared = new AtomicLong();
    static final AtomicLong ties = new AtomicLong();
    static final AtomicLong nulls = new AtomicLong();
    static final AtomicLong errors = new AtomicLong();

    @BeforeAll
    static void fetch() throws Exception {
        official = OfficialSqliteVec.fetch();
        ourBuilds.putAll(OurNatives.extract(dir));
    }

    @AfterAll
    static void summary() {
        System.out.printf("top-k differential: %d tables, %d queries, %d result rows compared per side, "
                        + "%d adjacent equal distances, %d NaN distances, %d queries failing alike; "
                        + "sides: jdbc:sqlitevec:, %s vs official%n",
                TABLES, queries.get(), rowsCompared.get(), ties.get(), nulls.get(), errors.get(),
                String.join(", ", ourBuilds.keySet()));
    }

    @TestFactory
    Stream<DynamicTest> everyBuildReturnsTheOfficialTopK() {
        return LongStream.range(0, TABLES).mapToObj(i -> new RandomKnnScenario(SEED * 1_000 + i))
                .map(s -> DynamicTest.dynamicTest(s.toString(), () -> check(s)));
    }

    @TestFactory
    Stream<DynamicTest> theScenariosContainTiesAndLargeK() {
        return Stream.of(DynamicTest.dynamicTest("a scenario set with ties, k = 4096 and many chunks", () -> {
            boolean bigK = false, manyChunks = false;
            for (long i = 0; i < TABLES; i++) {
                RandomKnnScenario s = new RandomKnnScenario(SEED * 1_000 + i);
                manyChunks |= s.rows / s.chunkSize >= 20;
                bigK |= s.rows > 4096;
            }
            assertTrue(bigK && manyChunks, "the seed gives no table large enough for k = 4096 over many chunks");
        }));
    }

    private static void check(RandomKnnScenario scenario) throws Exception {
        Path db = dir.resolve("topk-" + scenario.seed + ".db");
        try (Connection ours = DriverManager.getConnection("jdbc:sqlitevec:" + db)) {
            scenario.build(ours);
            List<Side> sides = new ArrayList<>();
            sides.add(new Side("jdbc:sqlitevec:", ours, false));
            try (Connection reference = official.open(db)) {
                for (Map.Entry<String, Path> build : ourBuilds.entrySet()) {
                    sides.add(new Side(build.getKey(), OurNatives.open(db, build.getValue()), true));
                }
                try {
                    for (RandomKnnScenario.Query q : scenario.queries) {
                        List<String> expected = answer(reference, q);
                        queries.incrementAndGet();
                        countTiesAndErrors(expected);
                        for (Side side : sides) {
                            List<String> got = answer(side.connection, q);
                            rowsCompared.addAndGet(got.size());
                            assertEquals(expected, got, () -> side.name + " differs from the official binary for "
                                    + q.sql() + " (k = " + q.k() + ")" + firstDifference(expected, got));
                        }
                    }
                } finally {
                    for (Side side : sides) {
                        if (side.close) {
                            side.connection.close();
                        }
                    }
                }
            }
        } finally {
            Files.deleteIfExists(db);
        }
    }

    private record Side(String name, Connection connection, boolean close) {}

    /** Rows as "rowid distance-bits", or the error message: what a user would see. */
    private static List<String> answer(Connection c, RandomKnnScenario.Query q) {
        List<String> rows = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement(q.sql())) {
            for (int i = 0; i < q.parameters().size(); i++) {
                p.setObject(i + 1, q.parameters().get(i));
            }
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    double distance = rs.getDouble(2);
                    boolean nan = rs.wasNull(); // SQLite turns sqlite-vec's NaN distances into NULL
                    rows.add(rs.getLong(1) + " " + (nan ? "NULL" : Long.toHexString(Double.doubleToLongBits(distance))));
                }
            }
        } catch (SQLException e) {
            rows.add("error: " + e.getMessage());
        }
        return rows;
    }

    private static void countTiesAndErrors(List<String> rows) {
        if (!rows.isEmpty() && rows.get(0).startsWith("error: ")) {
            errors.incrementAndGet();
            return;
        }
        for (int i = 0; i < rows.size(); i++) {
            String distance = rows.get(i).substring(rows.get(i).indexOf(' ') + 1);
            if (distance.equals("NULL") || distance.equals(Long.toHexString(Double.doubleToLongBits(Double.NaN)))) {
                nulls.incrementAndGet();
            }
            if (i > 0 && distance.equals(rows.get(i - 1).substring(rows.get(i - 1).indexOf(' ') + 1))) {
                ties.incrementAndGet();
            }
        }
    }

    private static String firstDifference(List<String> expected, List<String> got) {
        for (int i = 0; i < Math.max(expected.size(), got.size()); i++) {
            String e = i < expected.size() ? expected.get(i) : "(none)";
            String g = i < got.size() ? got.get(i) : "(none)";
            if (!e.equals(g)) {
                return "; first difference at row " + i + ": official " + e + ", this build " + g
                        + " (" + expected.size() + " vs " + got.size() + " rows)";
            }
        }
        return "";
    }
}
