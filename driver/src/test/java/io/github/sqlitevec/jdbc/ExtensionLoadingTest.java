package io.github.sqlitevec.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class ExtensionLoadingTest {

    private static SQLException loadFromSql(Connection c) {
        return assertThrows(SQLException.class, () -> {
            try (Statement s = c.createStatement()) {
                s.executeQuery("SELECT load_extension('/nonexistent/evil.so')").next();
            }
        });
    }

    @Test
    void sqlLoadExtensionIsNotAuthorizedByDefault() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlitevec::memory:")) {
            SQLException e = loadFromSql(c);
            assertTrue(e instanceof org.sqlite.SQLiteException, e.getClass().getName());
            assertEquals("42501", e.getSQLState());
            assertTrue(e.getMessage().contains("not authorized"), e.getMessage());
        }
    }

    @Test
    void askingSqliteJdbcToDisableItIsHonouredToo() throws SQLException {
        Properties p = new Properties();
        p.setProperty("enable_load_extension", "false");
        try (Connection c = DriverManager.getConnection("jdbc:sqlitevec::memory:", p)) {
            assertTrue(loadFromSql(c).getMessage().contains("not authorized"));
        }
    }

    @Test
    void urlOptInKeepsLoadExtensionAvailable() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlitevec::memory:?enable_load_extension=true")) {
            SQLException e = loadFromSql(c);
            assertFalse(e.getMessage().contains("not authorized"), "the file is missing, but loading was allowed: " + e.getMessage());
        }
    }

    @Test
    void propertiesOptInKeepsLoadExtensionAvailable() throws SQLException {
        Properties p = new Properties();
        p.setProperty("enable_load_extension", "true");
        try (Connection c = DriverManager.getConnection("jdbc:sqlitevec::memory:", p)) {
            assertFalse(loadFromSql(c).getMessage().contains("not authorized"));
        }
    }
}
