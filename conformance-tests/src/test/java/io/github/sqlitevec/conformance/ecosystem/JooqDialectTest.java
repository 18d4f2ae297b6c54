package io.github.sqlitevec.conformance.ecosystem;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;
import static org.jooq.impl.DSL.val;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.sqlitevec.jdbc.VectorCodec;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import org.jooq.CloseableDSLContext;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.exception.DataAccessException;
import org.jooq.exception.IntegrityConstraintViolationException;
import org.jooq.exception.SQLStateClass;
import org.jooq.impl.DSL;
import org.jooq.tools.jdbc.JDBCUtils;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * jOOQ detects its dialect from {@code DatabaseMetaData.getURL()} alone (it looks for {@code :sqlite:});
 * with only the URL changed to {@code jdbc:sqlitevec:} it must still pick {@link SQLDialect#SQLITE}
 * and render SQL that SQLite runs.
 */
class JooqDialectTest {
    private static final Table<?> TAGS = table(name("tags"));
    private static final Field<Integer> TAG_ID = field(name("id"), Integer.class);
    private static final Field<String> TAG_NAME = field(name("name"), String.class);

    @TempDir
    Path dir;
    String url;

    @BeforeEach
    void createSchema() throws Exception {
        url = "jdbc:sqlitevec:" + dir.resolve("jooq.db");
        try (Connection c = DriverManager.getConnection(url)) {
            c.createStatement().execute("CREATE TABLE tags (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE)");
            c.createStatement().execute("CREATE VIRTUAL TABLE tag_embeddings USING vec0(embedding float[2])");
        }
    }

    @Test
    void connectionIsDetectedAsSqlite() throws Exception {
        try (Connection c = DriverManager.getConnection(url)) {
            assertEquals(SQLDialect.SQLITE, JDBCUtils.dialect(c));
            assertEquals(SQLDialect.SQLITE, DSL.using(c).dialect());
        }
    }

    @Test
    void urlIsDetectedAsSqlite() {
        try (CloseableDSLContext ctx = DSL.using(url)) {
            assertEquals(SQLDialect.SQLITE, ctx.dialect());
            assertEquals("3", ctx.fetchValue("SELECT json_array_length(vec_to_json(vec_f32('[1, 2, 3]')))").toString());
        }
    }

    @Test
    void sqliteRenderingRunsAndVectorsAreSearchable() throws Exception {
        try (Connection c = DriverManager.getConnection(url)) {
            DSLContext ctx = DSL.using(c);
            ctx.insertInto(TAGS, TAG_ID, TAG_NAME).values(1, "left").values(2, "right").execute();
            // Renders SQLite's ON CONFLICT DO NOTHING; under the DEFAULT dialect this would be a MERGE SQLite rejects.
            int ignored = ctx.insertInto(TAGS, TAG_ID, TAG_NAME).values(1, "left").onDuplicateKeyIgnore().execute();
            assertEquals(0, ignored);

            ctx.execute("INSERT INTO tag_embeddings(rowid, embedding) VALUES (1, {0}), (2, {1})",
                    val(VectorCodec.toFloat32Blob(new float[] {-1f, 0f})), val(VectorCodec.toFloat32Blob(new float[] {1f, 0f})));
            List<String> nearest = ctx.fetch(
                    "SELECT t.name FROM tag_embeddings e JOIN tags t ON t.id = e.rowid"
                            + " WHERE e.embedding MATCH {0} AND k = 2 ORDER BY e.distance",
                    val(VectorCodec.toFloat32Blob(new float[] {0.8f, 0.1f}))).getValues(0, String.class);
            assertEquals(List.of("right", "left"), nearest);
        }
    }

    @Test
    void duplicateKeyBecomesJooqIntegrityConstraintViolation() throws Exception {
        try (Connection c = DriverManager.getConnection(url)) {
            DSLContext ctx = DSL.using(c);
            ctx.insertInto(TAGS, TAG_ID, TAG_NAME).values(1, "left").execute();

            IntegrityConstraintViolationException e = assertThrows(IntegrityConstraintViolationException.class,
                    () -> ctx.insertInto(TAGS, TAG_ID, TAG_NAME).values(2, "left").execute());
            assertEquals("23505", e.sqlState());
            assertEquals(SQLStateClass.C23_INTEGRITY_CONSTRAINT_VIOLATION, e.sqlStateClass());
        }
    }

    @Test
    void busyBecomesJooqTransactionRollbackWithTheSqliteExceptionBehind() throws Exception {
        try (Connection holder = DriverManager.getConnection(url);
             Connection c = DriverManager.getConnection(url + "?busy_timeout=0")) {
            DSL.using(holder).execute("BEGIN IMMEDIATE");
            DataAccessException e = assertThrows(DataAccessException.class,
                    () -> DSL.using(c).insertInto(TAGS, TAG_ID, TAG_NAME).values(3, "busy").execute());
            assertEquals("40001", e.sqlState());
            assertEquals(SQLStateClass.C40_TRANSACTION_ROLLBACK, e.sqlStateClass());
            assertEquals(SQLiteErrorCode.SQLITE_BUSY, ((SQLiteException) e.getCause()).getResultCode());
            DSL.using(holder).execute("ROLLBACK");
        }
    }
}
