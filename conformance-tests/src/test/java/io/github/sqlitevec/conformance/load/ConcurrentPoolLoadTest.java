package io.github.sqlitevec.conformance.load;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.sqlite.SQLiteException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several writer threads insert into a regular table and a vec0 table in the same transactions
 * while reader threads run KNN queries, all through one HikariCP pool on a WAL database. At the
 * end no row is lost or doubled (count and checksums), each table agrees with the other, and
 * every busy error the application saw was SQLState 40001 and went away on retry.
 */
class ConcurrentPoolLoadTest {
    private static final int WRITERS = 4;
    private static final int READERS = 2;
    private static final int ROWS_PER_TRANSACTION = 5;
    private static final int DIMENSIONS = 8;

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES) // a safety net against a hang, not a speed claim
    void writersAndReadersWithABusyTimeoutLoseNoRowsAndSeeOnly40001() throws Exception {
        Outcome outcome = runLoad("busy_timeout=5000", LoadScale.scaled(40));
        outcome.assertEveryBusyErrorWas40001();
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void withoutABusyTimeoutWritersCollideAndRetryingTheTransactionLosesNothing() throws Exception {
        Outcome outcome = runLoad("busy_timeout=0", LoadScale.scaled(40));
        outcome.assertEveryBusyErrorWas40001();
        assertTrue(outcome.retries > 0, "with busy_timeout=0 concurrent writers must collide and retry at least once");
        System.out.println("busy_timeout=0: " + outcome.retries + " transactions retried after SQLState 40001");
    }

    private Outcome runLoad(String busyOption, int transactionsPerWriter) throws Exception {
        Path db = dir.resolve("load.db");
        createSchema(db);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:sqlitevec:" + db + "?journal_mode=WAL&" + busyOption);
        config.setMaximumPoolSize(WRITERS + READERS);
        config.setConnectionTimeout(30_000);
        try (HikariDataSource pool = new HikariDataSource(config)) {
            RetryingTransactions transactions = new RetryingTransactions(pool);
            AtomicBoolean writing = new AtomicBoolean(true);
            AtomicLong knnQueries = new AtomicLong();
            ConcurrentLinkedQueue<String> readerFindings = new ConcurrentLinkedQueue<>();
            ExecutorService threads = Executors.newFixedThreadPool(WRITERS + READERS);
            try {
                List<Future<?>> writers = new ArrayList<>();
                for (int w = 0; w < WRITERS; w++) {
                    int writer = w;
                    writers.add(threads.submit(() -> {
                        for (int t = 0; t < transactionsPerWriter; t++) {
                            long firstId = firstId(writer, t);
                            transactions.run(c -> insertRows(c, writer, firstId));
                        }
                        return null;
                    }));
                }
                List<Future<?>> readers = new ArrayList<>();
                for (int r = 0; r < READERS; r++) {
                    long seed = r;
                    readers.add(threads.submit(() -> {
                        long query = seed;
                        while (writing.get()) {
                            float[] vector = DeterministicVectors.forId(-(++query), DIMENSIONS);
                            transactions.run(c -> checkKnnSnapshot(c, vector, readerFindings));
                            knnQueries.incrementAndGet();
                        }
                        return null;
                    }));
                }
                for (Future<?> writer : writers) {
                    writer.get();
                }
                writing.set(false);
                for (Future<?> reader : readers) {
                    reader.get();
                }
            } finally {
                writing.set(false);
                threads.shutdownNow();
            }
            assertTrue(readerFindings.isEmpty(), "readers saw inconsistent snapshots: " + readerFindings);
            assertTrue(knnQueries.get() > 0, "readers ran KNN queries while writers wrote");
            try (Connection c = pool.getConnection()) {
                assertNothingLostOrDoubled(c, transactionsPerWriter);
            }
            return new Outcome(transactions.retries(), transactions.busyErrors());
        }
    }

    private static void createSchema(Path db) throws SQLException {
        try (Connection c = java.sql.DriverManager.getConnection("jdbc:sqlitevec:" + db + "?journal_mode=WAL");
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE docs(id INTEGER PRIMARY KEY, writer INTEGER NOT NULL, value INTEGER NOT NULL)");
            s.execute("CREATE VIRTUAL TABLE doc_vectors USING vec0(embedding float[" + DIMENSIONS + "], writer integer)");
        }
    }

    private static long firstId(int writer, int transaction) {
        return writer * 1_000_000L + (long) transaction * ROWS_PER_TRANSACTION + 1;
    }

    private static long valueOf(long id) {
        return id * 3 + 1;
    }

    private static void insertRows(Connection c, int writer, long firstId) throws SQLException {
        try (PreparedStatement doc = c.prepareStatement("INSERT INTO docs(id, writer, value) VALUES (?, ?, ?)");
             PreparedStatement vec = c.prepareStatement("INSERT INTO doc_vectors(rowid, embedding, writer) VALUES (?, ?, ?)")) {
            for (long id = firstId; id < firstId + ROWS_PER_TRANSACTION; id++) {
                doc.setLong(1, id);
                doc.setInt(2, writer);
                doc.setLong(3, valueOf(id));
                doc.executeUpdate();
                vec.setLong(1, id);
                vec.setObject(2, DeterministicVectors.forId(id, DIMENSIONS));
                vec.setInt(3, writer);
                vec.executeUpdate();
            }
        }
    }

    /**
     * One read transaction: a KNN query, then the docs rows of its answer. Writers insert both
     * in one transaction, so a snapshot never holds a vector without its doc row.
     */
    private static void checkKnnSnapshot(Connection c, float[] query, ConcurrentLinkedQueue<String> findings)
            throws SQLException {
        List<Long> ids = new ArrayList<>();
        double previous = -1;
        try (PreparedStatement knn = c.prepareStatement(
                "SELECT rowid, distance FROM doc_vectors WHERE embedding MATCH ? AND k = 5 ORDER BY distance")) {
            knn.setObject(1, query);
            try (ResultSet rs = knn.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                    if (rs.getDouble(2) < previous) {
                        findings.add("distances out of order: " + previous + " then " + rs.getDouble(2));
                    }
                    previous = rs.getDouble(2);
                }
            }
        }
        if (ids.size() > 5) {
            findings.add("k = 5 returned " + ids.size() + " rows");
        }
        try (PreparedStatement doc = c.prepareStatement("SELECT value FROM docs WHERE id = ?")) {
            for (long id : ids) {
                doc.setLong(1, id);
                try (ResultSet rs = doc.executeQuery()) {
                    if (!rs.next()) {
                        findings.add("vector " + id + " visible without its docs row");
                    } else if (rs.getLong(1) != valueOf(id)) {
                        findings.add("docs row " + id + " has value " + rs.getLong(1));
                    }
                }
            }
        }
    }

    private static void assertNothingLostOrDoubled(Connection c, int transactionsPerWriter) throws SQLException {
        long expectedRows = (long) WRITERS * transactionsPerWriter * ROWS_PER_TRANSACTION;
        long expectedIdSum = 0;
        long expectedValueSum = 0;
        for (int w = 0; w < WRITERS; w++) {
            for (int t = 0; t < transactionsPerWriter; t++) {
                for (long id = firstId(w, t); id < firstId(w, t) + ROWS_PER_TRANSACTION; id++) {
                    expectedIdSum += id;
                    expectedValueSum += valueOf(id);
                }
            }
        }
        try (Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT count(*), count(DISTINCT id), sum(id), sum(value) FROM docs")) {
                rs.next();
                assertEquals(expectedRows, rs.getLong(1), "docs rows");
                assertEquals(expectedRows, rs.getLong(2), "distinct docs ids");
                assertEquals(expectedIdSum, rs.getLong(3), "checksum of docs ids");
                assertEquals(expectedValueSum, rs.getLong(4), "checksum of docs values");
            }
            try (ResultSet rs = s.executeQuery("SELECT count(*), sum(rowid) FROM doc_vectors")) {
                rs.next();
                assertEquals(expectedRows, rs.getLong(1), "vec0 rows");
                assertEquals(expectedIdSum, rs.getLong(2), "checksum of vec0 rowids");
            }
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM docs d JOIN doc_vectors v ON v.rowid = d.id AND v.writer = d.writer")) {
                rs.next();
                assertEquals(expectedRows, rs.getLong(1), "docs rows with their vector");
            }
            try (ResultSet rs = s.executeQuery("SELECT rowid, embedding FROM doc_vectors")) {
                while (rs.next()) {
                    assertArrayEquals(DeterministicVectors.forId(rs.getLong(1), DIMENSIONS), rs.getObject(2, float[].class),
                            "vector of row " + rs.getLong(1));
                }
            }
            try (ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
                rs.next();
                assertEquals("ok", rs.getString(1));
            }
        }
    }

    private static final class Outcome {
        final int retries;
        final List<SQLException> busyErrors;

        Outcome(int retries, List<SQLException> busyErrors) {
            this.retries = retries;
            this.busyErrors = busyErrors;
        }

        void assertEveryBusyErrorWas40001() {
            for (SQLException e : busyErrors) {
                assertEquals("40001", e.getSQLState(), () -> "SQLState of busy error \"" + e.getMessage() + "\"");
                assertTrue(e instanceof SQLiteException, () -> e.getClass() + " for \"" + e.getMessage() + "\"");
            }
            assertEquals(retries, busyErrors.size(), "every busy error led to exactly one retry");
        }
    }
}
