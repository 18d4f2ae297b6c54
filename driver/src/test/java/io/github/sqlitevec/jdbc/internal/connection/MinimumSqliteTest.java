package io.github.sqlitevec.jdbc.internal.connection;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class MinimumSqliteTest {

    @Test
    void tooOldSqliteIsRefusedWithBothVersionsAndTheFix() {
        SQLException e = assertThrows(SQLException.class, () -> VectorExtension.requireSupportedSqlite("3.36.0", "0.1.9"));
        assertEquals("08001", e.getSQLState());
        assertTrue(e.getMessage().contains("SQLite 3.36.0"), e.getMessage());
        assertTrue(e.getMessage().contains("3.38.0 or newer"), e.getMessage());
        assertTrue(e.getMessage().contains("upgrade org.xerial:sqlite-jdbc"), e.getMessage());
    }

    @Test
    void currentAndBoundaryVersionsAreAccepted() {
        assertDoesNotThrow(() -> VectorExtension.requireSupportedSqlite("3.38.0", "0.1.9"));
        assertDoesNotThrow(() -> VectorExtension.requireSupportedSqlite("3.54.1", "0.1.9"));
        assertDoesNotThrow(() -> VectorExtension.requireSupportedSqlite("4.0", "0.1.9"));
        assertThrows(SQLException.class, () -> VectorExtension.requireSupportedSqlite("3.37.2", "0.1.9"));
    }

    @Test
    void urlOptionsAreSeparatedFromTheAddress() {
        ConnectionUrl url = ConnectionUrl.parse("jdbc:sqlitevec:a.db?journal_mode=WAL&enable_load_extension=true&foreign_keys=on",
                new java.util.Properties());
        assertEquals("a.db?journal_mode=WAL&foreign_keys=on", url.address);
        assertTrue(url.userLoadsExtensions);
        assertEquals("a.db", ConnectionUrl.parse("jdbc:sqlitevec:a.db?enable_load_extension=false", new java.util.Properties()).address);
    }
}
