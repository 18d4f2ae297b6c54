package io.github.sqlitevec.conformance.vectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The few JDBC calls the corpus repeats, written the way an application would make them:
 * prepared statements, {@code setObject(i, float[])} for float32 vectors, {@code setBytes}
 * for int8 and bit blobs (wrapped in {@code vec_int8(?)} / {@code vec_bit(?)} in the SQL).
 */
final class Sql {
    private Sql() {}

    static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    static int update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement p = prepare(c, sql, params)) {
            return p.executeUpdate();
        }
    }

    /** The first column of the only row the query returns. */
    static Object single(Connection c, String sql, Object... params) throws SQLException {
        List<Object[]> rows = rows(c, sql, params);
        assertEquals(1, rows.size(), "rows returned by " + sql);
        return rows.get(0)[0];
    }

    static double singleDouble(Connection c, String sql, Object... params) throws SQLException {
        Object value = single(c, sql, params);
        assertTrue(value instanceof Number, sql + " returned " + value + " instead of a number");
        return ((Number) value).doubleValue();
    }

    static byte[] singleBlob(Connection c, String sql, Object... params) throws SQLException {
        Object value = single(c, sql, params);
        assertTrue(value instanceof byte[], sql + " returned " + value + " instead of a blob");
        return (byte[]) value;
    }

    static String singleText(Connection c, String sql, Object... params) throws SQLException {
        Object value = single(c, sql, params);
        assertTrue(value instanceof String, sql + " returned " + value + " instead of text");
        return (String) value;
    }

    /** The first column of the only row, decoded by the driver as a float32 vector. */
    static float[] singleVector(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement p = prepare(c, sql, params); ResultSet rs = p.executeQuery()) {
            assertTrue(rs.next(), sql + " returned no row");
            float[] vector = rs.getObject(1, float[].class);
            if (rs.next()) {
                fail(sql + " returned more than one row");
            }
            return vector;
        }
    }

    static List<Object[]> rows(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement p = prepare(c, sql, params); ResultSet rs = p.executeQuery()) {
            int columns = rs.getMetaData().getColumnCount();
            List<Object[]> rows = new ArrayList<>();
            while (rs.next()) {
                Object[] row = new Object[columns];
                for (int i = 0; i < columns; i++) {
                    row[i] = rs.getObject(i + 1);
                }
                rows.add(row);
            }
            return rows;
        }
    }

    static long count(Connection c, String table) throws SQLException {
        return ((Number) single(c, "SELECT count(*) FROM " + table)).longValue();
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... params) throws SQLException {
        PreparedStatement p = c.prepareStatement(sql);
        try {
            for (int i = 0; i < params.length; i++) {
                if (params[i] instanceof byte[]) {
                    p.setBytes(i + 1, (byte[]) params[i]);
                } else {
                    p.setObject(i + 1, params[i]);
                }
            }
            return p;
        } catch (SQLException | RuntimeException e) {
            p.close();
            throw e;
        }
    }
}
