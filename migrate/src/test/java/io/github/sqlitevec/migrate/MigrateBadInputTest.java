package io.github.sqlitevec.migrate;

import static io.github.sqlitevec.migrate.MigrateEndToEndTest.strings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sqlitevec.migrate.MigrateEndToEndTest.Run;
import io.github.sqlitevec.testing.postgres.PostgresTestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every bad input gets exit code 2, a message that says what to do, and leaves the target as it was. */
class MigrateBadInputTest {

    @TempDir
    Path dir;

    @Test
    void aMissingSourceFileIsReportedAndNotCreated() throws Exception {
        String target = PostgresTestServer.shared().createDatabase("migrate_missing");
        Path missing = dir.resolve("nope.db");
        Run run = Run.of("--from", "jdbc:sqlitevec:" + missing, "--to", target);
        assertBadInput(run, "does not exist; check the path");
        assertTrue(Files.notExists(missing));
        assertEquals(List.of(), tables(target));
    }

    @Test
    void aFileThatIsNotADatabaseIsReported() throws Exception {
        Path text = dir.resolve("notes.txt");
        Files.writeString(text, "this is not a database, just some text that is long enough to fill a header of one hundred bytes or more.....");
        Run run = Run.of("--from", text.toString(), "--to", PostgresTestServer.shared().createDatabase("migrate_notadb"));
        assertBadInput(run, "cannot be read as a SQLite database");
    }

    @Test
    void anUnknownColumnTypeNamesTheTypeOption() throws Exception {
        Path db = dir.resolve("odd.db");
        SourceDatabases.execute(db, "create table measures (id integer primary key, reading wavelength, note)", "insert into measures values (1, 2.5, 'x')");
        String target = PostgresTestServer.shared().createDatabase("migrate_unknown_type");
        assertBadInput(Run.of("--from", SourceDatabases.url(db), "--to", target),
                "column measures.reading has the type wavelength, which sqlitevec-migrate does not know; name its PostgreSQL type with --type measures.reading=<type>");
        Run fixed = Run.of("--from", SourceDatabases.url(db), "--to", target, "--type", "measures.reading=double precision", "--type", "measures.note=text",
                "--verify");
        assertEquals(0, fixed.code, fixed.toString());
    }

    @Test
    void aTargetWithoutPgvectorSaysHowToInstallIt() throws Exception {
        Path db = dir.resolve("vec.db");
        SourceDatabases.execute(db, "create virtual table v using vec0(e float[4])", "insert into v(rowid, e) values (1, '[1,2,3,4]')");
        String target = PostgresTestServer.shared().createDatabase("migrate_no_vector");
        try (Connection pg = DriverManager.getConnection(target); Statement s = pg.createStatement()) {
            s.execute("drop extension vector");
        }
        assertBadInput(Run.of("--from", SourceDatabases.url(db), "--to", target), "has no vector extension (pgvector)", "CREATE EXTENSION vector",
                "install pgvector");
        assertEquals(List.of(), tables(target));
    }

    @Test
    void badArgumentsAndAnUnreachableServerAreReported() throws Exception {
        Path db = dir.resolve("a.db");
        SourceDatabases.execute(db, "create table a (id integer primary key)");
        assertBadInput(Run.of("--from", SourceDatabases.url(db)), "both --from and --to are needed");
        assertBadInput(Run.of("--from", SourceDatabases.url(db), "--to", "jdbc:postgresql://127.0.0.1:1/x", "--index", "annoy"),
                "--index annoy is not one of hnsw, ivfflat, none");
        assertBadInput(Run.of("--from", SourceDatabases.url(db), "--to", "jdbc:postgresql://127.0.0.1:1/x?user=u&password=secret"),
                "cannot connect to jdbc:postgresql://127.0.0.1:1/x?user=u&password=***");
        assertBadInput(Run.of("--from", SourceDatabases.url(db), "--to", "jdbc:mysql://h/x"), "is not a PostgreSQL JDBC URL");
        assertBadInput(Run.of("--bogus"), "unknown argument --bogus");
        assertBadInput(Run.of("--from", SourceDatabases.url(db), "--to", "x", "--replace", "--resume"), "contradict");
        Run help = Run.of("--help");
        assertEquals(0, help.code);
        assertTrue(help.out.contains("--index KIND"), help.out);
    }

