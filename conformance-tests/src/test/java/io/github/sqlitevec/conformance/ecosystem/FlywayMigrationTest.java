package io.github.sqlitevec.conformance.ecosystem;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlitevec.jdbc.SqliteVecDataSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Flyway runs migrations, including one that creates a {@code vec0} table, against
 * {@code jdbc:sqlitevec:} with nothing else configured. Surefire runs this class twice: against
 * the newest Flyway and against the line Spring Boot manages (execution {@code flyway-12}).
 */
class FlywayMigrationTest {
    private static final float[] NEAR_NORTH = {0.1f, 0.9f, 0f};

    @TempDir
    Path dir;

    @Test
    void testedFlywayIsTheVersionThisExecutionPinned() throws IOException {
        String expected = System.getProperty("ecosystem.flyway.expectedVersion");
        try (InputStream in = Flyway.class.getResourceAsStream("/org/flywaydb/core/internal/version.txt")) {
            assertEquals(expected, new String(in.readAllBytes(), StandardCharsets.UTF_8).trim());
        }
    }

    @Test
    void migratesThroughADataSource() throws SQLException {
        String url = "jdbc:sqlitevec:" + dir.resolve("datasource.db");
        SqliteVecDataSource dataSource = new SqliteVecDataSource();
        dataSource.setUrl(url);

        MigrateResult result = Flyway.configure()
                .dataSource(dataSource)
                .locations(MigratedDocuments.FLYWAY_LOCATION)
                .load()
                .migrate();

        assertEquals(2, result.migrationsExecuted);
        assertNorthIsNearest(url);
    }

    @Test
    void migratesFromTheUrlAlone() throws SQLException {
        String url = "jdbc:sqlitevec:" + dir.resolve("url.db");

        MigrateResult result = Flyway.configure()
                .dataSource(url, null, null)
                .locations(MigratedDocuments.FLYWAY_LOCATION)
                .load()
                .migrate();

        assertEquals(2, result.migrationsExecuted);
        assertNorthIsNearest(url);
    }

    @Test
    void migratesFromCommandLineStyleConfiguration() throws SQLException {
        String url = "jdbc:sqlitevec:" + dir.resolve("cli.db");

        // The keys of flyway.conf / the command line, as the CLI and build plugins hand them over.
        MigrateResult result = Flyway.configure()
                .configuration(Map.of("flyway.url", url, "flyway.locations", MigratedDocuments.FLYWAY_LOCATION))
                .load()
                .migrate();

        assertEquals(2, result.migrationsExecuted);
        assertNorthIsNearest(url);
    }

    @Test
    void secondRunFindsTheSchemaUpToDate() {
        String url = "jdbc:sqlitevec:" + dir.resolve("again.db");
        Flyway flyway = Flyway.configure().dataSource(url, null, null).locations(MigratedDocuments.FLYWAY_LOCATION).load();

        flyway.migrate();
        MigrateResult again = flyway.migrate();

        assertEquals(0, again.migrationsExecuted);
        assertEquals("2", flyway.info().current().getVersion().getVersion());
    }

    private static void assertNorthIsNearest(String url) throws SQLException {
        try (Connection c = DriverManager.getConnection(url)) {
            assertEquals(List.of("north", "east", "south"), MigratedDocuments.titlesNearest(c, NEAR_NORTH));
        }
    }
}
