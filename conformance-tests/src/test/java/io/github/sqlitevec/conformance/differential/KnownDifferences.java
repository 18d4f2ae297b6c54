package io.github.sqlitevec.conformance.differential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.util.List;
import org.sqlite.SQLiteException;

/**
 * Every deliberate way in which {@code jdbc:sqlitevec:} differs from {@code jdbc:sqlite:}, in one
 * place, each with the reason and a check that pins the difference down. Anything not listed here
 * must be identical; {@link DifferentialRunner} enforces that.
 */
final class KnownDifferences {

    /** Appended by our driver to "UNIQUE constraint failed on <vec0 table> primary key" messages. */
    static final String VEC0_HINT_START = "; vec0 tables (sqlite-vec";

    private KnownDifferences() {}

    /** A deliberate difference: what it is, why, and how to see it on a plain and on our connection. */
    record Difference(String name, String reason, Check check) {
        @FunctionalInterface
        interface Check {
            void verify(Connection plain, Connection ours) throws Exception;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /**
     * The message both drivers must agree on. Our driver keeps SQLite's text and may only append a
     * hint for vec0 tables (see {@link #ALL}); the exception class and SQLState are compared
     * separately, because they differ on purpose.
     */
    static String comparableMessage(SQLException e) {
        String message = String.valueOf(e.getMessage());
        int hint = message.indexOf(VEC0_HINT_START);
        return hint < 0 ? message : message.substring(0, hint);
    }

    /**
     * The class a {@code catch} clause sees: our driver adds the SQLState to sqlite-jdbc's
     * {@code SQLiteException} through a subclass of its own (sqlite-jdbc's constructor takes no
     * SQLState), which counts as the sqlite-jdbc class it extends. Every other class must be identical.
     */
    static Class<?> visibleClass(SQLException e) {
        Class<?> c = e.getClass();
        while (c.getName().startsWith("io.github.sqlitevec.")) {
            c = c.getSuperclass();
        }
        return c;
    }

    /**
     * sqlite-jdbc leaves the SQLState null, except that a few of its own checks put a result-code
     * name there (e.g. {@code SQLITE_DONE} for executeQuery on a statement that returns no rows).
     * Ours must replace those with standard states.
     */
    static boolean isSqliteJdbcState(String state) {
        return state == null || state.startsWith("SQLITE_");
    }

