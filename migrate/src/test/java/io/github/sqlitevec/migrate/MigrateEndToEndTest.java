package io.github.sqlitevec.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sqlitevec.testing.postgres.PostgresTestServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole tool against a live PostgreSQL 18 + pgvector, on a database holding every feature. */
class MigrateEndToEndTest {

    @TempDir
    static Path dir;
    static Path source;
    static String target;

    @BeforeAll
    static void migrateOnce() throws Exception {
        source = dir.resolve("app.db");
        SourceDatabases.featureComplete(source);
        target = PostgresTestServer.shared().createDatabase("migrate_e2e");
        Run run = Run.of("--from", SourceDatabases.url(source), "--to", target, "--verify");
        assertEquals(0, run.code, run.toString());
        assertTrue(run.out.contains("verification passed"), run.out);
    }

    @Test
    void verifyPrintsCountsChecksumsExactTopTenAndRecallForEveryTable() throws Exception {
        Run run = Run.of("--from", SourceDatabases.url(source), "--to", target, "--verify", "--resume");
        // A finished run leaves no progress table, so --resume meets existing tables it did not copy.
        assertEquals(2, run.code, run.toString());
        Path copy = dir.resolve("again.db");
        SourceDatabases.featureComplete(copy);
        String again = PostgresTestServer.shared().createDatabase("migrate_e2e_again");
        run = Run.of("--from", SourceDatabases.url(copy), "--to", again, "--verify");
        assertEquals(0, run.code, run.toString());
        assertTrue(run.out.matches("(?s).*\\ndocs\\s+rows\\s+60\\s+60\\s+ok\\n.*"), run.out);
        assertTrue(run.out.matches("(?s).*\\ndocs\\s+exact top-10 embedding \\(5 queries\\)\\s+5/5\\s+5/5\\s+ok\\n.*"), run.out);
        for (String expected : List.of("checksum embedding", "checksum sig", "checksum body", "exact top-10 embedding (5 queries)",
                "exact top-10 q (5 queries)", "exact top-10 sig (5 queries)", "recall@10 embedding (hnsw)", "notes", "checksum extra",
                "articles", "checksum lang", "authors", "checksum profile", "verification passed")) {
            assertTrue(run.out.contains(expected), "missing '" + expected + "' in\n" + run.out);
        }
        assertFalse(run.out.contains("MISMATCH"), run.out);
        assertTrue(run.out.contains("warning: view author_names is not migrated"), run.out);
    }

    @Test
    void vec0TablesKeepTheirNamesWithRowidOrDeclaredKeyAndTypedColumns() throws SQLException {
        try (Connection pg = DriverManager.getConnection(target)) {
            assertEquals(List.of("rowid bigint", "embedding vector(8)", "q vector(8)", "sig bit(16)", "category text", "user_id bigint",
                    "title text", "body bytea"), columns(pg, "docs"));
            assertEquals(List.of("id text", "e vector(8)", "flag boolean", "score double precision", "n bigint", "extra text"), columns(pg, "notes"));
            assertEquals(List.of("rowid bigint", "title text", "body text", "lang text", "fts_document tsvector"), columns(pg, "articles"));
            assertEquals("title 7", one(pg, "select title from docs where rowid = 21"));
            assertEquals("note-6 with 'quote'", one(pg, "select id from notes where n = " + (Long.MAX_VALUE - 6)));
            assertEquals("extra\t1", one(pg, "select extra from notes where id = 'note-1'"));
            assertEquals(null, one(pg, "select title from docs where rowid = 15"));
        }
    }

    @Test
    void everyVectorColumnHasAnHnswIndexWithItsMetricsOperatorClassAndFiltersHaveBtrees() throws SQLException {
        try (Connection pg = DriverManager.getConnection(target)) {
            String indexes = String.join("\n", strings(pg, "select indexdef from pg_indexes where schemaname = current_schema() order by indexname"));
            for (String expected : List.of("USING hnsw (embedding vector_cosine_ops)", "USING hnsw (q vector_l1_ops)", "USING hnsw (sig bit_hamming_ops)",
                    "USING hnsw (e vector_l2_ops)", "USING hnsw (v vector_l1_ops)", "USING hnsw (b bit_hamming_ops)", "docs USING btree (category)",
                    "docs USING btree (user_id)", "notes USING btree (flag)", "items USING btree (lang)", "articles USING gin (fts_document)",
                    "books_title_idx ON public.books USING btree (title)", "books_author_title ON public.books USING btree (author_id, title)")) {
                assertTrue(indexes.contains(expected), "missing " + expected + " in\n" + indexes);
            }
            assertTrue(indexes.contains("CREATE UNIQUE INDEX books_author_title"), indexes);
        }
    }

