package io.github.sqlitevec.conformance.ecosystem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.github.sqlitevec.jdbc.SqliteVecDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import liquibase.command.CommandScope;
import liquibase.command.core.UpdateCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.core.SQLiteDatabase;
import liquibase.database.jvm.JdbcConnection;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Liquibase runs a changelog, including a changeset that creates a {@code vec0} table, against
 * {@code jdbc:sqlitevec:} with nothing else configured: through a connection from a DataSource, and
 * from the URL alone (what {@code liquibase update --url=...} does).
 */
class LiquibaseMigrationTest {
    private static final float[] NEAR_SOUTH = {0.1f, -0.9f, 0f};

    @TempDir
    Path dir;

    @BeforeAll
    static void keepLiquibaseOffTheNetwork() {
        // Liquibase 5 otherwise fetches its analytics configuration from the internet before each command.
        System.setProperty("liquibase.analytics.enabled", "false");
    }

    @Test
    void migratesThroughADataSourceConnection() throws Exception {
        String url = "jdbc:sqlitevec:" + dir.resolve("datasource.db");
        SqliteVecDataSource dataSource = new SqliteVecDataSource();
        dataSource.setUrl(url);

        try (Connection c = dataSource.getConnection()) {
            Database database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(c));
            assertInstanceOf(SQLiteDatabase.class, database);
            assertEquals("sqlite", database.getShortName(), "changelogs keep matching dbms=\"sqlite\"");
            new CommandScope(UpdateCommandStep.COMMAND_NAME)
                    .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
                    .addArgumentValue(UpdateCommandStep.CHANGELOG_FILE_ARG, MigratedDocuments.LIQUIBASE_CHANGELOG)
                    .execute();
        }

        assertSouthIsNearestAfterThreeChangesets(url);
    }

    @Test
    void migratesFromTheUrlAlone() throws Exception {
        String url = "jdbc:sqlitevec:" + dir.resolve("url.db");

        new CommandScope(UpdateCommandStep.COMMAND_NAME)
                .addArgumentValue(DbUrlConnectionArgumentsCommandStep.URL_ARG, url)
                .addArgumentValue(UpdateCommandStep.CHANGELOG_FILE_ARG, MigratedDocuments.LIQUIBASE_CHANGELOG)
                .execute();

        assertSouthIsNearestAfterThreeChangesets(url);
    }

    private static void assertSouthIsNearestAfterThreeChangesets(String url) throws SQLException {
        try (Connection c = DriverManager.getConnection(url);
             Statement s = c.createStatement();
             ResultSet applied = s.executeQuery("SELECT COUNT(*) FROM DATABASECHANGELOG")) {
            applied.next();
            assertEquals(3, applied.getInt(1));
            assertEquals(List.of("south", "east", "north"), MigratedDocuments.titlesNearest(c, NEAR_SOUTH));
        }
    }
}