    static final List<Difference> ALL = List.of(
            new Difference("file databases are memory-mapped by default (mmap_size 4 GiB on 64-bit JVMs)",
                    "float32 KNN over vec0 measured 2.7-3.1x faster with a mapping (docs/benchmarks.md); mmap_size=0 opts out",
                    (plain, ours) -> {
                        try (Statement p = plain.createStatement(); ResultSet a = p.executeQuery("PRAGMA mmap_size");
                             Statement o = ours.createStatement(); ResultSet b = o.executeQuery("PRAGMA mmap_size")) {
                            a.next();
                            b.next();
                            assertEquals(0L, a.getLong(1));
                            assertEquals(4L << 30, b.getLong(1));
                        }
                    }),
            new Difference("driver name and version name our driver",
                    "tools and bug reports must be able to tell which driver is in use; the product name stays SQLite"
                            + " so Hibernate, Flyway, Liquibase and jOOQ still pick their SQLite support",
                    (plain, ours) -> {
                        assertEquals("SQLite JDBC", plain.getMetaData().getDriverName());
                        assertEquals("sqlitevec-jdbc", ours.getMetaData().getDriverName());
                        assertEquals(plain.getMetaData().getDatabaseProductName(), ours.getMetaData().getDatabaseProductName());
                        assertEquals(plain.getMetaData().getDatabaseProductVersion(), ours.getMetaData().getDatabaseProductVersion());
                        assertEquals("0.1.0-SNAPSHOT", ours.getMetaData().getDriverVersion());
                    }),
            new Difference("DatabaseMetaData.getURL() gives the jdbc:sqlite: form of our URL",
                    "jOOQ's dialect detection and Spring Boot's DatabaseDriver recognise SQLite only by the URL; a tool"
                            + " that reconnects with it gets plain sqlite-jdbc, which fails loudly on vec0 (docs/ecosystem.md)",
                    (plain, ours) -> {
                        assertTrue(plain.getMetaData().getURL().startsWith("jdbc:sqlite:"));
                        assertTrue(ours.getMetaData().getURL().startsWith("jdbc:sqlite:"), ours.getMetaData().getURL());
                        assertTrue(ours.getMetaData().getURL().endsWith("test.db"), ours.getMetaData().getURL());
                    }),
            new Difference("errors carry a standard SQLState; class, codes and message stay sqlite-jdbc's",
                    "frameworks (Spring, jOOQ, Hibernate, pools) classify errors by SQLState, which sqlite-jdbc leaves null;"
                            + " code written for sqlite-jdbc catches SQLiteException and compares result codes, so only the"
                            + " state is added (ARCHITECTURE.md §6), through a subclass because sqlite-jdbc's constructor takes none",
                    (plain, ours) -> {
                        String sql = "SELECT * FROM missing_table";
                        SQLException p = assertThrows(SQLException.class, () -> plain.createStatement().executeQuery(sql));
                        SQLException o = assertThrows(SQLException.class, () -> ours.createStatement().executeQuery(sql));
                        assertInstanceOf(SQLiteException.class, p);
                        assertNull(p.getSQLState());
                        assertInstanceOf(SQLiteException.class, o);
                        assertEquals(SQLiteException.class, o.getClass().getSuperclass());
                        assertEquals("42P01", o.getSQLState());
                        assertEquals(p.getMessage(), o.getMessage());
                        assertEquals(p.getErrorCode(), o.getErrorCode());
                        assertEquals(((SQLiteException) p).getResultCode(), ((SQLiteException) o).getResultCode());
                    }),
            new Difference("sqlite-vec's SQL functions and the vec0 module exist only on our connections",
                    "loading sqlite-vec on every connection is the point of the driver",
                    (plain, ours) -> {
                        SQLException p = assertThrows(SQLException.class,
                                () -> plain.createStatement().executeQuery("SELECT vec_version()"));
                        assertTrue(p.getMessage().contains("no such function: vec_version"), p.getMessage());
                        try (ResultSet rs = ours.createStatement().executeQuery("SELECT vec_version()")) {
                            assertTrue(rs.next());
                            assertEquals("v0.1.9", rs.getString(1));
                        }
                    }),
            new Difference("pragma function_list and module_list include sqlite-vec's entries",
                    "a consequence of the previous difference; introspection of functions therefore differs",
                    (plain, ours) -> {
                        assertEquals(0, count(plain, "SELECT count(*) FROM pragma_module_list WHERE name = 'vec0'"));
                        assertEquals(1, count(ours, "SELECT count(*) FROM pragma_module_list WHERE name = 'vec0'"));
                    }),
            new Difference("UNIQUE violations on vec0 tables get a hint appended to SQLite's message",
                    "sqlite-vec 0.1.9 cannot INSERT OR REPLACE / UPSERT a vec0 row; the hint says what to do instead."
                            + " Plain sqlite-jdbc cannot create vec0 tables, so only our side is checked.",
                    (plain, ours) -> {
                        try (Statement s = ours.createStatement()) {
                            s.execute("CREATE VIRTUAL TABLE hint_v USING vec0(e float[2])");
                            s.execute("INSERT INTO hint_v(rowid, e) VALUES (1, '[1,2]')");
                            SQLException e = assertThrows(SQLiteException.class,
                                    () -> s.execute("INSERT OR REPLACE INTO hint_v(rowid, e) VALUES (1, '[3,4]')"));
                            assertEquals("23505", e.getSQLState());
                            assertTrue(e.getMessage().contains(VEC0_HINT_START), e.getMessage());
                            assertFalse(comparableMessage(e).contains(VEC0_HINT_START));
                        }
                    }),
            new Difference("Statement.setQueryTimeout interrupts a running query (57014)",
                    "sqlite-jdbc applies the timeout only to lock waits, so a runaway query never stops; plain is not"
                            + " run here because the same query would run forever there",
                    (plain, ours) -> {
                        try (Statement s = ours.createStatement()) {
                            s.setQueryTimeout(1);
                            SQLException e = assertThrows(SQLTimeoutException.class, () -> s.executeQuery(
                                    "WITH RECURSIVE r(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM r) SELECT count(*) FROM r"));
                            assertEquals("57014", e.getSQLState());
                        }
                    }),
            new Difference("result sets are a wrapper around sqlite-jdbc's; statements, metadata and the connection are its classes",
                    "sqlite-jdbc creates each statement's one result set itself (CoreStatement.rs, final), so decoding"
                            + " vectors and bounding ResultSet.next() by the query timeout need a wrapper; it unwraps to"
                            + " sqlite-jdbc's object and answers unwrap/isWrapperFor for itself first, as sqlite-jdbc's does",
                    (plain, ours) -> {
                        Statement s = ours.createStatement();
                        assertInstanceOf(org.sqlite.jdbc4.JDBC4Statement.class, s);
                        assertSame(s, s.unwrap(Statement.class));
                        ResultSet p = plain.createStatement().executeQuery("SELECT 1");
                        ResultSet o = s.executeQuery("SELECT 1");
                        assertInstanceOf(org.sqlite.jdbc4.JDBC4ResultSet.class, p);
                        assertFalse(o instanceof org.sqlite.jdbc4.JDBC4ResultSet);
                        assertInstanceOf(org.sqlite.jdbc4.JDBC4ResultSet.class, o.unwrap(org.sqlite.jdbc4.JDBC4ResultSet.class));
                        assertSame(o, o.unwrap(ResultSet.class));
                        assertInstanceOf(org.sqlite.jdbc4.JDBC4DatabaseMetaData.class, ours.getMetaData());
                        s.close();
                    }));

    private static long count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
