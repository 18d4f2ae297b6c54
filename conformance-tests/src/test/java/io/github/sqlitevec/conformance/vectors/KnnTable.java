package io.github.sqlitevec.conformance.vectors;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A vec0 table with one vector column, metadata of every kind (integer, text, float,
 * boolean), an integer partition key and an auxiliary column, filled with seeded rows that the
 * Java side keeps a copy of, so each KNN answer can be recomputed exactly.
 */
final class KnnTable {
    /** One row as the Java side knows it. The vector is a float[] (float32) or the byte[] blob (int8, bit). */
    record Row(long id, Object vector, long category, String label, double score, boolean active, long tenant, String note) {}

    private static final String[] LETTERS = {"a", "b", "c", "d", "e"};

    final String name;
    final ElementType type;
    /** The column's distance metric; null for bit columns, whose distance is always hamming. */
    final Metric metric;
    final int dimensions;
    final Map<Long, Row> rows = new LinkedHashMap<>();
    private final SeededVectors vectors;

    private KnnTable(String name, ElementType type, Metric metric, int dimensions, long seed) {
        this.name = name;
        this.type = type;
        this.metric = metric;
        this.dimensions = dimensions;
        this.vectors = new SeededVectors(seed);
    }

    /**
     * Generates {@code rowCount} rows; with {@code longLabels} the text metadata exceeds the 12
     * bytes vec0 keeps inline, so comparisons must read the overflow.
     */
    static KnnTable generate(String name, ElementType type, Metric metric, int dimensions, int rowCount,
                             long seed, boolean longLabels) {
        KnnTable t = new KnnTable(name, type, metric, dimensions, seed);
        for (long id = 1; id <= rowCount; id++) {
            String letter = LETTERS[(int) (id % LETTERS.length)];
            String label = longLabels ? "a-label-longer-than-twelve-bytes-" + letter : "label-" + letter;
            double score = t.vectors.nextInt(800) / 8.0; // exact in binary, so comparisons have no rounding doubt
            t.rows.put(id, new Row(id, t.randomVector(), id % 7, label, score, id % 2 == 0, id % 3, "note-" + id));
        }
        return t;
    }

    Object randomVector() {
        switch (type) {
            case FLOAT32: return vectors.floats(dimensions);
            case INT8: return vectors.int8(dimensions);
            default: return vectors.bits(dimensions);
        }
    }

    void create(Connection c) throws SQLException {
        String metricOption = metric == null ? "" : " distance_metric=" + metric.sqlName;
        Sql.execute(c, "CREATE VIRTUAL TABLE " + name + " USING vec0("
                + "embedding " + type.columnType + "[" + dimensions + "]" + metricOption + ", "
                + "category integer, label text, score float, active boolean, "
                + "tenant integer partition key, +note text, chunk_size=64)");
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try (PreparedStatement p = c.prepareStatement("INSERT INTO " + name
                + "(rowid, embedding, category, label, score, active, tenant, note) VALUES (?, "
                + type.placeholder + ", ?, ?, ?, ?, ?, ?)")) {
            for (Row r : rows.values()) {
                p.setLong(1, r.id());
                bindVector(p, 2, r.vector());
                p.setLong(3, r.category());
                p.setString(4, r.label());
                p.setDouble(5, r.score());
                p.setBoolean(6, r.active());
                p.setLong(7, r.tenant());
                p.setString(8, r.note());
                p.addBatch();
            }
            p.executeBatch();
            c.commit();
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }

    /** The exact distance between two vectors of this table's type and metric. */
    double distance(Object a, Object b) {
        switch (type) {
            case FLOAT32: return ExactVectorMath.distance(metric, (float[]) a, (float[]) b);
            case INT8: return ExactVectorMath.distance(metric, (byte[]) a, (byte[]) b);
            default: return ExactVectorMath.hamming((byte[]) a, (byte[]) b);
        }
    }

    /** The oracle's ranking of the rows that pass {@code filter}. */
    List<Neighbor> ranking(Object query, Predicate<Row> filter) {
        Map<Long, Object> candidates = new LinkedHashMap<>();
        rows.values().stream().filter(filter).forEach(r -> candidates.put(r.id(), r.vector()));
        return ExactKnn.ranked(candidates, v -> distance(query, v));
    }

    /**
     * Runs a KNN query: {@code k = ?} or {@code LIMIT ?}, with optional extra WHERE conditions
     * and their parameters.
     */
    List<Neighbor> knn(Connection c, Object query, int k, boolean useLimit, String extraWhere, Object... extraParams)
            throws SQLException {
        String sql = "SELECT rowid, distance FROM " + name + " WHERE embedding MATCH " + type.placeholder
                + (useLimit ? "" : " AND k = ?") + (extraWhere.isEmpty() ? "" : " AND " + extraWhere)
                + " ORDER BY distance" + (useLimit ? " LIMIT ?" : "");
        try (PreparedStatement p = c.prepareStatement(sql)) {
            int i = 1;
            bindVector(p, i++, query);
            if (!useLimit) {
                p.setInt(i++, k);
            }
            for (Object extra : extraParams) {
                p.setObject(i++, extra);
            }
            if (useLimit) {
                p.setInt(i, k);
            }
            List<Neighbor> answer = new ArrayList<>();
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    answer.add(new Neighbor(rs.getLong(1), rs.getDouble(2)));
                }
            }
            return answer;
        }
    }

    static void bindVector(PreparedStatement p, int index, Object vector) throws SQLException {
        if (vector instanceof float[]) {
            p.setObject(index, vector);
        } else if (vector instanceof byte[]) {
            p.setBytes(index, (byte[]) vector);
        } else {
            p.setString(index, (String) vector); // JSON text
        }
    }
}
