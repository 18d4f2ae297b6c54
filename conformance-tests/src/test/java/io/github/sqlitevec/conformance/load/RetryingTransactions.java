package io.github.sqlitevec.conformance.load;

import java.sql.Connection;
import java.sql.SQLException;
import org.sqlite.SQLiteException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * The retry rule the driver documents for lost races: when a statement or the commit fails
 * with SQLState 40001 ({@link SQLiteException}), roll back and run the whole
 * transaction again. Counts the retries, and keeps every busy or locked error it sees so the
 * test can check that each surfaced as 40001 — one that did not is rethrown, not retried.
 */
final class RetryingTransactions {
    /** The body of one transaction; it must be safe to run again from the start. */
    @FunctionalInterface
    interface Work {
        void run(Connection connection) throws SQLException;
    }

    private static final int MAX_ATTEMPTS = 10_000;

    private final DataSource pool;
    private final AtomicInteger retries = new AtomicInteger();
    private final ConcurrentLinkedQueue<SQLException> busyErrors = new ConcurrentLinkedQueue<>();

    RetryingTransactions(DataSource pool) {
        this.pool = pool;
    }

    void run(Work work) throws SQLException, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try (Connection c = pool.getConnection()) {
                c.setAutoCommit(false);
                try {
                    work.run(c);
                    c.commit();
                    return;
                } catch (SQLException e) {
                    try {
                        c.rollback();
                    } catch (SQLException rollbackFailure) {
                        e.addSuppressed(rollbackFailure);
                    }
                    if (!looksBusy(e)) {
                        throw e;
                    }
                    busyErrors.add(e);
                    if (!"40001".equals(e.getSQLState()) || !(e instanceof SQLiteException)) {
                        throw e; // the test fails on it: a busy error must be 40001
                    }
                    if (attempt >= MAX_ATTEMPTS) {
                        throw new SQLException("gave up after " + attempt + " attempts", e);
                    }
                    retries.incrementAndGet();
                }
            }
            Thread.sleep(ThreadLocalRandom.current().nextInt(1, 4)); // let the winner finish
        }
    }

    /** SQLITE_BUSY (5) or SQLITE_LOCKED (6) in any extended form, or their words in the message. */
    static boolean looksBusy(SQLException e) {
        int primary = e.getErrorCode() & 0xff;
        String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        return primary == 5 || primary == 6 || message.contains("database is locked") || message.contains("sqlite_busy")
                || message.contains("sqlite_locked") || message.contains("table is locked");
    }

    int retries() {
        return retries.get();
    }

    List<SQLException> busyErrors() {
        return List.copyOf(busyErrors);
    }
}