    @Test
    void ordinaryTablesKeepKeysConstraintsForeignKeysAndValues() throws SQLException {
        try (Connection pg = DriverManager.getConnection(target)) {
            assertEquals(List.of("id bigint", "name text", "born date", "rating double precision", "active boolean", "balance numeric", "photo bytea",
                    "profile json", "uid uuid", "score double precision", "nick text", "created timestamp without time zone"), columns(pg, "authors"));
            assertEquals("Tab\tNew\nLine \\ Back", one(pg, "select name from authors where id = 2"));
            assertEquals("3f2504e0-4f89-11d3-9a0c-0305e82c3301", one(pg, "select uid::text from authors where id = 1"));
            assertEquals("\\x00ff10", one(pg, "select photo::text from authors where id = 1"));
            assertEquals("2024-01-02 03:04:05", one(pg, "select created::text from authors where id = 2"));
            assertEquals("2024-02-29 23:59:59.123", one(pg, "select created::text from authors where id = 5"));
            assertEquals("12.34", one(pg, "select balance::text from authors where id = 1"));
            // the integer key keeps numbering after the copied rows
            assertEquals("6", one(pg, "insert into authors (name) values ('New') returning id"));
            SQLException orphan = assertThrows(SQLException.class, () -> one(pg, "insert into books (author_id, title) values (99, 'x') returning id"));
            assertEquals("23503", orphan.getSQLState());
            SQLException duplicate = assertThrows(SQLException.class, () -> one(pg, "insert into authors (name) values ('Ada') returning id"));
            assertEquals("23505", duplicate.getSQLState());
            SQLException notNull = assertThrows(SQLException.class, () -> one(pg, "insert into books (author_id) values (1) returning id"));
            assertEquals("23502", notNull.getSQLState());
            assertEquals("3", one(pg, "select count(*) from tags"));
            assertEquals("3", one(pg, "select count(*) from events"));
        }
    }

    @Test
    void fullTextSearchFindsTheSameRowsOnBothSides() throws SQLException {
        try (Connection pg = DriverManager.getConnection(target); Connection sqlite = DriverManager.getConnection(SourceDatabases.url(source))) {
            assertEquals(strings(sqlite, "select rowid from articles where articles match 'vector' order by rowid"),
                    strings(pg, "select rowid from articles where fts_document @@ plainto_tsquery('simple', 'vector') order by rowid"));
            // lang is UNINDEXED in FTS5, so it is not part of the search document either
            assertEquals(List.of(), strings(pg, "select rowid from articles where fts_document @@ plainto_tsquery('simple', 'de')"));
        }
    }

    @Test
    void theKnnOfBothSidesReturnsTheSameRowsAndPostgresUsesTheHnswIndex() throws SQLException {
        try (Connection pg = DriverManager.getConnection(target); Connection sqlite = DriverManager.getConnection(SourceDatabases.url(source))) {
            String q = "[0.1,0.2,0.3,0.4,-0.5,0.6,-0.7,0.8]";
            List<String> onSqlite = strings(sqlite, "select rowid from docs where embedding match '" + q + "' and k = 5 and category = 'news' order by distance");
            List<String> onPg = strings(pg, "select rowid from docs where category = 'news' order by embedding <=> '" + q + "' limit 5");
            assertEquals(onSqlite, onPg);
            // 60 rows are a single page, which the planner rightly scans; on a table of real size the index wins by cost.
            pg.setAutoCommit(false);
            try (Statement s = pg.createStatement()) {
                s.execute("set local enable_seqscan = off");
            }
            String plan = String.join("\n", strings(pg, "explain select rowid from docs order by embedding <=> '" + q + "' limit 5"));
            pg.rollback();
            assertTrue(plan.contains("Index Scan using docs_embedding_hnsw_idx on docs"), plan);
        }
    }

    // ------------------------------------------------------------------ helpers

    static List<String> columns(Connection pg, String table) throws SQLException {
        return strings(pg, "select attname || ' ' || format_type(atttypid, atttypmod) from pg_attribute where attrelid = '" + table
                + "'::regclass and attnum > 0 and not attisdropped order by attnum");
    }

    static String one(Connection c, String sql) throws SQLException {
        List<String> values = strings(c, sql);
        return values.isEmpty() ? null : values.get(0);
    }

    static List<String> strings(Connection c, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    /** One in-process run of the tool, with what it printed. */
    static final class Run {
        final int code;
        final String out;
        final String err;

        private Run(int code, String out, String err) {
            this.code = code;
            this.out = out;
            this.err = err;
        }

        static Run of(String... args) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), false);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        }

        @Override
        public String toString() {
            return "exit " + code + "\nout:\n" + out + "\nerr:\n" + err;
        }
    }
}
