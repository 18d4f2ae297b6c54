package io.github.sqlitevec.jdbc.internal.errors;

import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * sqlite-jdbc's {@link SQLiteException}, unchanged for code that catches it (same message,
 * {@code getErrorCode()} = SQLite's primary code, {@code getResultCode()} = the extended code),
 * plus the standard SQLState that sqlite-jdbc leaves {@code null}. sqlite-jdbc's constructor
 * has no SQLState parameter, hence the override. Immutable.
 */
final class VecSQLiteException extends SQLiteException {
    private static final long serialVersionUID = 1L;

    private final String sqlState;

    VecSQLiteException(String message, SQLiteErrorCode resultCode, String sqlState) {
        super(message, resultCode);
        this.sqlState = sqlState;
    }

    @Override
    public String getSQLState() {
        return sqlState;
    }
}
