package io.github.sqlitevec.conformance.vectors;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.SQLException;
import org.sqlite.SQLiteException;

/**
 * A statement that must fail, and the SQLState it must fail with. SQLite and sqlite-vec raise these,
 * so each arrives as sqlite-jdbc's own {@link SQLiteException} (what sqlite-jdbc code catches) with
 * the standard state added.
 */
final class ExpectedError {
    final String sqlState;
    final Class<? extends SQLException> type;

    private ExpectedError(String sqlState, Class<? extends SQLException> type) {
        this.sqlState = sqlState;
        this.type = type;
    }

    /** A value that is not a usable vector (wrong dimensions, element type, encoding). */
    static final ExpectedError INVALID_VECTOR = new ExpectedError("22023", SQLiteException.class);
    static final ExpectedError SYNTAX = new ExpectedError("42601", SQLiteException.class);
    static final ExpectedError UNDEFINED_TABLE = new ExpectedError("42P01", SQLiteException.class);
    static final ExpectedError UNDEFINED_COLUMN = new ExpectedError("42703", SQLiteException.class);
    static final ExpectedError UNDEFINED_FUNCTION = new ExpectedError("42883", SQLiteException.class);
    static final ExpectedError DUPLICATE_TABLE = new ExpectedError("42P07", SQLiteException.class);
    static final ExpectedError UNIQUE = new ExpectedError("23505", SQLiteException.class);
    static final ExpectedError INTEGRITY = new ExpectedError("23000", SQLiteException.class);
    static final ExpectedError NOT_SUPPORTED = new ExpectedError("HYC00", SQLiteException.class);

    /**
     * Any state of SQLState class {@code stateClass} ("22", "42"), for errors whose exact
     * subclass is a judgement call but whose class is not.
     */
    static ExpectedError ofClass(String stateClass, Class<? extends SQLException> type) {
        return new ExpectedError(stateClass, type);
    }

    /** Runs {@code sql} and checks that it fails the expected way; returns the exception. */
    SQLException assertRaisedBy(Connection c, String sql, Object... params) {
        SQLException raised;
        try {
            if (sql.trim().toUpperCase(java.util.Locale.ROOT).startsWith("SELECT")) {
                Sql.rows(c, sql, params);
            } else {
                Sql.update(c, sql, params);
            }
            fail("expected SQLState " + sqlState + " but the statement succeeded: " + sql);
            return null;
        } catch (SQLException e) {
            raised = e;
        }
        String actual = raised.getSQLState();
        boolean matches = sqlState.length() == 2 ? actual != null && actual.startsWith(sqlState) : sqlState.equals(actual);
        if (!matches) {
            fail("expected SQLState " + (sqlState.length() == 2 ? "class " : "") + sqlState + " but got " + actual
                    + " for \"" + raised.getMessage() + "\" from " + sql);
        }
        assertInstanceOf(type, raised, () -> "exception class for \"" + raised.getMessage() + "\"");
        return raised;
    }
}
