package io.github.sqlitevec.jdbc;

import java.sql.SQLException;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * SQLite's result code behind any {@link SQLException}, for code that does not want to cast.
 * Errors SQLite raises leave {@code jdbc:sqlitevec:} as sqlite-jdbc's own {@link SQLiteException}
 * (with a standard SQLState added), so {@code ((SQLiteException) e).getResultCode()} keeps working;
 * these helpers also look through causes, e.g. of an exception a framework wrapped.
 *
 * <pre>{@code
 * } catch (SQLException e) {
 *     if (SqliteVecErrors.resultCode(e) == SQLiteErrorCode.SQLITE_BUSY) { retry(); }
 * }
 * }</pre>
 * Stateless and thread-safe.
 */
public final class SqliteVecErrors {
    private SqliteVecErrors() {}

    /**
     * SQLite's extended result code behind {@code e}; for an exception that carries only a code in
     * {@code getErrorCode()} (sqlite-jdbc's primary code), that code; {@code UNKNOWN_ERROR} if SQLite
     * did not raise it.
     */
    public static SQLiteErrorCode resultCode(SQLException e) {
        SQLiteException original = sqliteException(e);
        if (original != null) {
            return original.getResultCode();
        }
        return e.getErrorCode() == 0 ? SQLiteErrorCode.UNKNOWN_ERROR : SQLiteErrorCode.getErrorCode(e.getErrorCode());
    }

    /** The original sqlite-jdbc exception behind {@code e}, or {@code null} if there is none. */
    public static SQLiteException sqliteException(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLiteException) {
                return (SQLiteException) t;
            }
        }
        return null;
    }
}
