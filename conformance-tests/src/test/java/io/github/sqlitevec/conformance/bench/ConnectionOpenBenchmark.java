package io.github.sqlitevec.conformance.bench;

import static io.github.sqlitevec.conformance.bench.MarkdownTable.f;
import static io.github.sqlitevec.conformance.bench.MarkdownTable.ratio;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

/**
 * What a new {@code jdbc:sqlitevec:} connection costs over a plain {@code jdbc:sqlite:} one
 * (loading sqlite-vec, checking vec_version(), switching extension loading off), after the first.
 *
 * <pre>./mvnw -B -pl conformance-tests -am -Pbench verify -DskipTests -Dbench.main=io.github.sqlitevec.conformance.bench.ConnectionOpenBenchmark</pre>
 */
public final class ConnectionOpenBenchmark {
    private ConnectionOpenBenchmark() {}

    public static void main(String[] args) throws Exception {
        List<SideBySide.Result> results = measure();
        results.forEach(System.out::println);
        System.out.println(table(results));
    }

    static List<SideBySide.Result> measure() throws Exception {
        Path dir = BenchWorkspace.scratch("open");
        try {
            Path file = dir.resolve("open.db");
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE t(x)"); // a real file with a schema, as an app would open
            }
            int rounds = Integer.getInteger("bench.rounds", 40);
            int perRound = Integer.getInteger("bench.perRound", 200);
            OfficialSqliteVec official = OfficialSqliteVec.fetch();
            return List.of(
                    // sqlite-jdbc alone never touches the file here; our load statement reads the schema
                    SideBySide.measure("open + close connection (file)",
                            () -> openClose("jdbc:sqlite:" + file), () -> openClose("jdbc:sqlitevec:" + file), rounds, perRound),
                    // what an application sees: its first statement reads the schema on both sides
                    SideBySide.measure("open + SELECT 1 + close (file)",
                            () -> openQuery("jdbc:sqlite:" + file), () -> openQuery("jdbc:sqlitevec:" + file), rounds, perRound),
                    SideBySide.measure("open + SELECT 1 + close (:memory:)",
                            () -> openQuery("jdbc:sqlite::memory:"), () -> openQuery("jdbc:sqlitevec::memory:"), rounds, perRound),
                    // the alternative to our driver: load the official binary by hand on each connection
                    SideBySide.measure("by hand: official load_extension + SELECT 1 (file)",
                            () -> openLoadByHand(official, file), () -> openQuery("jdbc:sqlitevec:" + file), rounds, perRound));
        } finally {
            BenchWorkspace.deleteRecursively(dir);
        }
    }

    static MarkdownTable table(List<SideBySide.Result> results) {
        MarkdownTable table = new MarkdownTable("connection open (median per connection)",
                "operation", "baseline (jdbc:sqlite:)", "jdbc:sqlitevec:", "extra", "ratio");
        for (SideBySide.Result r : results) {
            table.add(r.name, f("%.1f µs", r.baselineNanos / 1e3), f("%.1f µs", r.candidateNanos / 1e3),
                    f("%+.1f µs", (r.candidateNanos - r.baselineNanos) / 1e3), ratio(r.candidateNanos / r.baselineNanos));
        }
        return table;
    }

    private static void openClose(String url) throws Exception {
        DriverManager.getConnection(url).close();
    }

    private static void openLoadByHand(OfficialSqliteVec official, Path file) throws Exception {
        try (Connection c = official.open(file); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT 1")) {
            rs.next();
        }
    }

    private static void openQuery(String url) throws Exception {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT 1")) {
            rs.next();
        }
    }
}
