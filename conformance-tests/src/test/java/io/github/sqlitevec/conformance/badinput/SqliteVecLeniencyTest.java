package io.github.sqlitevec.conformance.badinput;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Findings of the bad-input fuzz that are not rejections: what sqlite-vec 0.1.9 accepts although
 * it is malformed. Pinned here so that an upgrade of sqlite-vec shows up as a failing test to update
 * (and the fuzz's classification with it), not as a silent change.
 */
class SqliteVecLeniencyTest {

    @TempDir
    Path dir;

    private Connection open() throws SQLException {
        Connection c = DriverManager.getConnection("jdbc:sqlitevec:" + dir.resolve("lenient.db"));
        try (Statement s = c.createStatement()) {
            s.execute("CREATE VIRTUAL TABLE items USING vec0(embedding float[8])");
        }
        return c;
    }

    @Test
    void rawBlobsWithNanOrInfinityAreStoredWhileFloatArraysWithThemAreRefused() throws Exception {
        try (Connection c = open()) {
            byte[] blob = ByteBuffer.allocate(32).order(ByteOrder.LITTLE_ENDIAN)
                    .putFloat(0, Float.NaN).putFloat(4, Float.POSITIVE_INFINITY).array();
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO items(rowid, embedding) VALUES (1, ?)")) {
                ps.setBytes(1, blob);
                assertEquals(1, ps.executeUpdate(), "sqlite-vec 0.1.9 stores a blob without looking at its floats");
            }
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT embedding FROM items WHERE rowid = 1")) {
                rs.next();
                float[] back = rs.getObject(1, float[].class);
                assertTrue(Float.isNaN(back[0]));
                assertEquals(Float.POSITIVE_INFINITY, back[1]);
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO items(rowid, embedding) VALUES (2, ?)")) {
                SQLDataException e = assertThrows(SQLDataException.class,
                        () -> ps.setObject(1, new float[] {Float.NaN, 0, 0, 0, 0, 0, 0, 0}));
                assertEquals("22000", e.getSQLState(), "the driver refuses NaN in float[] itself, as VectorCodec documents");
            }
        }
    }

    @Test
    void sqliteVec019AcceptsTheseMalformedJsonVectors() throws Exception {
        List<String> lenient = List.of(
                "[1,2,3,4,5,6,7,8",            // no closing bracket
                "[1,2,3,4,5,6,7,8]trailing",   // text after the array
                "[1,2,3,4,5,6,7,8]]",          // an extra bracket
                "[1,2,3,4,5,6,7,8,]",          // a trailing comma
                "[1 2 3 4 5 6 7 8]",           // no commas at all
                "[1,2,3,NaN,5,6,7,8]",         // NaN is not JSON
                "[1,2,3,inf,5,6,7,8]",         // nor is inf
                "[1,2,3,1e40,5,6,7,8]",        // overflows float32 to infinity, silently
                "[+1,2,3,4,5,6,7,8]",          // JSON has no unary plus
                "[0x10,2,3,4,5,6,7,8]");       // nor hexadecimal
        try (Connection c = open(); PreparedStatement ps = c.prepareStatement("INSERT INTO items(embedding) VALUES (?)")) {
            for (String json : lenient) {
                ps.setString(1, json);
                assertEquals(1, ps.executeUpdate(), "sqlite-vec 0.1.9 accepts " + json + "; if it now refuses, the fuzz may generate it");
            }
        }
    }
}
