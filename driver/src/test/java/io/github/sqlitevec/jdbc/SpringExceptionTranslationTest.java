package io.github.sqlitevec.jdbc;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.SQLErrorCodeSQLExceptionTranslator;

/** The test of our SQLStates is outside our code: Spring must classify them with no SQLite-specific setup. */
class SpringExceptionTranslationTest {
    @TempDir
    Path dir;

    @Test
    void duplicateKeyBecomesDuplicateKeyException() {
        SqliteVecDataSource ds = new SqliteVecDataSource();
        ds.setUrl("jdbc:sqlitevec:" + dir.resolve("spring.db"));
        JdbcTemplate jdbc = new JdbcTemplate(ds);
        jdbc.execute("CREATE TABLE t(id INTEGER PRIMARY KEY)");
        jdbc.update("INSERT INTO t VALUES (1)");
        assertThrows(DuplicateKeyException.class, () -> jdbc.update("INSERT INTO t VALUES (1)"));
    }

    @Test
    void errorCodeTranslatorClassifiesDuplicateAndBusy() throws Exception {
        SqliteVecDataSource ds = new SqliteVecDataSource();
        ds.setUrl("jdbc:sqlitevec:" + dir.resolve("busy.db"));
        SQLErrorCodeSQLExceptionTranslator translator = new SQLErrorCodeSQLExceptionTranslator(ds);
        JdbcTemplate jdbc = new JdbcTemplate(ds);
        jdbc.execute("CREATE TABLE t(id INTEGER PRIMARY KEY)");
        jdbc.update("INSERT INTO t VALUES (1)");

        SQLException duplicate = assertThrows(SQLException.class, () -> {
            try (var c = ds.getConnection(); var s = c.createStatement()) {
                s.executeUpdate("INSERT INTO t VALUES (1)");
            }
        });
        assertInstanceOf(DuplicateKeyException.class, translator.translate("insert", null, duplicate));

        try (var holder = ds.getConnection(); var h = holder.createStatement()) {
            h.execute("BEGIN IMMEDIATE");
            SqliteVecDataSource impatient = new SqliteVecDataSource();
            impatient.setUrl("jdbc:sqlitevec:" + dir.resolve("busy.db") + "?busy_timeout=0");
            SQLException busy = assertThrows(SQLException.class, () -> {
                try (var c = impatient.getConnection(); var s = c.createStatement()) {
                    s.executeUpdate("INSERT INTO t VALUES (2)");
                }
            });
            DataAccessException translated = translator.translate("insert", null, busy);
            assertInstanceOf(PessimisticLockingFailureException.class, translated, String.valueOf(translated));
            h.execute("ROLLBACK");
        }
    }
}
