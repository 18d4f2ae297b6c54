package io.github.sqlitevec.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteConnection;

class ConnectionPathsTest {
    @TempDir
    Path dir;

    static String vecVersion(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT vec_version()")) {
            assertTrue(rs.next());
            return rs.getString(1);
        }
    }

    @Test
    void driverManagerConnectionHasSqliteVec() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlitevec:" + dir.resolve("a.db"))) {
            assertEquals("v" + SqliteVecDriver.SQLITE_VEC_VERSION, vecVersion(c));
            assertEquals("SQLite", c.getMetaData().getDatabaseProductName());
            assertEquals("sqlitevec-jdbc", c.getMetaData().getDriverName());
        }
    }

    @Test
    void inMemoryAndEmptyAddressesWork() throws Exception {
        for (String url : List.of("jdbc:sqlitevec::memory:", "jdbc:sqlitevec:", "jdbc:sqlitevec:file::memory:?cache=shared")) {
            try (Connection c = DriverManager.getConnection(url)) {
                assertEquals("v" + SqliteVecDriver.SQLITE_VEC_VERSION, vecVersion(c), url);
            }
        }
    }

    @Test
    void connectionIsASqliteConnectionAndUnwraps() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlitevec::memory:")) {
            assertInstanceOf(SQLiteConnection.class, c);
            SQLiteConnection sqlite = c.unwrap(SQLiteConnection.class);
            assertTrue(sqlite.libversion().startsWith("3."));
        }
    }

    @Test
    void urlParametersReachSqliteJdbcAndDoNotBecomePartOfTheFileName() throws Exception {
        Path file = dir.resolve("params.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlitevec:" + file + "?journal_mode=WAL&enable_load_extension=false");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("PRAGMA journal_mode")) {
            rs.next();
            assertEquals("wal", rs.getString(1));
        }
        assertTrue(file.toFile().isFile(), "the database file is named without the query string");
    }

    @Test
    void dataSourceConnectionHasSqliteVec() throws Exception {
        SqliteVecDataSource ds = new SqliteVecDataSource();
        ds.setUrl("jdbc:sqlitevec:" + dir.resolve("ds.db"));
        ds.setJournalMode("WAL");
        try (Connection c = ds.getConnection()) {
            assertEquals("v" + SqliteVecDriver.SQLITE_VEC_VERSION, vecVersion(c));
        }
    }

    @Test
    void hikariWithJdbcUrlHasSqliteVecOnEveryConnection() throws Exception {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:sqlitevec:" + dir.resolve("hikari.db"));
        config.setMaximumPoolSize(4);
        try (HikariDataSource pool = new HikariDataSource(config)) {
            assertEveryPooledConnectionHasVec(pool, 4);
        }
    }

    @Test
    void hikariWithDataSourceClassNameHasSqliteVec() throws Exception {
        HikariConfig config = new HikariConfig();
        config.setDataSourceClassName(SqliteVecDataSource.class.getName());
        config.addDataSourceProperty("url", "jdbc:sqlitevec:" + dir.resolve("hikari-ds.db"));
        config.setMaximumPoolSize(3);
        try (HikariDataSource pool = new HikariDataSource(config)) {
            assertEveryPooledConnectionHasVec(pool, 3);
        }
    }

    private static void assertEveryPooledConnectionHasVec(HikariDataSource pool, int size) throws SQLException {
        List<Connection> held = new ArrayList<>();
        try {
            for (int i = 0; i < size; i++) {
                Connection c = pool.getConnection();
                held.add(c);
                assertEquals("v" + SqliteVecDriver.SQLITE_VEC_VERSION, vecVersion(c));
            }
        } finally {
            for (Connection c : held) {
                c.close();
            }
        }
    }

    @Test
    void sixtyFourConnectionsFromEightThreadsAllAnswerVecVersion() throws Exception {
        String url = "jdbc:sqlitevec:" + dir.resolve("concurrent.db");
        ExecutorService threads = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        Set<String> versions = ConcurrentHashMap.newKeySet();
        List<Future<?>> results = new ArrayList<>();
        try {
            for (int i = 0; i < 64; i++) {
                results.add(threads.submit(() -> {
                    start.await();
                    try (Connection c = DriverManager.getConnection(url)) {
                        versions.add(vecVersion(c));
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : results) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }
        assertEquals(Set.of("v" + SqliteVecDriver.SQLITE_VEC_VERSION), versions);
    }

    @Test
    void driverIgnoresOtherUrls() throws Exception {
        SqliteVecDriver driver = new SqliteVecDriver();
        assertEquals(null, driver.connect("jdbc:sqlite::memory:", new java.util.Properties()));
        assertTrue(driver.acceptsURL("JDBC:SQLITEVEC::memory:"));
    }

    @Test
    void setReadOnlyStillWorksBecauseOurHookIsNotTheFirstStatement() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlitevec:" + dir.resolve("ro.db") + "?jdbc.explicit_readonly=true")) {
            c.setReadOnly(true);
            assertTrue(c.isReadOnly());
            assertEquals("v" + SqliteVecDriver.SQLITE_VEC_VERSION, vecVersion(c));
        }
    }

    @Test
    void tinyLengthLimitsDoNotStopTheHookAndStayInForce() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlitevec:" + dir.resolve("limits.db") + "?limit_length=12");
             Statement s = c.createStatement()) {
            SQLException e = org.junit.jupiter.api.Assertions.assertThrows(SQLException.class,
                    () -> s.executeQuery("SELECT 'a string that is much longer than the thirty bytes SQLite allows at least'").next());
            assertEquals("54000", e.getSQLState(), "the user's limit applies again after the hook");
        }
    }

    @Test
    void indexInfoOfAVec0TableWithAPrimaryKeyIsEmptyNotAnError() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlitevec:" + dir.resolve("idx.db"));
             Statement s = c.createStatement()) {
            s.execute("CREATE VIRTUAL TABLE docs USING vec0(id INTEGER PRIMARY KEY, e float[2])");
            s.execute("CREATE TABLE plain(id INTEGER PRIMARY KEY, name TEXT UNIQUE)");
            try (ResultSet rs = c.getMetaData().getIndexInfo(null, null, "docs", false, false)) {
                assertEquals(13, rs.getMetaData().getColumnCount());
                assertTrue(!rs.next(), "a virtual table has no indexes");
            }
            try (ResultSet rs = c.getMetaData().getIndexInfo(null, null, "plain", false, false)) {
                assertTrue(rs.next(), "ordinary tables still list their indexes");
            }
        }
    }

    private static long mmapSize(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA mmap_size")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void fileDatabasesAreMemoryMappedByDefaultAndTheUserCanOptOut() throws Exception {
        String file = "jdbc:sqlitevec:" + dir.resolve("mmap.db");
        try (Connection c = DriverManager.getConnection(file)) {
            assertEquals(4L << 30, mmapSize(c), "the driver's default");
        }
        try (Connection c = DriverManager.getConnection(file + "?mmap_size=0")) {
            assertEquals(0, mmapSize(c), "the URL's choice wins");
        }
        java.util.Properties p = new java.util.Properties();
        p.setProperty("mmap_size", "1048576");
        try (Connection c = DriverManager.getConnection(file, p)) {
            assertEquals(1048576, mmapSize(c), "the Properties' choice wins");
        }
    }
}
