package io.github.sqlitevec.jdbc.internal.errors;

import io.github.sqlitevec.jdbc.SqliteVecErrors;
import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * Turns sqlite-jdbc's exceptions (SQLState {@code null}, one class for everything) into
 * standard SQLStates and JDBC 4 subclasses, keeping SQLite's message, the extended result
 * code as {@link SQLException#getErrorCode()} and the original exception as the cause.
 * Stateless and thread-safe.
 */
public final class SqlStateTranslator {

    /** sqlite-jdbc writes the result code's name into messages it re-wraps, e.g. batch failures. */
    private static final Pattern CODE_IN_MESSAGE = Pattern.compile("\\[(SQLITE_[A-Z_]+)]");

    private static final String VEC0_REPLACE_HINT =
            "; vec0 tables (sqlite-vec 0.1.9) ignore conflict clauses: INSERT OR REPLACE, INSERT OR IGNORE and UPSERT"
                    + " fail like a plain duplicate insert. UPDATE the row, or DELETE it and INSERT it again in one transaction";

    private SqlStateTranslator() {}

    /**
     * The normalized form of {@code e}. An exception that already carries an SQLState is
     * returned unchanged, so translating twice is harmless.
     */
    public static SQLException translate(SQLException e) {
        if (isStandard(e.getSQLState())) {
            return e;
        }
        if (e instanceof SQLFeatureNotSupportedException) {
            return SqlState.FEATURE_NOT_SUPPORTED.newException(e.getMessage(), e.getErrorCode(), e);
        }
        String message = e.getMessage() == null ? "" : e.getMessage();
        int code = resultCode(e, message);
        SqlState state = code == 0 ? classifyDriverMessage(message) : classify(code, message);
        if (state == SqlState.UNIQUE_VIOLATION && message.contains("UNIQUE constraint failed on ")) {
            message = message + VEC0_REPLACE_HINT;
        }
        if (e instanceof BatchUpdateException) {
            BatchUpdateException batch = (BatchUpdateException) e;
            return new BatchUpdateException(
                    message, state.code(), code, batch.getLargeUpdateCounts(), batch);
        }
        return state.newException(message, code, e);
    }

    /** sqlite-jdbc sometimes puts a result code name such as {@code SQLITE_DONE} where the state belongs. */
    private static boolean isStandard(String state) {
        return state != null && state.length() == 5;
    }

    /** A query stopped by its timeout ({@code Statement.setQueryTimeout}). */
    public static SQLException timeout(SQLException cause, int timeoutSeconds) {
        return SqlState.QUERY_CANCELED.newException(
                "query exceeded its timeout of " + timeoutSeconds + " s and was interrupted;"
                        + " raise Statement.setQueryTimeout or make the query cheaper",
                SQLiteErrorCode.SQLITE_INTERRUPT.code, cause);
    }

    /** A value that cannot be a vector, found while converting on the Java side. */
    public static SQLException dataException(String message, Throwable cause) {
        return SqlState.DATA_EXCEPTION.newException(message, 0, cause);
    }

    /** The SQLState for an extended SQLite result code and its message. */
    static SqlState classify(int extendedCode, String message) {
        switch (extendedCode) {
            case 2067: // CONSTRAINT_UNIQUE
            case 1555: // CONSTRAINT_PRIMARYKEY
            case 2579: // CONSTRAINT_ROWID
                return SqlState.UNIQUE_VIOLATION;
            case 787: // CONSTRAINT_FOREIGNKEY
                return SqlState.FOREIGN_KEY_VIOLATION;
            case 1299: // CONSTRAINT_NOTNULL
                return SqlState.NOT_NULL_VIOLATION;
            case 275: // CONSTRAINT_CHECK
                return SqlState.CHECK_VIOLATION;
            case 3091: // CONSTRAINT_DATATYPE (STRICT tables)
                return SqlState.DATA_EXCEPTION;
            case 516: // ABORT_ROLLBACK
                return SqlState.TRANSACTION_ROLLBACK;
            default:
                break;
        }
        switch (extendedCode & 0xff) {
            case 1: // ERROR: SQLite and sqlite-vec say what went wrong only in words
                return classifyErrorMessage(message);
            case 3: // PERM
                return SqlState.INSUFFICIENT_PRIVILEGE;
            case 4: // ABORT
                return SqlState.TRANSACTION_ROLLBACK;
            case 5: // BUSY
            case 6: // LOCKED
                return SqlState.SERIALIZATION_FAILURE;
            case 7: // NOMEM
                return SqlState.OUT_OF_MEMORY;
            case 8: // READONLY
                return SqlState.READ_ONLY_SQL_TRANSACTION;
            case 9: // INTERRUPT
                return SqlState.QUERY_CANCELED;
            case 10: // IOERR
                return SqlState.IO_ERROR;
            case 11: // CORRUPT
            case 26: // NOTADB
                return SqlState.DATA_CORRUPTED;
            case 13: // FULL
                return SqlState.DISK_FULL;
            case 14: // CANTOPEN
                return SqlState.CONNECTION_FAILURE;
            case 18: // TOOBIG
                return SqlState.PROGRAM_LIMIT_EXCEEDED;
            case 19: // CONSTRAINT, other kinds
                return message.contains("UNIQUE constraint failed")
                        ? SqlState.UNIQUE_VIOLATION : SqlState.INTEGRITY_CONSTRAINT_VIOLATION;
            case 20: // MISMATCH
                return SqlState.DATA_EXCEPTION;
            case 21: // MISUSE
                return SqlState.FUNCTION_SEQUENCE_ERROR;
            case 23: // AUTH
                return SqlState.INVALID_AUTHORIZATION;
            case 25: // RANGE: bind index out of range
                return SqlState.INVALID_DESCRIPTOR_INDEX;
            default:
                return SqlState.GENERAL_ERROR;
        }
    }

    private static SqlState classifyErrorMessage(String message) {
        String m = message.toLowerCase(Locale.ROOT);
        for (MessageRule rule : MessageRule.SQLITE_ERROR_RULES) {
            if (rule.matches(m)) {
                return rule.state;
            }
        }
        return SqlState.GENERAL_ERROR;
    }

    /** Exceptions sqlite-jdbc raises itself, without a SQLite result code. */
    private static SqlState classifyDriverMessage(String message) {
        String m = message.toLowerCase(Locale.ROOT);
        for (MessageRule rule : MessageRule.DRIVER_RULES) {
            if (rule.matches(m)) {
                return rule.state;
            }
        }
        return SqlState.GENERAL_ERROR;
    }

    private static int resultCode(SQLException e, String message) {
        SQLiteException original = SqliteVecErrors.sqliteException(e);
        if (original != null) {
            return original.getResultCode().code;
        }
        Matcher m = CODE_IN_MESSAGE.matcher(message);
        if (m.find()) {
            try {
                return SQLiteErrorCode.valueOf(m.group(1)).code;
            } catch (IllegalArgumentException unknownName) {
                return 0;
            }
        }
        return 0;
    }
}
