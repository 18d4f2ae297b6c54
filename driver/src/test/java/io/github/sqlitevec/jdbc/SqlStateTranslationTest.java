package io.github.sqlitevec.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/** Each row of ARCHITECTURE.md §6, triggered by a real statement on a real database file. */
class SqlStateTranslationTest {
    @TempDir
    Path dir;
    Connection c;
    Statement s;

    @BeforeEach
    void open() throws SQLException {
        c = DriverManager.getConnection("jdbc:sqlitevec:" + dir.resolve("errors.db") + "?foreign_keys=true");
        s = c.createStatement();
        s.execute("CREATE TABLE parent(id INTEGER PRIMARY KEY, name TEXT UNIQUE NOT NULL, qty INT CHECK (qty >= 0))");
        s.execute("CREATE TABLE child(id INTEGER PRIMARY KEY, parent_id INT REFERENCES parent(id))");
        s.execute("INSERT INTO parent VALUES (1, 'a', 1)");
    }

    @AfterEach
    void close() throws SQLException {
        c.close();
    }

    /**
     * What a {@code catch} sees: the class sqlite-jdbc throws, its primary code in {@code getErrorCode()},
     * the extended one in {@code getResultCode()}, and the standard SQLState.
     */
    private static <T extends SQLException> T expect(Class<T> type, String state, SQLiteErrorCode code, Executable action) {
        SQLException e = assertThrows(SQLException.class, action::run);
        assertInstanceOf(type, e, () -> "got " + e.getClass().getSimpleName() + " " + e.getSQLState() + ": " + e.getMessage());
        assertEquals(state, e.getSQLState(), e::getMessage);
        if (code != null) {
            SQLiteException sqlite = assertInstanceOf(SQLiteException.class, e);
            assertEquals(code, sqlite.getResultCode(), e::getMessage);
            assertEquals(code.code & 0xff, e.getErrorCode(), "sqlite-jdbc's getErrorCode() is the primary code");
        }
        return type.cast(e);
    }

    interface Executable {
        void run() throws Exception;
    }

    @Test
    void uniqueViolationBecomesSqlState23505() {
        SQLException e = expect(SQLiteException.class, "23505", SQLiteErrorCode.SQLITE_CONSTRAINT_UNIQUE,
                () -> s.executeUpdate("INSERT INTO parent VALUES (2, 'a', 1)"));
        assertTrue(e.getMessage().contains("UNIQUE constraint failed: parent.name"), e.getMessage());
    }

    @Test
    void primaryKeyViolationBecomesSqlState23505() {
        expect(SQLiteException.class, "23505", SQLiteErrorCode.SQLITE_CONSTRAINT_PRIMARYKEY,
                () -> s.executeUpdate("INSERT INTO parent VALUES (1, 'b', 1)"));
    }

    @Test
    void foreignKeyViolationBecomesSqlState23503() {
        expect(SQLiteException.class, "23503", SQLiteErrorCode.SQLITE_CONSTRAINT_FOREIGNKEY,
                () -> s.executeUpdate("INSERT INTO child VALUES (1, 99)"));
    }

    @Test
    void notNullViolationBecomesSqlState23502() {
        expect(SQLiteException.class, "23502", SQLiteErrorCode.SQLITE_CONSTRAINT_NOTNULL,
                () -> s.executeUpdate("INSERT INTO parent VALUES (2, NULL, 1)"));
    }

    @Test
    void checkViolationBecomesSqlState23514() {
        expect(SQLiteException.class, "23514", SQLiteErrorCode.SQLITE_CONSTRAINT_CHECK,
                () -> s.executeUpdate("INSERT INTO parent VALUES (2, 'b', -1)"));
    }

    @Test
    void otherConstraintFailureBecomesSqlState23000() throws SQLException {
        s.execute("CREATE TRIGGER no_zero BEFORE INSERT ON parent WHEN NEW.qty = 0 BEGIN SELECT RAISE(ABORT, 'qty 0'); END");
        expect(SQLiteException.class, "23000", SQLiteErrorCode.SQLITE_CONSTRAINT_TRIGGER,
                () -> s.executeUpdate("INSERT INTO parent VALUES (2, 'b', 0)"));
    }

    @Test
    void busyDatabaseBecomesSqlState40001() throws SQLException {
        try (Connection other = DriverManager.getConnection("jdbc:sqlitevec:" + dir.resolve("errors.db") + "?busy_timeout=0");
             Statement o = other.createStatement()) {
            s.execute("BEGIN IMMEDIATE");
            try {
                expect(SQLiteException.class, "40001", SQLiteErrorCode.SQLITE_BUSY,
                        () -> o.executeUpdate("INSERT INTO parent VALUES (5, 'e', 1)"));
            } finally {
                s.execute("ROLLBACK");
            }
        }
    }

