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
 * Gives sqlite-jdbc's exceptions (SQLState {@code null}) a standard SQLState while keeping their
 * shape, so code written for sqlite-jdbc sees what it always saw: an {@link SQLiteException}
 * stays an {@code SQLiteException} with the same message, primary {@code getErrorCode()} and
 * extended {@code getResultCode()}; a {@link BatchUpdateException} stays one with its update
 * counts; sqlite-jdbc's plain {@link SQLException}s stay plain. This is the one place where
 * such exceptions are made (ARCHITECTURE.md §6). Stateless and thread-safe.
 */
public final class SqlStateTranslator {

    /** sqlite-jdbc writes the result code's name into messages it re-wraps, e.g. batch failures. */
    private static final Pattern CODE_IN_MESSAGE = Pattern.compile("\\[(SQLITE_[A-Z_]+)]");

    private static final String VEC0_REPLACE_HINT =
            "; vec0 tables (sqlite-vec 0.1.9) ignore conflict clauses: INSERT OR REPLACE, INSERT OR IGNORE and UPSERT"
                    + " fail like a plain duplicate insert. UPDATE the row, or DELETE it and INSERT it again in one transaction";

    private SqlStateTranslator() {}

    /**
     * {@code e} with a standard SQLState. An exception that already carries one is returned
     * unchanged, so translating twice (sqlite-jdbc's internal call chains) is harmless.
     */
    public static SQLException translate(SQLException e) {
        return translate(e, false);
    }

    /**
     * Like {@link #translate}, for failures while a connection is being opened: only there does
     * {@code CANTOPEN} mean the connection failed (08001). Elsewhere (ATTACH, backup, restore) the
     * connection is healthy, and an 08 state would make pools such as HikariCP evict it.
     */
    public static SQLException translateOpening(SQLException e) {
        return translate(e, true);
    }

    private static SQLException translate(SQLException e, boolean opening) {
        if (isStandard(e.getSQLState())) {
            return e;
        }
        String message = e.getMessage() == null ? "" : e.getMessage();
        int code = resultCode(e, message);
        SqlState state;
        if (e instanceof SQLFeatureNotSupportedException) {
            state = SqlState.OPTIONAL_FEATURE_NOT_IMPLEMENTED;
        } else if (code == 0) {
            state = classifyDriverMessage(message);
        } else {
            state = classify(code, message, opening);
        }
        String newMessage = e.getMessage();
        if (state == SqlState.UNIQUE_VIOLATION && message.contains("UNIQUE constraint failed on ")) {
            newMessage = message + VEC0_REPLACE_HINT;
        }
        SQLException translated = sameShape(e, newMessage, state);
        translated.setStackTrace(e.getStackTrace());
        for (Throwable suppressed : e.getSuppressed()) {
            translated.addSuppressed(suppressed);
        }
        return translated;
    }

    /** A copy of {@code e} of the same class, codes and cause, carrying {@code state}. */
    private static SQLException sameShape(SQLException e, String message, SqlState state) {
        if (e instanceof SQLiteException) {
            SQLException copy = new VecSQLiteException(message, ((SQLiteException) e).getResultCode(), state.code());
            if (e.getCause() != null) {
                copy.initCause(e.getCause());
            }
            return copy;
        }
        if (e instanceof BatchUpdateException) {
            return new BatchUpdateException(message, state.code(), e.getErrorCode(),
                    ((BatchUpdateException) e).getLargeUpdateCounts(), e.getCause());
        }
        if (e.getClass() == SQLFeatureNotSupportedException.class) {
            return new SQLFeatureNotSupportedException(message, state.code(), e.getErrorCode(), e.getCause());
        }
        if (e.getClass() == SQLException.class) {
            return new SQLException(message, state.code(), e.getErrorCode(), e.getCause());
        }
        // A subclass sqlite-jdbc does not use today: the JDBC 4 class of the state, the original as cause.
        return state.newException(message, e.getErrorCode(), e);
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
    static SqlState classify(int extendedCode, String message, boolean opening) {
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
            case 14: // CANTOPEN: of the connection's own file, or of a file an ATTACH or backup names
                return opening ? SqlState.CONNECTION_FAILURE : SqlState.IO_ERROR;
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