    @Test
    void anIndexPgvectorCannotBuildIsRefusedBeforeCopying() throws Exception {
        Path db = dir.resolve("l1.db");
        SourceDatabases.execute(db, "create virtual table v using vec0(e float[4] distance_metric=l1)");
        String target = PostgresTestServer.shared().createDatabase("migrate_ivfflat_l1");
        assertBadInput(Run.of("--from", SourceDatabases.url(db), "--to", target, "--index", "ivfflat"), "IVFFlat cannot index",
                "choose with --index hnsw|ivfflat|none");
        assertEquals(List.of(), tables(target));
        Run none = Run.of("--from", SourceDatabases.url(db), "--to", target, "--index", "none", "--verify");
        assertEquals(0, none.code, none.toString());
        assertTrue(!none.out.contains("recall@10"), none.out);
    }

    @Test
    void existingTablesAreRefusedUnlessReplaced() throws Exception {
        Path db = dir.resolve("r.db");
        SourceDatabases.execute(db, "create table a (id integer primary key, name text)", "insert into a values (1, 'new')");
        String target = PostgresTestServer.shared().createDatabase("migrate_replace");
        try (Connection pg = DriverManager.getConnection(target); Statement s = pg.createStatement()) {
            s.execute("create table a (id int, old text)");
            s.execute("insert into a values (7, 'kept')");
        }
        assertBadInput(Run.of("--from", SourceDatabases.url(db), "--to", target), "the target already has the tables [a]; nothing was changed",
                "--replace");
        try (Connection pg = DriverManager.getConnection(target)) {
            assertEquals(List.of("kept"), strings(pg, "select old from a"));
        }
        Run replaced = Run.of("--from", SourceDatabases.url(db), "--to", target, "--replace", "--verify");
        assertEquals(0, replaced.code, replaced.toString());
        try (Connection pg = DriverManager.getConnection(target)) {
            assertEquals(List.of("new"), strings(pg, "select name from a"));
        }
    }

    @Test
    void valuesThatDoNotFitStopTheirTableWholeAndResumeContinuesAfterTheFix() throws Exception {
        Path db = dir.resolve("resume.db");
        SourceDatabases.execute(db,
                "create table a_first (id integer primary key, v text)", "insert into a_first values (1, 'one'), (2, 'two')",
                "create table b_broken (id integer primary key, n integer, flag boolean)",
                "insert into b_broken values (1, 10, 1), (2, 'eleven', 0), (3, 12, 7)",
                "create table c_last (id integer primary key)", "insert into c_last values (1)");
        String target = PostgresTestServer.shared().createDatabase("migrate_resume");
        Run first = Run.of("--from", SourceDatabases.url(db), "--to", target);
        assertBadInput(first, "table b_broken was not copied (nothing of it is on PostgreSQL)",
                "b_broken.n in row 2 (id = 2): text 'eleven' does not fit bigint", "b_broken.flag in row 3 (id = 3): integer 7 does not fit boolean",
                "--resume");
        assertEquals(List.of("a_first", MigrationState.TABLE), tables(target));

        assertBadInput(Run.of("--from", SourceDatabases.url(db), "--to", target), "unfinished migration", "--resume");

        SourceDatabases.execute(db, "update b_broken set n = 11 where id = 2", "update b_broken set flag = 1 where id = 3");
        Run resumed = Run.of("--from", SourceDatabases.url(db), "--to", target, "--resume", "--verify");
        assertEquals(0, resumed.code, resumed.toString());
        assertTrue(resumed.out.contains("kept a_first (copied by the interrupted run)"), resumed.out);
        assertEquals(List.of("a_first", "b_broken", "c_last"), tables(target));
    }

    private static void assertBadInput(Run run, String... fragments) {
        assertEquals(MigrationException.BAD_INPUT, run.code, run.toString());
        for (String fragment : fragments) {
            assertTrue(run.err.contains(fragment), "'" + fragment + "' missing in\n" + run);
        }
        assertTrue(!run.err.contains("\tat "), "no stack trace for bad input:\n" + run);
    }

    private static List<String> tables(String target) throws SQLException {
        try (Connection pg = DriverManager.getConnection(target)) {
            return strings(pg, "select table_name from information_schema.tables where table_schema = current_schema() order by table_name");
        }
    }
}
