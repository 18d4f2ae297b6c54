package io.github.sqlitevec.store;

import io.github.sqlitevec.jdbc.schema.Vec0Column;
import io.github.sqlitevec.jdbc.schema.Vec0Table;
import io.github.sqlitevec.jdbc.schema.VectorElementType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

/**
 * The three tables of one collection named {@code T} (docs/vector-stores.md):
 * <pre>
 * T      (doc INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, content TEXT)
 * T_meta (doc INTEGER NOT NULL, key TEXT NOT NULL, type TEXT NOT NULL, value, PRIMARY KEY (doc, key)) WITHOUT ROWID
 *        + index T_meta_key_value (key, value)
 * T_vec  vec0(embedding float[N] distance_metric=cosine|l2|l1), rowid = T.doc
 * </pre>
 * {@code value} has no declared type, so SQLite keeps each value's storage class (INTEGER, REAL, TEXT) and
 * compares numbers numerically and text by code point without conversions. Immutable and thread-safe.
 */
record Schema(String table, int dimensions, DistanceMetric metric) {

    private static final String EMBEDDING = "embedding";
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,58}");

    Schema {
        if (table == null || !NAME.matcher(table).matches()) {
            throw new IllegalArgumentException("table name " + (table == null ? "null" : "'" + table + "'")
                    + " is not usable; use letters, digits and underscores (not first), at most 59 characters, e.g. 'vector_store'");
        }
        if (dimensions < 1 || dimensions > 8192) {
            throw new IllegalArgumentException("dimensions is " + dimensions + "; give the embedding model's dimension, 1 to 8192 (sqlite-vec's limit)");
        }
        if (metric == null) {
            throw new IllegalArgumentException("distance metric is null; use COSINE, EUCLIDEAN or MANHATTAN");
        }
    }

    String documents() {
        return '"' + table + '"';
    }

    String meta() {
        return '"' + table + "_meta\"";
    }

    String vectors() {
        return '"' + table + "_vec\"";
    }

    /** The vector table in the driver's one model of a {@code vec0} table (the same DDL jOOQ, Hibernate and the migration use). */
    Vec0Table vectorTable() {
        return Vec0Table.named(table + "_vec").vector(EMBEDDING, VectorElementType.FLOAT32, dimensions, metric.vec0Metric());
    }

    void create(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS " + documents()
                    + " (doc INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, content TEXT)");
            s.execute("CREATE TABLE IF NOT EXISTS " + meta() + " (doc INTEGER NOT NULL, key TEXT NOT NULL, "
                    + "type TEXT NOT NULL, value, PRIMARY KEY (doc, key)) WITHOUT ROWID");
            s.execute("CREATE INDEX IF NOT EXISTS \"" + table + "_meta_key_value\" ON " + meta() + " (key, value)");
            s.execute(vectorTable().sqliteCreateStatement(true));
        }
    }

    /** Checks that the tables exist and that the vector table has our dimensions and metric. */
    void verify(Connection c) throws SQLException {
        String sql = null;
        try (PreparedStatement ps = c.prepareStatement("SELECT sql FROM sqlite_master WHERE name = ?")) {
            ps.setString(1, table + "_vec");
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    sql = rs.getString(1);
                }
            }
            for (String needed : new String[] {table, table + "_meta"}) {
                ps.setString(1, needed);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        sql = null;
                    }
                }
            }
        }
        if (sql == null) {
            throw new IllegalStateException("collection '" + table + "' does not exist (tables " + table + ", "
                    + table + "_meta, " + table + "_vec); create it with createTable(true)");
        }
        Vec0Column embedding = vectorColumn(table, sql);
        int existingDimensions = embedding.dimensions();
        DistanceMetric existingMetric = DistanceMetric.of(embedding.metric());
        if (existingDimensions != dimensions || existingMetric != metric) {
            throw new IllegalStateException("collection '" + table + "' holds " + existingDimensions + "-dimensional "
                    + existingMetric + " vectors, but " + dimensions + " dimensions and " + metric
                    + " were asked for; use the same settings, or another table name");
        }
    }

    /**
     * The {@code embedding float[n]} column of a collection's vector table, read from its {@code CREATE}
     * statement with the driver's {@code vec0} parser.
     *
     * @throws IllegalStateException when the table is not a store vector table
     */
    static Vec0Column vectorColumn(String table, String createSql) {
        Vec0Column column;
        try {
            column = Vec0Table.parse(createSql).column(EMBEDDING);
        } catch (IllegalArgumentException notVec0) {
            column = null;
        }
        if (column == null || !column.isVector() || column.elementType() != VectorElementType.FLOAT32) {
            throw new IllegalStateException("table " + table + "_vec is not a store vector table (no 'embedding float[n]' column): " + createSql);
        }
        return column;
    }
}
