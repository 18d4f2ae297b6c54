package io.github.sqlitevec.jdbc.internal.wrappers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.JDBCType;
import java.sql.ResultSet;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sqlite.SQLiteConnection;
import org.sqlite.jdbc4.JDBC4Connection;

class VectorValuesTest {
    private SQLiteConnection connection;
    private VecStatement statement;

    @BeforeEach
    void open() throws SQLException {
        connection = new JDBC4Connection("jdbc:sqlite::memory:", ":memory:", new Properties());
        statement = new VecStatement(connection);
        statement.execute("CREATE TABLE items(id INTEGER PRIMARY KEY, embedding)");
    }

    @AfterEach
    void close() throws SQLException {
        connection.close();
    }

    private void insert(int id, Object value) throws SQLException {
        try (var insert = new VecPreparedStatement(connection, "INSERT INTO items VALUES (?, ?)")) {
            insert.setInt(1, id);
            insert.setObject(2, value);
            insert.executeUpdate();
        }
    }

    private ResultSet row(int id) throws SQLException {
        ResultSet rs = statement.executeQuery("SELECT id, embedding FROM items WHERE id = " + id);
        assertTrue(rs.next());
        return rs;
    }

    @Test
    void floatArrayParameterIsStoredAsLittleEndianFloat32Blob() throws SQLException {
        insert(1, new float[] {1f, -2.5f});
        ResultSet rs = statement.executeQuery("SELECT typeof(embedding), hex(embedding) FROM items");
        assertTrue(rs.next());
        assertEquals("blob", rs.getString(1));
        assertEquals("0000803F000020C0", rs.getString(2));
    }

    @Test
    void everySetObjectOverloadBindsAFloatArrayAsAVector() throws SQLException {
        try (var insert = new VecPreparedStatement(connection, "INSERT INTO items VALUES (?, ?)")) {
            float[] vector = {0.5f};
            insert.setInt(1, 1);
            insert.setObject(2, vector, Types.BLOB);
            insert.executeUpdate();
            insert.setInt(1, 2);
            insert.setObject(2, vector, Types.BLOB, 0);
            insert.executeUpdate();
            insert.setInt(1, 3);
            insert.setObject(2, vector, JDBCType.BLOB);
            insert.executeUpdate();
            insert.setInt(1, 4);
            insert.setObject(2, vector, JDBCType.BLOB, 0);
            insert.executeUpdate();
        }
        ResultSet rs = statement.executeQuery("SELECT count(*) FROM items WHERE hex(embedding) = '0000003F'");
        assertTrue(rs.next());
        assertEquals(4, rs.getInt(1));
    }

    @Test
    void floatArrayColumnDecodesBlobsAndJsonText() throws SQLException {
        insert(1, new float[] {1f, 2f, 3f});
        insert(2, "[0.25, -1]");
        assertArrayEquals(new float[] {1f, 2f, 3f}, row(1).getObject(2, float[].class));
        assertArrayEquals(new float[] {0.25f, -1f}, row(2).getObject("embedding", float[].class));
    }

    @Test
    void sqlNullDecodesToNull() throws SQLException {
        insert(1, null);
        ResultSet rs = row(1);
        assertNull(rs.getObject(2, float[].class));
        assertTrue(rs.wasNull());
    }

    @Test
    void blobOfSevenBytesIsADataExceptionNamingTheColumn() throws SQLException {
        insert(1, new byte[7]);
        SQLDataException e = assertThrows(SQLDataException.class, () -> row(1).getObject(2, float[].class));
        assertTrue(e.getSQLState().startsWith("22"), e.getSQLState());
        assertTrue(e.getMessage().contains("column 2 (embedding) holds a 7-byte blob"), e.getMessage());
    }

    @Test
    void numberIsADataExceptionNotAVector() throws SQLException {
        insert(1, 42);
        SQLDataException e = assertThrows(SQLDataException.class, () -> row(1).getObject(2, float[].class));
        assertTrue(e.getMessage().contains("column 2 (embedding)"), e.getMessage());
    }
}
