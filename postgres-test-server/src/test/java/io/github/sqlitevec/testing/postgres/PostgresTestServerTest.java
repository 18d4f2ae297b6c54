package io.github.sqlitevec.testing.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

class PostgresTestServerTest {

    private final PostgresTestServer pg = PostgresTestServer.shared();

    @Test
    void pgvectorAnswersACosineDistance() throws SQLException {
        String url = pg.createDatabase("server_smoke");
        assertEquals("jdbc:postgresql://127.0.0.1:" + pg.port() + "/server_smoke?user=postgres", url);
        try (Connection c = DriverManager.getConnection(url);
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT '[1,2,3]'::vector <=> '[1,2,4]'::vector")) {
            assertTrue(rs.next());
            // 1 - 17 / (sqrt(14) * sqrt(21))
            assertEquals(1 - 17 / Math.sqrt(14 * 21), rs.getDouble(1), 1e-6);
        }
    }

    @Test
    void itIsPostgres18WithPgvector082() {
        assertTrue(pg.version().startsWith("18."), pg.version());
        assertEquals("0.8.2", pg.pgvectorVersion());
    }

    @Test
    void twoDatabasesAreIsolated() throws SQLException {
        DataSource a = dataSourceOf("isolated_a");
        DataSource b = dataSourceOf("isolated_b");
        try (Connection ca = a.getConnection(); Statement s = ca.createStatement()) {
            s.execute("CREATE TABLE items (id int PRIMARY KEY, embedding vector(3))");
            s.execute("INSERT INTO items VALUES (1, '[1,2,3]')");
        }
        try (Connection cb = b.getConnection(); Statement s = cb.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_tables WHERE tablename = 'items'")) {
            rs.next();
            assertEquals(0, rs.getInt(1));
        }
    }

    @Test
    void createDatabaseStartsOverEvenWithOpenConnections() throws SQLException {
        DataSource ds = dataSourceOf("recreated");
        try (Connection open = ds.getConnection(); Statement s = open.createStatement()) {
            s.execute("CREATE TABLE leftover (id int)");
            pg.createDatabase("recreated");
        }
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT to_regclass('leftover') IS NULL")) {
            rs.next();
            assertTrue(rs.getBoolean(1));
        }
    }

    @Test
    void theServerNeverRunsAsRoot() throws IOException, SQLException {
        String uid;
        try (Connection c = dataSourceOf("who_runs").getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            // Read while the connection is open: the backend process ends with it.
            uid = Files.readAllLines(Path.of("/proc/" + rs.getInt(1) + "/status")).stream()
                    .filter(line -> line.startsWith("Uid:")).findFirst().orElseThrow().split("\\s+")[1];
        }
        if (ServerAccount.isRoot()) {
            // The CI case: the build is root, so the server runs as the system account.
            assertFalse(uid.equals("0"), "a backend runs as root");
            assertEquals(uid, idOf(ServerAccount.SYSTEM_USER));
        } else {
            assertEquals(idOf(System.getProperty("user.name")), uid);
        }
    }

    @Test
    void badDatabaseNamesAreRefusedWithTheRule() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> pg.createDatabase("drop\"me"));
        assertTrue(e.getMessage().contains("letters, digits and underscores"), e.getMessage());
    }

    private DataSource dataSourceOf(String name) {
        pg.createDatabase(name);
        return pg.dataSource(name);
    }

    private static String idOf(String user) throws IOException {
        Process p = new ProcessBuilder(List.of("id", "-u", user)).start();
        return new String(p.getInputStream().readAllBytes()).trim();
    }
}
