package io.github.sqlitevec.jdbc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VectorBindingTest {
    @TempDir
    Path dir;
    Connection c;

    @BeforeEach
    void open() throws SQLException {
        c = DriverManager.getConnection("jdbc:sqlitevec:" + dir.resolve("vectors.db"));
        try (Statement s = c.createStatement()) {
            s.execute("CREATE VIRTUAL TABLE items USING vec0(embedding float[3])");
            s.execute("CREATE TABLE plain(id INTEGER PRIMARY KEY, v BLOB)");
        }
    }

    @AfterEach
    void close() throws SQLException {
        c.close();
    }

    private void insert(long rowid, float[] v) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO items(rowid, embedding) VALUES (?, ?)")) {
            p.setLong(1, rowid);
            p.setObject(2, v);
            assertEquals(1, p.executeUpdate());
        }
    }

    private long count(String table) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void floatArraysBindAsFloat32BlobsAndKnnFindsTheNearest() throws SQLException {
        insert(1, new float[] {0f, 0f, 0f});
        insert(2, new float[] {1f, 1f, 1f});
        insert(3, new float[] {5f, 5f, 5f});
        List<Long> ids = new ArrayList<>();
        List<Double> distances = new ArrayList<>();
        try (PreparedStatement knn = c.prepareStatement(
                "SELECT rowid, distance FROM items WHERE embedding MATCH ? AND k = 2 ORDER BY distance")) {
            knn.setObject(1, new float[] {0.9f, 1f, 1.1f});
            try (ResultSet rs = knn.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                    distances.add(rs.getDouble(2));
                }
            }
        }
        assertEquals(List.of(2L, 1L), ids);
        assertEquals(Math.sqrt(0.01 + 0 + 0.01), distances.get(0), 1e-6);
        assertEquals(Math.sqrt(0.81 + 1 + 1.21), distances.get(1), 1e-6);
    }

    @Test
    void getObjectDecodesBlobsAndJsonIntoFloatArrays() throws SQLException {
        float[] v = {0.25f, -1.5f, 3e-4f};
        insert(7, v);
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT embedding, vec_to_json(embedding), NULL FROM items WHERE rowid = 7")) {
            assertTrue(rs.next());
            assertArrayEquals(v, rs.getObject(1, float[].class));
            assertArrayEquals(v, rs.getObject(2, float[].class));
            assertArrayEquals(v, rs.getObject("embedding", float[].class));
            assertNull(rs.getObject(3, float[].class));
        }
    }

    @Test
    void setObjectWithATargetTypeStillBindsTheVector() throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO plain(id, v) VALUES (1, ?)")) {
            p.setObject(1, new float[] {1f, 2f}, Types.BLOB);
            p.executeUpdate();
        }
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT vec_length(v), v FROM plain")) {
            rs.next();
            assertEquals(2, rs.getInt(1));
            assertArrayEquals(VectorCodec.toFloat32Blob(new float[] {1f, 2f}), rs.getBytes(2));
        }
    }

    @Test
    void aBlobOfTheWrongLengthIsADataErrorNamingTheColumn() throws SQLException {
        try (Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO plain VALUES (1, x'01020304050607')");
            try (ResultSet rs = s.executeQuery("SELECT v FROM plain")) {
                rs.next();
                SQLException e = assertThrows(SQLDataException.class, () -> rs.getObject(1, float[].class));
                assertTrue(e.getSQLState().startsWith("22"), e.getSQLState());
                assertTrue(e.getMessage().contains("7"), e.getMessage());
                assertTrue(e.getMessage().contains("v"), e.getMessage());
            }
        }
    }

    @Test
    void nanIsRejectedBeforeReachingTheDatabase() throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO items(rowid, embedding) VALUES (1, ?)")) {
            SQLException e = assertThrows(SQLException.class, () -> p.setObject(1, new float[] {1f, Float.NaN, 2f}));
            assertTrue(e.getSQLState().startsWith("22"), e.getSQLState());
            assertTrue(e.getMessage().contains("NaN"), e.getMessage());
        }
        assertEquals(0, count("items"));
    }

    @Test
    void aVectorOfTheWrongDimensionIsRejectedAndNothingIsStored() throws SQLException {
        insert(1, new float[] {1f, 2f, 3f});
        SQLException e = assertThrows(org.sqlite.SQLiteException.class, () -> insert(2, new float[] {1f, 2f}));
        assertEquals("22023", e.getSQLState());
        assertTrue(e.getMessage().contains("Expected 3 dimensions but received 2"), e.getMessage());
        assertEquals(1, count("items"));
    }

    @Test
    void seedSmokeQueryQuantizesToAllOnes() throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(
                     "SELECT vec_to_json(vec_quantize_binary('[0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8]'))")) {
            rs.next();
            // every element is positive, so every bit is set
            assertEquals("[1,1,1,1,1,1,1,1]", rs.getString(1).replace(" ", ""));
        }
    }

    @Test
    void jsonFts5AndMathFunctionsWork() throws SQLException {
        try (Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT json_extract('{\"a\":[1,2,3]}', '$.a[1]'), sqrt(16.0), pow(2, 10)")) {
                rs.next();
                assertEquals(2, rs.getInt(1));
                assertEquals(4.0, rs.getDouble(2));
                assertEquals(1024.0, rs.getDouble(3));
            }
            s.execute("CREATE VIRTUAL TABLE notes USING fts5(body)");
            s.execute("INSERT INTO notes(body) VALUES ('vector search in sqlite'), ('nothing to see')");
            try (ResultSet rs = s.executeQuery("SELECT body FROM notes WHERE notes MATCH 'vector'")) {
                assertTrue(rs.next());
                assertEquals("vector search in sqlite", rs.getString(1));
                assertFalse(rs.next());
            }
        }
    }
}