    @Test
    void rollbackUnderAnOpenCursorBecomesSqlState40000() throws SQLException {
        for (int i = 2; i < 50; i++) {
            s.executeUpdate("INSERT INTO parent VALUES (" + i + ", 'n" + i + "', 1)");
        }
        c.setAutoCommit(false);
        s.execute("CREATE TABLE scratch(x)");
        Statement reader = c.createStatement();
        ResultSet rs = reader.executeQuery("SELECT id FROM parent");
        rs.next();
        c.rollback(); // the schema change is undone under the open cursor
        expect(SQLiteException.class, "40000", SQLiteErrorCode.SQLITE_ABORT_ROLLBACK, () -> {
            while (rs.next()) { /* drain */ }
        });
    }

    @Test
    void readOnlyDatabaseBecomesSqlState25006() throws SQLException {
        try (Connection ro = DriverManager.getConnection("jdbc:sqlitevec:" + dir.resolve("errors.db") + "?open_mode=1");
             Statement r = ro.createStatement()) {
            expect(SQLiteException.class, "25006", SQLiteErrorCode.SQLITE_READONLY,
                    () -> r.executeUpdate("INSERT INTO parent VALUES (7, 'g', 1)"));
        }
    }

    @Test
    void fullDatabaseBecomesSqlState53100AndKeepsCommittedRows() throws SQLException {
        s.execute("CREATE TABLE big(b BLOB)");
        ResultSet pages = s.executeQuery("PRAGMA page_count");
        pages.next();
        long pageCount = pages.getLong(1);
        pages.close();
        s.execute("PRAGMA max_page_count = " + (pageCount + 2));
        expect(SQLiteException.class, "53100", SQLiteErrorCode.SQLITE_FULL,
                () -> s.executeUpdate("INSERT INTO big VALUES (randomblob(1000000))"));
        try (ResultSet rs = s.executeQuery("SELECT count(*) FROM big")) {
            rs.next();
            assertEquals(0, rs.getInt(1), "the failed insert left no half-written row");
        }
    }

    @Test
    void notADatabaseBecomesSqlStateXX001() throws Exception {
        Path junk = dir.resolve("junk.db");
        Files.write(junk, new byte[8192]);
        Files.writeString(junk, "this is not a SQLite database file, just text that is long enough to look like a header ");
        expect(SQLiteException.class, "XX001", SQLiteErrorCode.SQLITE_NOTADB, () -> {
            try (Connection j = DriverManager.getConnection("jdbc:sqlitevec:" + junk);
                 Statement js = j.createStatement()) {
                js.executeQuery("SELECT * FROM sqlite_master").next();
            }
        });
    }

    @Test
    void unopenableFileBecomesSqlState08001() {
        expect(SQLiteException.class, "08001", null,
                () -> DriverManager.getConnection("jdbc:sqlitevec:" + dir.resolve("no/such/dir/x.db")).close());
    }

    @Test
    void tooBigBecomesSqlState54000() {
        expect(SQLiteException.class, "54000", SQLiteErrorCode.SQLITE_TOOBIG,
                () -> s.executeQuery("SELECT zeroblob(2000000000)").next());
    }

    @Test
    void datatypeMismatchBecomesClass22() throws SQLException {
        expect(SQLiteException.class, "22000", SQLiteErrorCode.SQLITE_MISMATCH,
                () -> s.executeUpdate("INSERT INTO parent(id, name) VALUES ('not an integer', 'x')"));
        s.execute("CREATE TABLE strict_t(n INTEGER) STRICT");
        expect(SQLiteException.class, "22000", SQLiteErrorCode.SQLITE_CONSTRAINT_DATATYPE,
                () -> s.executeUpdate("INSERT INTO strict_t VALUES ('abc')"));
    }

    @Test
    void syntaxErrorsBecomeClass42WithTheirOwnStates() {
        expect(SQLiteException.class, "42601", SQLiteErrorCode.SQLITE_ERROR, () -> s.executeQuery("SELEC 1"));
        expect(SQLiteException.class, "42P01", SQLiteErrorCode.SQLITE_ERROR, () -> s.executeQuery("SELECT * FROM missing"));
        expect(SQLiteException.class, "42703", SQLiteErrorCode.SQLITE_ERROR, () -> s.executeQuery("SELECT nope FROM parent"));
        expect(SQLiteException.class, "42883", SQLiteErrorCode.SQLITE_ERROR, () -> s.executeQuery("SELECT no_such_fn(1)"));
        expect(SQLiteException.class, "42P07", SQLiteErrorCode.SQLITE_ERROR, () -> s.execute("CREATE TABLE parent(x)"));
    }

    @Test
    void vectorErrorsBecomeSqlState22023() throws SQLException {
        s.execute("CREATE VIRTUAL TABLE items USING vec0(embedding float[4])");
        expect(SQLiteException.class, "22023", SQLiteErrorCode.SQLITE_ERROR,
                () -> s.executeUpdate("INSERT INTO items(rowid, embedding) VALUES (1, '[1, 2, 3]')"));
        expect(SQLiteException.class, "22023", SQLiteErrorCode.SQLITE_ERROR,
                () -> s.executeUpdate("INSERT INTO items(rowid, embedding) VALUES (1, '[1, 2, oops]')"));
        expect(SQLiteException.class, "22023", SQLiteErrorCode.SQLITE_ERROR,
                () -> s.executeUpdate("INSERT INTO items(rowid, embedding) VALUES (1, x'0102030405')"));
        expect(SQLiteException.class, "22023", SQLiteErrorCode.SQLITE_ERROR,
                () -> s.executeQuery("SELECT vec_distance_l2('[1, 2]', '[1, 2, 3]')").next());
        try (ResultSet rs = s.executeQuery("SELECT count(*) FROM items")) {
            rs.next();
            assertEquals(0, rs.getInt(1), "no rejected vector was stored");
        }
    }

