package io.github.sqlitevec.jdbc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class VectorCodecTest {

    @Test
    void float32BlobIsLittleEndianAndRoundTrips() {
        byte[] blob = VectorCodec.toFloat32Blob(new float[] {1.0f});
        assertArrayEquals(new byte[] {0, 0, (byte) 0x80, 0x3f}, blob);
        float[] v = {0.1f, -2.5f, Float.MIN_VALUE, Float.MAX_VALUE};
        assertArrayEquals(v, VectorCodec.fromFloat32Blob(VectorCodec.toFloat32Blob(v)));
    }

    @Test
    void blobLengthNotAMultipleOfFourIsRejectedWithTheLength() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> VectorCodec.fromFloat32Blob(new byte[7]));
        assertTrue(e.getMessage().contains("7 bytes"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> VectorCodec.fromFloat32Blob(new byte[0]));
    }

    @Test
    void nonFiniteAndEmptyVectorsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> VectorCodec.toFloat32Blob(new float[] {Float.NaN}));
        assertThrows(IllegalArgumentException.class, () -> VectorCodec.toFloat32Blob(new float[] {Float.POSITIVE_INFINITY}));
        assertThrows(IllegalArgumentException.class, () -> VectorCodec.toFloat32Blob(new float[0]));
    }

    @Test
    void jsonRoundTripsAndMalformedJsonNamesThePosition() {
        float[] v = {0.1f, -2f, 3e-4f};
        assertArrayEquals(v, VectorCodec.fromJson(VectorCodec.toJson(v)));
        assertArrayEquals(new float[] {1f, 2f}, VectorCodec.fromJson(" [ 1 , 2 ] "));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> VectorCodec.fromJson("[1, oops]"));
        assertTrue(e.getMessage().contains("position 4"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> VectorCodec.fromJson("[]"));
        assertThrows(IllegalArgumentException.class, () -> VectorCodec.fromJson("[NaN]"));
        assertThrows(IllegalArgumentException.class, () -> VectorCodec.fromJson("[1e99]"));
        assertThrows(IllegalArgumentException.class, () -> VectorCodec.fromJson("[1,]"));
        assertThrows(IllegalArgumentException.class, () -> VectorCodec.fromJson("[1] x"));
    }

    @Test
    void int8AndBitBlobsMatchWhatSqliteVecReads() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlitevec::memory:");
             PreparedStatement p = c.prepareStatement("SELECT vec_to_json(vec_int8(?)), vec_to_json(vec_bit(?))")) {
            p.setBytes(1, VectorCodec.toInt8Blob(new int[] {-128, 0, 127}));
            boolean[] bits = new boolean[16];
            bits[0] = true;
            bits[9] = true;
            p.setBytes(2, VectorCodec.toBitBlob(bits));
            try (ResultSet rs = p.executeQuery()) {
                rs.next();
                assertEquals("[-128,0,127]", rs.getString(1).replace(" ", ""));
                assertEquals("[1,0,0,0,0,0,0,0,0,1,0,0,0,0,0,0]", rs.getString(2).replace(" ", ""));
            }
        }
        assertThrows(IllegalArgumentException.class, () -> VectorCodec.toInt8Blob(new int[] {128}));
        assertThrows(IllegalArgumentException.class, () -> VectorCodec.toBitBlob(new boolean[7]));
        assertArrayEquals(new int[] {-1, 5}, VectorCodec.fromInt8Blob(new byte[] {-1, 5}));
        assertArrayEquals(new boolean[] {true, false, false, false, false, false, false, true},
                VectorCodec.fromBitBlob(new byte[] {(byte) 0x81}));
    }
}
