package io.github.sqlitevec.conformance.bench;

import static io.github.sqlitevec.conformance.bench.MarkdownTable.f;
import static io.github.sqlitevec.conformance.bench.MarkdownTable.ratio;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

/**
 * What our statements and result sets cost on JDBC's hot paths, over sqlite-jdbc's own: a
 * {@code ResultSet.next()} scan, batched prepared inserts and a bare connection open. In-memory
 * databases, so the driver's mmap default plays no part and only the JDBC layer is compared.
 *
 * <pre>./mvnw -B -pl conformance-tests -am -DskipTests -Pbench verify -Dbench.main=io.github.sqlitevec.conformance.bench.JdbcOverheadBenchmark</pre>
 */
public final class JdbcOverheadBenchmark {
    private static final String PLAIN = "jdbc:sqlite::memory:";
    private static final String OURS = "jdbc:sqlitevec::memory:";

    private JdbcOverheadBenchmark() {}

    public static void main(String[] args) throws Exception {
        int rows = Integer.getInteger("bench.scanRows", 1_000_000);
        int rounds = Integer.getInteger("bench.rounds", 12);
        try (Connection plain = filled(PLAIN, rows); Connection ours = filled(OURS, rows)) {
            List<SideBySide.Result> results = List.of(
                    SideBySide.measure("ResultSet.next() over " + rows + " rows (getLong, getString)",
                            () -> scan(plain), () -> scan(ours), rounds, 1),
                    SideBySide.measure("10,000 prepared inserts in one executeBatch",
                            () -> batch(plain), () -> batch(ours), rounds, 1),
                    SideBySide.measure("open + close (:memory:)",
                            () -> DriverManager.getConnection(PLAIN).close(), () -> DriverManager.getConnection(OURS).close(),
                            rounds, 200));
            results.forEach(System.out::println);
            MarkdownTable table = new MarkdownTable("JDBC hot paths (median per operation, in-memory databases)",
                    "operation", "jdbc:sqlite:", "jdbc:sqlitevec:", "ratio");
            for (SideBySide.Result r : results) {
                table.add(r.name, f("%.1f µs", r.baselineNanos / 1e3), f("%.1f µs", r.candidateNanos / 1e3),
                        ratio(r.candidateNanos / r.baselineNanos));
            }
            System.out.println(table);
        }
    }

    private static Connection filled(String url, int rows) throws Exception {
        Connection c = DriverManager.getConnection(url);
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE scan(id INTEGER PRIMARY KEY, name TEXT)");
            s.execute("WITH RECURSIVE r(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM r WHERE i < " + rows + ")"
                    + " INSERT INTO scan SELECT i, 'row ' || i FROM r");
            s.execute("CREATE TABLE sink(a INTEGER, b TEXT)");
        }
        return c;
    }

    private static void scan(Connection c) throws Exception {
        long sum = 0;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT id, name FROM scan")) {
            while (rs.next()) {
                sum += rs.getLong(1) + rs.getString(2).length();
            }
        }
        if (sum == 0) {
            throw new IllegalStateException("empty scan");
        }
    }

    private static void batch(Connection c) throws Exception {
        c.setAutoCommit(false);
        try (PreparedStatement p = c.prepareStatement("INSERT INTO sink VALUES (?, ?)")) {
            for (int i = 0; i < 10_000; i++) {
                p.setInt(1, i);
                p.setString(2, "value");
                p.addBatch();
            }
            p.executeBatch();
        }
        c.rollback();
        c.setAutoCommit(true);
    }
}
