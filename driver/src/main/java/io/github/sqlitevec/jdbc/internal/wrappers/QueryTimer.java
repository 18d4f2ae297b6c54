package io.github.sqlitevec.jdbc.internal.wrappers;

import io.github.sqlitevec.jdbc.internal.errors.SqlStateTranslator;
import java.sql.SQLException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;
import org.sqlite.core.DB;

/**
 * Enforces {@code Statement.setQueryTimeout} by calling {@code sqlite3_interrupt} when a call
 * runs too long. sqlite-jdbc only turns the timeout into a busy timeout, so a slow scan or KNN
 * query would run to the end; here one shared daemon thread interrupts it instead.
 *
 * <p>Thread-safe.
 */
final class QueryTimer {

    private static final System.Logger LOG = System.getLogger(QueryTimer.class.getName());

    private QueryTimer() {}

    /** Created on first use, so applications that never set a timeout never start the thread. */
    private static final class Executor {
        static final ScheduledThreadPoolExecutor INSTANCE = create();

        private static ScheduledThreadPoolExecutor create() {
            var executor = new ScheduledThreadPoolExecutor(1, task -> {
                var thread = new Thread(task, "sqlitevec-query-timeout");
                thread.setDaemon(true);
                return thread;
            });
            // Nearly every guard is cancelled; without this the queue would keep them until they expire.
            executor.setRemoveOnCancelPolicy(true);
            return executor;
        }
    }

    /** A call into sqlite-jdbc that may throw. */
    interface Call<T> {
        T call() throws SQLException;
    }

    /**
     * Runs {@code call}, interrupting SQLite if it takes longer than {@code seconds} (0: no limit),
     * and turns the interruption into a timeout. Other failures pass through untranslated.
     */
    static <T> T run(DB db, int seconds, Call<T> call) throws SQLException {
        if (seconds <= 0) {
            return call.call();
        }
        Guard guard = start(db, seconds);
        try {
            return call.call();
        } catch (SQLException e) {
            throw timedOut(e, guard) ? SqlStateTranslator.timeout(e, seconds) : e;
        } finally {
            guard.stop();
        }
    }

    /** Arms a guard that interrupts {@code db} after {@code seconds} unless {@link #stop} comes first. */
    static Guard start(DB db, int seconds) {
        var guard = new Guard(db, seconds);
        guard.task = Executor.INSTANCE.schedule(guard, seconds, TimeUnit.SECONDS);
        return guard;
    }

    /** Disarms {@code guard}; after this returns it can no longer interrupt anything. Null-safe. */
    static void stop(Guard guard) {
        if (guard != null) {
            guard.stop();
        }
    }

    /**
     * The exception to throw for a failed guarded call: a timeout when our guard interrupted
     * it, otherwise the normal translation (which also covers {@code Statement.cancel()}).
     */
    static SQLException failure(SQLException e, Guard guard) {
        if (timedOut(e, guard)) {
            return SqlStateTranslator.timeout(e, guard.seconds);
        }
        return SqlStateTranslator.translate(e);
    }

    /** Only our own timer makes a timeout; an interrupt from {@code Statement.cancel()} stays SQLite's error. */
    private static boolean timedOut(SQLException e, Guard guard) {
        return guard != null && guard.fired() && isInterrupt(e);
    }

    private static boolean isInterrupt(SQLException e) {
        if (e instanceof SQLiteException
                && (((SQLiteException) e).getResultCode().code & 0xff) == SQLiteErrorCode.SQLITE_INTERRUPT.code) {
            return true;
        }
        // Batch failures arrive as BatchUpdateException, with the result code only in the message.
        String message = e.getMessage();
        return message != null && message.contains("interrupted");
    }

    /** One guarded call. Running and stopping share a lock so a late timer cannot hit a later call. */
    static final class Guard implements Runnable {
        private final DB db;
        private final int seconds;
        private ScheduledFuture<?> task;
        private boolean running = true;
        private boolean fired;

        private Guard(DB db, int seconds) {
            this.db = db;
            this.seconds = seconds;
        }

        @Override
        public synchronized void run() {
            if (!running) {
                return;
            }
            fired = true;
            try {
                db.interrupt();
            } catch (SQLException e) {
                LOG.log(System.Logger.Level.DEBUG, "could not interrupt a query past its timeout", e);
            }
        }

        private void stop() {
            synchronized (this) {
                running = false;
            }
            task.cancel(false);
        }

        private synchronized boolean fired() {
            return fired;
        }
    }
}
