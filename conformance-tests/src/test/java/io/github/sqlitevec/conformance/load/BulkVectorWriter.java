package io.github.sqlitevec.conformance.load;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;

/**
 * The child process of {@link KilledWriterRecoveryTest}: inserts vec0 rows in committed batches,
 * forever (until killed), and after each commit prints {@code committed <batch>} on stdout.
 *
 * <p>Arguments: database file, journal mode, first batch number, rows per batch, dimensions.
 * Batch {@code b} holds rowids {@code b * rows + 0 .. b * rows + rows - 1}, each with the vector
 * {@link DeterministicVectors#forId}, and one row in {@code batches} naming it.
 */
public final class BulkVectorWriter {
    private BulkVectorWriter() {}

    public static void main(String[] args) throws Exception {
        String db = args[0];
        String journalMode = args[1];
        long batch = Long.parseLong(args[2]);
        int rowsPerBatch = Integer.parseInt(args[3]);
        int dimensions = Integer.parseInt(args[4]);
        try (Connection c = DriverManager.getConnection("jdbc:sqlitevec:" + db + "?journal_mode=" + journalMode)) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE VIRTUAL TABLE IF NOT EXISTS items USING vec0(embedding float[" + dimensions
                        + "], batch integer, +payload text)");
                s.execute("CREATE TABLE IF NOT EXISTS batches(batch INTEGER PRIMARY KEY, row_count INTEGER NOT NULL)");
            }
            c.setAutoCommit(false);
            try (PreparedStatement item = c.prepareStatement(
                         "INSERT INTO items(rowid, embedding, batch, payload) VALUES (?, ?, ?, ?)");
                 PreparedStatement marker = c.prepareStatement("INSERT INTO batches(batch, row_count) VALUES (?, ?)")) {
                for (; ; batch++) {
                    for (int j = 0; j < rowsPerBatch; j++) {
                        long rowid = batch * rowsPerBatch + j;
                        item.setLong(1, rowid);
                        item.setObject(2, DeterministicVectors.forId(rowid, dimensions));
                        item.setLong(3, batch);
                        item.setString(4, "row-" + rowid);
                        item.executeUpdate();
                    }
                    marker.setLong(1, batch);
                    marker.setInt(2, rowsPerBatch);
                    marker.executeUpdate();
                    c.commit();
                    System.out.println("committed " + batch);
                    System.out.flush();
                }
            }
        }
    }
}
