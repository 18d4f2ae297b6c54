package io.github.sqlitevec.jdbc.internal.wrappers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sqlite.SQLiteConnection;
import org.sqlite.jdbc4.JDBC4Connection;

class QueryTimeoutTest {
    /** Counts far enough to run for many seconds, so only an interrupt ends it in time. */
    private static final String SLOW_QUERY = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c"
            + " WHERE x < 2000000000) SELECT count(*) FROM c";

    private final SQLiteConnection connection = open();

    private static SQLiteConnection open() {
        try {
            return new JDBC4Connection("jdbc:sqlite::memory:", ":memory:", new Properties());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterEach
    void close() throws SQLException {
        connection.close();
    }

    private VecStatement statement() throws SQLException {
        return new VecStatement(connection);
    }

    @Test
    void slowQueryIsInterruptedAtItsTimeoutWithSqlState57014() throws SQLException {
        VecStatement statement = statement();
        statement.setQueryTimeout(1);
        long start = System.nanoTime();
        SQLTimeoutException e = assertThrows(SQLTimeoutException.class, () -> statement.executeQuery(SLOW_QUERY));
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertEquals("57014", e.getSQLState());
        assertTrue(e.getMessage().contains("timeout of 1 s"), e.getMessage());
        assertTrue(millis >= 900 && millis < 5000, "took " + millis + " ms");
        assertEquals(1, statement.getQueryTimeout());
        try (ResultSet rs = statement.executeQuery("SELECT 42")) {
            assertTrue(rs.next());
            assertEquals(42, rs.getInt(1));
        }
    }

    @Test
    void slowRowIsInterruptedDuringNext() throws SQLException {
        VecStatement statement = statement();
        statement.execute("CREATE TABLE t(v)");
        statement.execute("INSERT INTO t VALUES (1), (2)");
        statement.setQueryTimeout(1);
        // The first row is cheap; the second needs the slow count, so the time is spent in next().
        ResultSet rs = statement.executeQuery("SELECT v, CASE WHEN v = 2 THEN (" + SLOW_QUERY + ") END FROM t");
        assertTrue(rs.next());
        SQLTimeoutException e = assertThrows(SQLTimeoutException.class, rs::next);
        assertEquals("57014", e.getSQLState());
    }

    @Test
    void cancelFromAnotherThreadStopsARunningQuery() throws Exception {
        VecStatement statement = statement();
        CompletableFuture<Void> cancel = CompletableFuture.runAsync(() -> {
            try {
                Thread.sleep(300);
                statement.cancel();
            } catch (InterruptedException | SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        SQLException e = assertThrows(SQLException.class, () -> statement.executeQuery(SLOW_QUERY));
        cancel.get();
        assertEquals("57014", e.getSQLState());
    }

    @Test
    void stoppedGuardCannotInterruptALaterStep() throws SQLException {
        Statement setup = connection.createStatement();
        setup.execute("CREATE TABLE t(v)");
        setup.execute("INSERT INTO t VALUES (1), (2), (3)");
        // An open cursor keeps SQLite's interrupt flag alive, so a stray interrupt would hit its next step.
        ResultSet open = statement().executeQuery("SELECT v FROM t");
        assertTrue(open.next());
        QueryTimer.Guard guard = QueryTimer.start(connection.getDatabase(), 60);
        QueryTimer.stop(guard);
        guard.run();
        assertTrue(open.next());
        assertEquals(2, open.getInt(1));
    }

    @Test
    void negativeTimeoutIsRejectedLikeSqliteJdbc() throws SQLException {
        VecStatement statement = statement();
        SQLException e = assertThrows(SQLException.class, () -> statement.setQueryTimeout(-1));
        assertTrue(e.getMessage().contains("query timeout must be >= 0"), e.getMessage());
        assertEquals(0, statement.getQueryTimeout());
    }
}