    @Test
    void knnWithoutKBecomesSyntaxError() throws SQLException {
        s.execute("CREATE VIRTUAL TABLE items USING vec0(embedding float[2])");
        expect(SQLiteException.class, "42601", SQLiteErrorCode.SQLITE_ERROR,
                () -> s.executeQuery("SELECT rowid FROM items WHERE embedding MATCH '[1, 2]'").next());
    }

    @Test
    void duplicateVec0RowidIsAUniqueViolationWithAHint() throws SQLException {
        s.execute("CREATE VIRTUAL TABLE items USING vec0(embedding float[2])");
        s.executeUpdate("INSERT INTO items(rowid, embedding) VALUES (1, '[1, 2]')");
        SQLException e = expect(SQLiteException.class, "23505", null,
                () -> s.executeUpdate("INSERT OR REPLACE INTO items(rowid, embedding) VALUES (1, '[3, 4]')"));
        assertTrue(e.getMessage().contains("DELETE it and INSERT it again"), e.getMessage());
    }

    @Test
    void usingAClosedConnectionBecomesSqlState08003() throws SQLException {
        c.close();
        expect(SQLException.class, "08003", null, () -> c.createStatement());
    }

    @Test
    void aClosedStatementStillRunsSqlAsInSqliteJdbc() throws SQLException {
        Statement closed = c.createStatement();
        closed.close();
        try (ResultSet rs = closed.executeQuery("SELECT 1")) {
            assertTrue(rs.next());
        }
    }

    @Test
    void statementBatchFailureIsABatchUpdateExceptionWithStateAndCounts() throws SQLException {
        s.addBatch("INSERT INTO parent VALUES (10, 'x', 1)");
        s.addBatch("INSERT INTO parent VALUES (11, 'a', 1)"); // duplicate name
        s.addBatch("INSERT INTO parent VALUES (12, 'y', 1)");
        BatchUpdateException e = assertThrows(BatchUpdateException.class, s::executeBatch);
        assertEquals("23505", e.getSQLState(), e.getMessage());
        assertEquals(0, e.getErrorCode(), "sqlite-jdbc's batch exception has no vendor code");
        assertTrue(e.getMessage().contains("[SQLITE_CONSTRAINT_UNIQUE]"), e.getMessage());
        assertNotNull(e.getUpdateCounts());
    }

    @Test
    void preparedBatchFailureKeepsSqliteJdbcsExceptionShapeWithTheState() throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO parent VALUES (?, ?, 1)")) {
            p.setInt(1, 10);
            p.setString(2, "x");
            p.addBatch();
            p.setInt(1, 11);
            p.setString(2, "a"); // duplicate name
            p.addBatch();
            expect(SQLiteException.class, "23505", SQLiteErrorCode.SQLITE_CONSTRAINT_UNIQUE, p::executeBatch);
        }
    }

    @Test
    void resultCodeStaysReachableForCodeThatCaughtSqliteException() {
        SQLException e = assertThrows(SQLException.class, () -> s.executeUpdate("INSERT INTO parent VALUES (1, 'z', 1)"));
        assertEquals(SQLiteErrorCode.SQLITE_CONSTRAINT_PRIMARYKEY, SqliteVecErrors.resultCode(e));
    }

    @Test
    void executeQueryOnAStatementWithoutRowsBecomes02000() {
        SQLException e = assertThrows(SQLException.class, () -> s.executeQuery("INSERT INTO parent VALUES (3, 'c', 1)"));
        assertEquals("02000", e.getSQLState(), e.getMessage());
    }

    @Test
    void unsupportedConnectionFeaturesBecomeHYC00NotTheEvicting0A000() {
        SQLException e = assertThrows(SQLFeatureNotSupportedException.class, () -> c.createStruct("t", new Object[0]));
        assertEquals("HYC00", e.getSQLState(), e.getMessage());
        e = assertThrows(SQLFeatureNotSupportedException.class, c::createClob);
        assertEquals("HYC00", e.getSQLState(), e.getMessage());
    }

    @Test
    void cantOpenOfAnAttachIsNotAConnectionFailure() {
        SQLiteException e = expect(SQLiteException.class, "58030", SQLiteErrorCode.SQLITE_CANTOPEN,
                () -> s.execute("ATTACH DATABASE '" + dir.resolve("no/such/dir/x.db") + "' AS other"));
        assertTrue(e.getMessage().contains("unable to open database"), e.getMessage());
    }
}
