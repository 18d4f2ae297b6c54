package io.github.sqlitevec.conformance.ecosystem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.zaxxer.hikari.HikariDataSource;
import io.github.sqlitevec.jdbc.SqliteVecDriver;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A Spring Boot 4 application whose only database setting is {@code spring.datasource.url=jdbc:sqlitevec:...},
 * with H2 on the classpath as well (Boot would otherwise take H2's driver for a URL it does not know).
 */
class SpringBootZeroConfigurationTest {

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class Application {
    }

    @TempDir
    Path dir;

    private ConfigurableApplicationContext start(String url) {
        return new SpringApplicationBuilder(Application.class)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .run("--spring.datasource.url=" + url); // as from the command line: the user's own setting
    }

    @Test
    void urlAloneGivesAHikariPoolOfSqliteVecConnections() throws Exception {
        try (ConfigurableApplicationContext app = start("jdbc:sqlitevec:" + dir.resolve("app.db"))) {
            HikariDataSource pool = assertInstanceOf(HikariDataSource.class, app.getBean(DataSource.class));
            assertEquals(SqliteVecDriver.class.getName(), pool.getDriverClassName());
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            assertEquals("v" + SqliteVecDriver.SQLITE_VEC_VERSION, jdbc.queryForObject("SELECT vec_version()", String.class));

            jdbc.execute("CREATE VIRTUAL TABLE notes USING vec0(embedding float[2])");
            jdbc.update("INSERT INTO notes(rowid, embedding) VALUES (?, ?)", 1, new float[] {1f, 0f});
            jdbc.update("INSERT INTO notes(rowid, embedding) VALUES (?, ?)", 2, new float[] {0f, 1f});
            List<Long> nearest = jdbc.queryForList(
                    "SELECT rowid FROM notes WHERE embedding MATCH ? AND k = 2 ORDER BY distance", Long.class,
                    (Object) new float[] {0.2f, 0.9f});
            assertEquals(List.of(2L, 1L), nearest);
        }
    }

    @Test
    void duplicateKeyBecomesDuplicateKeyException() {
        try (ConfigurableApplicationContext app = start("jdbc:sqlitevec:" + dir.resolve("dup.db"))) {
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            jdbc.execute("CREATE TABLE users (email TEXT PRIMARY KEY)");
            jdbc.update("INSERT INTO users VALUES ('a@example.org')");

            assertThrows(DuplicateKeyException.class, () -> jdbc.update("INSERT INTO users VALUES ('a@example.org')"));
        }
    }

    @Test
    void lockedDatabaseBecomesCannotAcquireLockException() throws Exception {
        Path file = dir.resolve("busy.db");
        try (ConfigurableApplicationContext app = start("jdbc:sqlitevec:" + file + "?busy_timeout=0")) {
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            jdbc.execute("CREATE TABLE counters (id INTEGER PRIMARY KEY)");
            try (Connection other = DriverManager.getConnection("jdbc:sqlitevec:" + file);
                 Statement holder = other.createStatement()) {
                holder.execute("BEGIN IMMEDIATE"); // another writer holds the lock

                assertThrows(CannotAcquireLockException.class, () -> jdbc.update("INSERT INTO counters VALUES (1)"));
                holder.execute("ROLLBACK");
            }
        }
    }

    @Test
    void otherUrlsKeepSpringBootsOwnDriverChoice() {
        try (ConfigurableApplicationContext app = start("jdbc:h2:mem:other")) {
            HikariDataSource pool = assertInstanceOf(HikariDataSource.class, app.getBean(DataSource.class));
            assertEquals("org.h2.Driver", pool.getDriverClassName());
            assertEquals(1, app.getBean(JdbcTemplate.class).queryForObject("SELECT 1", Integer.class));
        }
    }
}
