package io.github.sqlitevec.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

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
}
