package io.github.sqlitevec.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** Runs a unit of work as one write transaction on a borrowed connection. Stateless. */
final class Transactions {

    private Transactions() {}

    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /**
     * With auto-commit on (the usual pooled connection) the work runs inside {@code BEGIN IMMEDIATE}: SQLite
     * takes the write lock up front, so two writers queue on the busy timeout instead of one failing with
     * SQLITE_BUSY when its read lock cannot be upgraded. With auto-commit off the caller owns a transaction
     * already; the work joins it and is committed (or rolled back) through the connection.
     */
    static <T> T write(Connection c, Work<T> work) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        if (autoCommit) {
            try (Statement s = c.createStatement()) {
                s.execute("BEGIN IMMEDIATE");
            }
        }
        boolean done = false;
        try {
            T result = work.run(c);
            if (autoCommit) {
                try (Statement s = c.createStatement()) {
                    s.execute("COMMIT");
                }
            } else {
                c.commit();
            }
            done = true;
            return result;
        } finally {
            if (!done) {
                if (autoCommit) {
                    try (Statement s = c.createStatement()) {
                        s.execute("ROLLBACK");
                    } catch (SQLException ignored) {
                        // The first failure is the one to report; the transaction may already be gone.
                    }
                } else {
                    c.rollback();
                }
            }
        }
    }
}
