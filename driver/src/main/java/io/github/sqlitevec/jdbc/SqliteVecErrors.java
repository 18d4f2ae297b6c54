package io.github.sqlitevec.jdbc;

import java.sql.SQLException;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * For code written against plain sqlite-jdbc that inspected {@link SQLiteException}: the driver
 * now throws standard JDBC subclasses with standard SQLStates, keeping the sqlite-jdbc exception
 * as the cause and SQLite's extended result code as {@link SQLException#getErrorCode()}.
 *
 * <pre>{@code
 * } catch (SQLException e) {
 *     // before: ((SQLiteException) e).getResultCode() == SQLiteErrorCode.SQLITE_BUSY
 *     if (SqliteVecErrors.resultCode(e) == SQLiteErrorCode.SQLITE_BUSY) { retry(); }
 * }
 * }</pre>
 * Stateless and thread-safe.
 */
public final class SqliteVecErrors {
    private SqliteVecErrors() {}

    /** SQLite's (extended) result code behind {@code e}, or {@code UNKNOWN_ERROR} if SQLite did not raise it. */
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
