package io.github.sqlitevec.conformance.load;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A separate JVM bulk-inserts into vec0 in committed batches and is killed with SIGKILL in the
 * middle of its work, several times over the same file. After each kill the database must pass
 * {@code PRAGMA integrity_check}, hold every batch the child reported committed, and hold no
 * part of a batch that was not committed.
 */
class KilledWriterRecoveryTest {
    private static final int ROWS_PER_BATCH = 40;
    private static final int DIMENSIONS = 32;
    /** Batches to wait for before the kill; varied per round so the kill lands in different places. */
    private static final int[] BATCHES_BEFORE_KILL = {12, 19, 7, 25};

    @TempDir
    Path dir;

    @ParameterizedTest(name = "journal_mode={0}")
    @ValueSource(strings = {"WAL", "DELETE"})
    @Timeout(value = 10, unit = TimeUnit.MINUTES) // a safety net against a hang, not a speed claim
    void aWriterKilledMidBatchLosesNoCommittedBatchAndLeavesNoPartialOne(String journalMode) throws Exception {
        Path db = dir.resolve("killed-" + journalMode + ".db");
        long nextBatch = 1;
        int rounds = LoadScale.scaled(2);
        for (int round = 0; round < rounds; round++) {
            int wait = BATCHES_BEFORE_KILL[round % BATCHES_BEFORE_KILL.length];
            long lastReported = runAndKill(db, journalMode, nextBatch, wait, dir.resolve("child-" + journalMode + "-" + round + ".err"));
            assertTrue(lastReported >= nextBatch + wait - 1, "the child reported its batches before the kill");
            // a journal left behind means the kill caught a transaction in flight (informational)
            String leftBehind = describeJournals(db);
            long lastStored = verify(db, lastReported);
            System.out.println("journal_mode=" + journalMode + " round " + round + ": child reported batch " + lastReported
                    + " committed, database holds batches 1.." + lastStored + "; after the kill: " + leftBehind);
            nextBatch = lastStored + 1;
        }
    }

    /** Starts the child, kills it once it has reported {@code batches} commits, returns the last batch it reported. */
    private static long runAndKill(Path db, String journalMode, long firstBatch, int batches, Path stderr)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx128m");
        String nativePath = System.getProperty("sqlitevec.native.path");
        if (nativePath != null) {
            command.add("-Dsqlitevec.native.path=" + nativePath);
        }
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(BulkVectorWriter.class.getName());
        command.add(db.toString());
        command.add(journalMode);
        command.add(Long.toString(firstBatch));
        command.add(Integer.toString(ROWS_PER_BATCH));
        command.add(Integer.toString(DIMENSIONS));
        Process child = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
        LinkedBlockingQueue<Long> reported = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> readCommits(child, reported), "child-stdout");
        reader.start();
        long last = firstBatch - 1;
        try {
            while (last < firstBatch + batches - 1) {
                Long batch = reported.poll(60, TimeUnit.SECONDS);
                if (batch == null) {
                    fail("the child reported no commit for 60 s; alive=" + child.isAlive() + ", stderr: " + Files.readString(stderr));
                }
                last = batch;
            }
        } finally {
            child.destroyForcibly(); // SIGKILL on Linux: no shutdown hooks, no finally blocks in the child
            child.waitFor();
            reader.join();
        }
        // commits the child printed after we stopped reading still count as reported
        for (Long batch = reported.poll(); batch != null; batch = reported.poll()) {
            last = batch;
        }
        return last;
    }

    private static void readCommits(Process child, LinkedBlockingQueue<Long> reported) {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith("committed ")) {
                    reported.add(Long.parseLong(line.substring("committed ".length()).trim()));
                }
            }
        } catch (IOException closedByKill) {
            // the pipe closes when the child dies; what was read is what was reported
        }
    }

    private static String describeJournals(Path db) throws IOException {
        StringBuilder found = new StringBuilder();
        for (String suffix : new String[] {"-journal", "-wal"}) {
            Path file = Path.of(db + suffix);
            if (Files.exists(file)) {
                found.append(found.length() == 0 ? "" : ", ").append(file.getFileName()).append(' ').append(Files.size(file)).append(" bytes");
            }
        }
        return found.length() == 0 ? "no journal" : found.toString();
    }

    /** Checks the file after a kill and returns the last batch it holds. */
    private static long verify(Path db, long lastReported) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlitevec:" + db); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
                assertTrue(rs.next());
                assertEquals("ok", rs.getString(1));
                assertTrue(!rs.next(), "integrity_check reports a single 'ok'");
            }
            long batches;
            long maxBatch;
            try (ResultSet rs = s.executeQuery("SELECT count(*), coalesce(max(batch), 0), coalesce(min(batch), 0) FROM batches")) {
                rs.next();
                batches = rs.getLong(1);
                maxBatch = rs.getLong(2);
                assertEquals(batches == 0 ? 0 : 1, rs.getLong(3), "batches start at 1");
            }
            assertEquals(maxBatch, batches, "committed batches are contiguous");
            assertTrue(maxBatch >= lastReported, "batch " + lastReported + " was reported committed, database holds up to " + maxBatch);
            // the kill may land after a commit and before its line is printed: one more, never two
            assertTrue(maxBatch <= lastReported + 1, "database holds batch " + maxBatch + " but only " + lastReported + " was reported");
            try (ResultSet rs = s.executeQuery("SELECT count(*), count(DISTINCT batch), min(batch), max(batch) FROM items")) {
                rs.next();
                assertEquals(batches * ROWS_PER_BATCH, rs.getLong(1), "vec0 rows = committed batches x rows per batch");
                assertEquals(batches, rs.getLong(2), "vec0 holds rows of exactly the committed batches");
                assertEquals(1, rs.getLong(3));
                assertEquals(maxBatch, rs.getLong(4));
            }
            try (ResultSet rs = s.executeQuery("SELECT rowid, embedding, batch, payload FROM items")) {
                while (rs.next()) {
                    long rowid = rs.getLong(1);
                    assertArrayEquals(DeterministicVectors.forId(rowid, DIMENSIONS), rs.getObject(2, float[].class), "vector of " + rowid);
                    assertEquals(rowid / ROWS_PER_BATCH, rs.getLong(3), "batch of " + rowid);
                    assertEquals("row-" + rowid, rs.getString(4));
                }
            }
            long probe = maxBatch * ROWS_PER_BATCH + ROWS_PER_BATCH / 2;
            try (PreparedStatement knn = c.prepareStatement(
                    "SELECT rowid, distance FROM items WHERE embedding MATCH ? AND k = 1")) {
                knn.setObject(1, DeterministicVectors.forId(probe, DIMENSIONS));
                try (ResultSet rs = knn.executeQuery()) {
                    assertTrue(rs.next());
                    assertEquals(probe, rs.getLong(1), "KNN finds a row of the last committed batch by its own vector");
                    assertEquals(0.0, rs.getDouble(2));
                }
            }
            return maxBatch;
        }
    }
}
