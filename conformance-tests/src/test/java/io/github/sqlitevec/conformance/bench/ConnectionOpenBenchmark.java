package io.github.sqlitevec.conformance.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * What a new {@code jdbc:sqlitevec:} connection costs over a plain {@code jdbc:sqlite:} one
 * (loading sqlite-vec, checking vec_version(), switching extension loading off), after the first.
 *
 * <pre>./mvnw -pl conformance-tests -Pbench verify -Dbench.main=io.github.sqlitevec.conformance.bench.ConnectionOpenBenchmark</pre>
 */
public final class ConnectionOpenBenchmark {
    private ConnectionOpenBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("sqlitevec-bench");
        Path file = dir.resolve("open.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t(x)"); // a real file with a schema, as an app would open
        }
        int rounds = Integer.getInteger("bench.rounds", 40);
        int perRound = Integer.getInteger("bench.perRound", 200);
        System.out.println(SideBySide.measure("open + close connection (file)",
                () -> openClose("jdbc:sqlite:" + file), () -> openClose("jdbc:sqlitevec:" + file), rounds, perRound));
        System.out.println(SideBySide.measure("open + SELECT 1 + close (:memory:)",
                () -> openQuery("jdbc:sqlite::memory:"), () -> openQuery("jdbc:sqlitevec::memory:"), rounds, perRound));
    }

    private static void openClose(String url) throws Exception {
        DriverManager.getConnection(url).close();
    }

    private static void openQuery(String url) throws Exception {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT 1")) {
            rs.next();
        }
    }
}
