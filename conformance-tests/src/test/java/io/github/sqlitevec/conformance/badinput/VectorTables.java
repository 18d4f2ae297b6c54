package io.github.sqlitevec.conformance.badinput;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.zip.CRC32;

/**
 * The three {@code vec0} tables the fuzz writes into, seeded with a few rows, and a fingerprint of
 * their whole contents (row count plus a CRC of every rowid and vector) to prove a rejected input
 * changed nothing.
 */
final class VectorTables {

    static final String[] TABLES = {"f32_items", "int8_items", "bit_items"};

    private VectorTables() {}

    static void create(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE VIRTUAL TABLE f32_items USING vec0(embedding float[8])");
            s.execute("CREATE VIRTUAL TABLE int8_items USING vec0(embedding int8[8])");
            s.execute("CREATE VIRTUAL TABLE bit_items USING vec0(embedding bit[8])");
        }
        try (PreparedStatement f = c.prepareStatement("INSERT INTO f32_items(rowid, embedding) VALUES (?, ?)");
                PreparedStatement i = c.prepareStatement("INSERT INTO int8_items(rowid, embedding) VALUES (?, vec_int8(?))");
                PreparedStatement b = c.prepareStatement("INSERT INTO bit_items(rowid, embedding) VALUES (?, vec_bit(?))")) {
            for (int row = 1; row <= 5; row++) {
                float[] v = new float[8];
                byte[] int8 = new byte[8];
                for (int d = 0; d < 8; d++) {
                    v[d] = row * 10 + d + 0.25f;
                    int8[d] = (byte) (row * 8 - d);
                }
                f.setLong(1, row);
                f.setObject(2, v);
                f.executeUpdate();
                i.setLong(1, row);
                i.setBytes(2, int8);
                i.executeUpdate();
                b.setLong(1, row);
                b.setBytes(2, new byte[] {(byte) (row * 37)});
                b.executeUpdate();
            }
        }
    }

    /** "rows=15 crc=…" over every table's rowids and vector bytes, in rowid order. */
    static String fingerprint(Connection c) throws SQLException {
        CRC32 crc = new CRC32();
        long rows = 0;
        try (Statement s = c.createStatement()) {
            for (String table : TABLES) {
                try (ResultSet rs = s.executeQuery("SELECT rowid, embedding FROM " + table + " ORDER BY rowid")) {
                    while (rs.next()) {
                        rows++;
                        crc.update(Long.toString(rs.getLong(1)).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                        crc.update(rs.getBytes(2));
                    }
                }
            }
        }
        return "rows=" + rows + " crc=" + Long.toHexString(crc.getValue());
    }

    static long rowCount(Connection c) throws SQLException {
        long rows = 0;
        try (Statement s = c.createStatement()) {
            for (String table : TABLES) {
                try (ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
                    rs.next();
                    rows += rs.getLong(1);
                }
            }
        }
        return rows;
    }
}
