package io.github.sqlitevec.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteConnection;

/**
 * HikariCP closes a pooled connection whose error carries an SQLState starting with 08 or one of
 * 0A000, 57P01-3, 01002, JZ0C0/1 (and any SQLTimeoutException). Each error below happens on a
 * healthy connection; the pool (one connection) must hand the same physical connection out again,
 * and it must serve.
 */
@Timeout(120) // a safety net: the cancel() case runs an endless query until it is interrupted
class HikariKeepsHealthyConnectionsTest {

    @TempDir
    Path dir;
    HikariDataSource pool;

    @BeforeEach
    void openPool() throws SQLException {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:sqlitevec:" + dir.resolve("pool.db") + "?busy_timeout=0");
        config.setMaximumPoolSize(1);
        config.setMinimumIdle(1);
        config.setConnectionTimeout(5_000);
        pool = new HikariDataSource(config);
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, u TEXT UNIQUE)");
            s.execute("INSERT INTO t VALUES (1, 'a')");
        }
    }

    @AfterEach
    void closePool() {
        pool.close();
    }

    private interface Provocation {
        void run(Connection c) throws Exception;
    }

    /** Every error an application may meet on a healthy connection, by the state it must not evict on. */
    private Map<String, Provocation> provocations() throws Exception {
        Path junk = dir.resolve("junk.db");
        Files.writeString(junk, "not a database ".repeat(400));
        Map<String, Provocation> p = new LinkedHashMap<>();
        p.put("ATTACH of a file in a missing directory (CANTOPEN)",
                c -> c.createStatement().execute("ATTACH DATABASE '" + dir.resolve("no/dir/x.db") + "' AS other"));
        p.put("backup into a missing directory", c -> c.createStatement().execute("backup to " + dir.resolve("no/dir/copy.db")));
        p.put("restore from a missing file", c -> c.createStatement().execute("restore from " + dir.resolve("missing.db")));
        p.put("ATTACH of a file that is not a database, then a query (NOTADB)", c -> {
            try (Statement s = c.createStatement()) {
                s.execute("ATTACH DATABASE '" + junk + "' AS junk");
                try {
                    s.executeQuery("SELECT * FROM junk.sqlite_master").next();
                } finally {
                    s.execute("DETACH DATABASE junk");
                }
            }
        });
        p.put("createClob (Hibernate probes it at boot)", Connection::createClob);
        p.put("createBlob", Connection::createBlob);
        p.put("createNClob", Connection::createNClob);
        p.put("createSQLXML", Connection::createSQLXML);
        p.put("createStruct", c -> c.createStruct("s", new Object[0]));
        p.put("setObject with an SQLType", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT ?")) {
                ps.setObject(1, 1, java.sql.JDBCType.INTEGER);
            }
        });
        p.put("unique violation", c -> c.createStatement().executeUpdate("INSERT INTO t VALUES (2, 'a')"));
        p.put("syntax error", c -> c.createStatement().executeQuery("SELEC 1"));
        p.put("a NaN in a float[] vector", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT ?")) {
                ps.setObject(1, new float[] {Float.NaN});
            }
        });
        p.put("a closed prepared statement", c -> {
            PreparedStatement ps = c.prepareStatement("SELECT 1");
            ps.close();
            ps.executeQuery();
        });
        p.put("busy: another connection holds the write lock", c -> {
            try (Connection other = DriverManager.getConnection("jdbc:sqlitevec:" + dir.resolve("pool.db"));
                 Statement s = other.createStatement()) {
                s.execute("BEGIN IMMEDIATE");
                try {
                    c.createStatement().executeUpdate("INSERT INTO t VALUES (3, 'c')");
                } finally {
                    s.execute("ROLLBACK");
                }
            }
        });
        p.put("Statement.cancel() interrupting a running query (57014, not a timeout)", c -> {
            try (Statement s = c.createStatement()) {
                CountDownLatch started = new CountDownLatch(1);
                Thread canceller = new Thread(() -> {
                    try {
                        started.await();
                        for (int i = 0; i < 200; i++) {
                            Thread.sleep(20);
                            s.cancel();
                        }
                    } catch (Exception ignored) {
                        // the statement finished or closed: nothing left to cancel
                    }
                });
                canceller.setDaemon(true);
                canceller.start();
                started.countDown();
                try (ResultSet rs = s.executeQuery(
                        "WITH RECURSIVE r(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM r) SELECT count(*) FROM r")) {
                    rs.next();
                } finally {
                    canceller.interrupt();
                }
            }
        });
        return p;
    }

    @Test
    void everyErrorOnAHealthyConnectionLeavesThatConnectionInThePool() throws Exception {
        SQLiteConnection physical;
        try (Connection c = pool.getConnection()) {
            physical = c.unwrap(SQLiteConnection.class);
        }
        for (Map.Entry<String, Provocation> provocation : provocations().entrySet()) {
            String name = provocation.getKey();
            try (Connection c = pool.getConnection()) {
                SQLException e = assertThrows(SQLException.class, () -> provocation.getValue().run(c), name);
                String state = e.getSQLState();
                assertNotNull(state, name);
                assertFalse(state.startsWith("08") || state.equals("0A000") || state.startsWith("57P") || state.equals("01002")
                        || state.startsWith("JZ0C"), name + " carries the evicting state " + state);
                assertFalse(c.isClosed(), name + ": HikariCP closed the connection it marked broken, on " + state);
            }
            try (Connection c = pool.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM t")) {
                assertSame(physical, c.unwrap(SQLiteConnection.class), name + ": the pool replaced its connection");
                assertTrue(rs.next(), name);
                assertEquals(1, rs.getInt(1), name + ": nothing half-written");
            }
            assertEquals(1, pool.getHikariPoolMXBean().getTotalConnections(), name);
        }
    }
}
