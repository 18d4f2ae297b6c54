package io.github.sqlitevec.jdbc.internal.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * The rows of the SQLState table that no SQL statement can trigger against sqlite-jdbc's SQLite
 * (it is built with SQLITE_DEFAULT_MEMSTATUS=0, so heap limits never fire; it has no authorizer
 * API; disk I/O errors need a failing device). Everything else is proven with real statements in
 * SqlStateTranslationTest; these go through the same translator with SQLite's real codes.
 */
class SqlStateClassificationTest {

    private static SQLException translated(SQLiteErrorCode code, String message) {
        return SqlStateTranslator.translate(new SQLiteException(message, code));
    }

    @Test
    void outOfMemoryIs53200() {
        SQLException e = translated(SQLiteErrorCode.SQLITE_NOMEM, "out of memory");
        assertInstanceOf(SQLiteException.class, e);
        assertEquals("53200", e.getSQLState());
        assertEquals(SQLiteErrorCode.SQLITE_NOMEM.code, e.getErrorCode());
    }

    @Test
    void everyIoErrorIs58030() {
        for (SQLiteErrorCode code : SQLiteErrorCode.values()) {
            if (code.name().startsWith("SQLITE_IOERR")) {
                SQLException e = translated(code, "disk I/O error");
                assertEquals(code, assertInstanceOf(SQLiteException.class, e, code.name()).getResultCode());
                assertEquals("58030", e.getSQLState(), code.name());
            }
        }
    }

    @Test
    void authorizationDenialIs28000() {
        SQLException e = translated(SQLiteErrorCode.SQLITE_AUTH, "authorization denied");
        assertInstanceOf(SQLiteException.class, e);
        assertEquals("28000", e.getSQLState());
    }

    @Test
    void everyBusyAndLockedCodeIsRetryable40001() {
        for (SQLiteErrorCode code : SQLiteErrorCode.values()) {
            if (code.name().startsWith("SQLITE_BUSY") || code.name().startsWith("SQLITE_LOCKED")) {
                assertEquals("40001", translated(code, "database is locked").getSQLState(), code.name());
            }
        }
    }

    @Test
    void anythingElseIsHY000() {
        assertEquals("HY000", translated(SQLiteErrorCode.SQLITE_INTERNAL, "internal error").getSQLState());
        assertEquals("HY000", translated(SQLiteErrorCode.SQLITE_ERROR, "something new went wrong").getSQLState());
    }

    @Test
    void cantOpenIs08001OnlyWhileOpeningAConnection() {
        SQLiteException cantOpen = new SQLiteException("unable to open database file", SQLiteErrorCode.SQLITE_CANTOPEN);
        assertEquals("08001", SqlStateTranslator.translateOpening(cantOpen).getSQLState());
        assertEquals("58030", SqlStateTranslator.translate(cantOpen).getSQLState());
    }

    @Test
    void translatingTwiceChangesNothing() {
        SQLException once = translated(SQLiteErrorCode.SQLITE_BUSY, "database is locked");
        assertEquals(once, SqlStateTranslator.translate(once));
    }
}
