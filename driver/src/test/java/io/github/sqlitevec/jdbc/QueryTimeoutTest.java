package io.github.sqlitevec.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.function.Executable;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * sqlite-jdbc's own setQueryTimeout lets a running query finish; ours interrupts it. The queries
 * below never end by themselves, so each test either sees the interruption or hits its @Timeout.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class QueryTimeoutTest {
    static final String ENDLESS = "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n) SELECT count(*) FROM n";

    @Test
    void queryTimeoutInterruptsARunningQueryWithSqlState57014() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlitevec::memory:");
             Statement s = c.createStatement()) {
            s.setQueryTimeout(1);
            SQLTimeoutException e = assertThrows(SQLTimeoutException.class, () -> s.executeQuery(ENDLESS).next());
            assertEquals("57014", e.getSQLState());
            // the connection stays usable afterwards
            s.setQueryTimeout(0);
            try (ResultSet rs = s.executeQuery("SELECT 42")) {
                rs.next();
                assertEquals(42, rs.getInt(1));
            }
        }
    }

    @Test
    void preparedStatementTimeoutInterruptsToo() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlitevec::memory:");
             PreparedStatement p = c.prepareStatement(ENDLESS)) {
            p.setQueryTimeout(1);
            SQLTimeoutException e = assertThrows(SQLTimeoutException.class, () -> p.executeQuery().next());
            assertEquals("57014", e.getSQLState());
        }
    }

    @Test
    void cancelFromAnotherThreadStopsTheQuery() throws Exception {
        ExecutorService other = Executors.newSingleThreadExecutor();
        try (Connection c = DriverManager.getConnection("jdbc:sqlitevec::memory:");
             Statement s = c.createStatement()) {
            Future<?> canceller = other.submit(() -> {
                Thread.sleep(500);
                s.cancel();
                return null;
            });
            SQLException e = assertThrows(SQLException.class, () -> s.executeQuery(ENDLESS).next());
            assertEquals("57014", e.getSQLState());
            // cancel() is SQLite's own interrupt, as sqlite-jdbc reports it: not a timeout (pools evict on those)
            assertEquals(SQLiteErrorCode.SQLITE_INTERRUPT, assertInstanceOf(SQLiteException.class, e).getResultCode());
            canceller.get();
        } finally {
            other.shutdownNow();
        }
    }

    @Test
    void aQueryThatFinishesInTimeIsNotDisturbedLater() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlitevec::memory:");
             Statement s = c.createStatement()) {
            s.setQueryTimeout(1);
            try (ResultSet rs = s.executeQuery("SELECT 1")) {
                rs.next();
            }
            Thread.sleep(1500); // the timer for the finished query would have fired by now
            s.setQueryTimeout(0);
            try (ResultSet rs = s.executeQuery("WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 3000000) SELECT count(*) FROM n")) {
                rs.next();
                assertEquals(3000000, rs.getInt(1));
            }
        }
    }

    /** Each public execute path reaches sqlite-jdbc's work through a chain of its own methods; the timer must stop every one. */
    @Test
    void everyExecutePathStopsAtItsTimeout() throws SQLException {
        String endlessInsert = "INSERT INTO t WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n) SELECT x FROM n";
        try (Connection c = DriverManager.getConnection("jdbc:sqlitevec::memory:")) {
            c.createStatement().execute("CREATE TABLE t (x)");
            List<Map.Entry<String, Executable>> paths = List.of(
                    Map.entry("Statement.execute", () -> timed(c.createStatement()).execute(endlessInsert)),
                    Map.entry("Statement.executeUpdate", () -> timed(c.createStatement()).executeUpdate(endlessInsert)),
                    Map.entry("Statement.executeLargeUpdate", () -> timed(c.createStatement()).executeLargeUpdate(endlessInsert)),
                    Map.entry("Statement.executeBatch", () -> {
                        Statement s = timed(c.createStatement());
                        s.addBatch(endlessInsert);
                        s.executeBatch();
                    }),
                    Map.entry("PreparedStatement.executeUpdate", () -> timed(c.prepareStatement(endlessInsert)).executeUpdate()),
                    Map.entry("PreparedStatement.execute", () -> timed(c.prepareStatement(endlessInsert)).execute()),
                    Map.entry("PreparedStatement.executeBatch", () -> {
                        PreparedStatement p = timed(c.prepareStatement(endlessInsert));
                        p.addBatch();
                        p.executeBatch();
                    }));
            for (Map.Entry<String, Executable> path : paths) {
                long start = System.nanoTime();
                SQLTimeoutException e = assertThrows(SQLTimeoutException.class, path.getValue(), path.getKey());
                long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                assertEquals("57014", e.getSQLState(), path.getKey());
                assertTrue(e.getMessage().contains("timeout of 1 s"), path.getKey() + ": " + e.getMessage());
                assertTrue(millis < 30_000, path.getKey() + " took " + millis + " ms");
                try (ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM t")) {
                    rs.next();
                    assertEquals(0, rs.getInt(1), path.getKey() + ": the interrupted statement left rows behind");
                }
            }
        }
    }

    private static <T extends Statement> T timed(T statement) throws SQLException {
        statement.setQueryTimeout(1);
        return statement;
    }
}
