package io.github.sqlitevec.conformance.ecosystem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The chosen trade-off for {@code DatabaseMetaData.getURL()} (docs/ecosystem.md): URL-sniffing tools
 * see SQLite, and a tool that reconnects with it gets plain sqlite-jdbc on the same file, which
 * fails loudly on {@code vec0} instead of quietly doing something else.
 */
class MetaDataUrlTest {
    @TempDir
    Path dir;

    @Test
    void getUrlIsTheSameAddressAndOptionsAsASqliteUrl() throws SQLException {
        Path file = dir.resolve("meta.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlitevec:" + file + "?busy_timeout=100")) {
            assertEquals("jdbc:sqlite:" + file + "?busy_timeout=100", c.getMetaData().getURL());
            assertEquals("sqlitevec-jdbc", c.getMetaData().getDriverName(), "which driver is in use stays visible");
        }
    }

    @Test
    void reconnectingWithGetUrlReachesTheSameFileWithoutSqliteVec() throws SQLException {
        String reconnectUrl;
        try (Connection ours = DriverManager.getConnection("jdbc:sqlitevec:" + dir.resolve("reconnect.db"))) {
            ours.createStatement().execute("CREATE TABLE kept (id INTEGER PRIMARY KEY)");
            ours.createStatement().execute("CREATE VIRTUAL TABLE vectors USING vec0(embedding float[2])");
            reconnectUrl = ours.getMetaData().getURL();
        }

        try (Connection plain = DriverManager.getConnection(reconnectUrl)) {
            assertTrue(plain.createStatement().executeQuery("SELECT COUNT(*) FROM kept").next());
            SQLException e = assertThrows(SQLException.class,
                    () -> plain.createStatement().executeQuery("SELECT rowid FROM vectors"));
            assertTrue(e.getMessage().contains("no such module: vec0"), e.getMessage());
        }
    }
}
