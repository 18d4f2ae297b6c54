package io.github.sqlitevec.conformance.topk;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.StringJoiner;

/**
 * One randomized vec0 table and the KNN queries to run against it, all derived from one seed.
 *
 * <p>Vector components are small integers (float32, int8) or random bits, so every distance is
 * computed exactly in any summation order: two sqlite-vec builds that differ only in how they
 * vectorize the distance loops must return bit-identical distances, and any difference in the
 * answer is a difference in top-k selection. Small value ranges and copied rows give many equal
 * distances (ties); zero vectors (one in 25) have a NaN cosine distance to everything.
 */
final class RandomKnnScenario {
    enum Type { FLOAT32, INT8, BIT }

    final long seed;
    final Type type;
    final String metric; // l2, l1, cosine; null for bit (hamming)
    final int dimensions;
    final int chunkSize;
    final int rows;
    final int partitions; // 0: no partition key
    final boolean metadata;
    final int range;
    final List<Query> queries = new ArrayList<>();
    private final Random random;
    private final List<byte[]> inserted = new ArrayList<>();

    /** A KNN statement with its parameters (query vector blob first). */
    record Query(String sql, List<Object> parameters, int k) {}

    RandomKnnScenario(long seed) {
        this.seed = seed;
        this.random = new Random(seed);
        type = Type.values()[random.nextInt(3)];
        metric = switch (type) {
            case BIT -> null;
            default -> new String[] {"l2", "l1", "cosine"}[random.nextInt(3)];
        };
        dimensions = switch (type) {
            case BIT -> 8 * pick(1, 2, 4, 8, 16, 48, 128, 192);
            default -> pick(1, 2, 3, 4, 5, 7, 8, 12, 16, 31, 32, 64, 100, 384);
        };
        chunkSize = pick(8, 16, 64, 256, 1024, 1024);
        rows = random.nextInt(10) == 0 ? 5000 + random.nextInt(15000) : random.nextInt(2500);
        partitions = random.nextInt(3) == 0 ? 1 + random.nextInt(5) : 0;
        metadata = random.nextBoolean();
        // int8 components up to ±127 only where sums of squares stay below 2^24 (exact in float32)
        range = type == Type.INT8 && dimensions <= 64 ? pick(1, 2, 3, 127) : pick(1, 2, 3, 10);
    }

    String createSql() {
        StringJoiner columns = new StringJoiner(", ");
        if (partitions > 0) {
            columns.add("part integer partition key");
        }
        String column = switch (type) {
            case FLOAT32 -> "embedding float[" + dimensions + "]";
            case INT8 -> "embedding int8[" + dimensions + "]";
            case BIT -> "embedding bit[" + dimensions + "]";
        };
        columns.add(metric == null ? column : column + " distance_metric=" + metric);
        if (metadata) {
            columns.add("tag integer");
            columns.add("label text");
        }
        columns.add("chunk_size=" + chunkSize);
        return "CREATE VIRTUAL TABLE t USING vec0(" + columns + ")";
    }

    /** Creates and fills the table (rowids shuffled, some rows deleted again), then draws the queries. */
    void build(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(createSql());
        }
        c.setAutoCommit(false);
        List<Long> rowids = new ArrayList<>();
        String insert = "INSERT INTO t(rowid, embedding" + (partitions > 0 ? ", part" : "")
                + (metadata ? ", tag, label" : "") + ") VALUES (?, " + wrap("?")
                + (partitions > 0 ? ", ?" : "") + (metadata ? ", ?, ?" : "") + ")";
        try (PreparedStatement p = c.prepareStatement(insert)) {
            long next = 1 + random.nextInt(1000);
            for (int i = 0; i < rows; i++) {
                next += 1 + random.nextInt(3);
                byte[] vector = !inserted.isEmpty() && random.nextInt(5) == 0
                        ? inserted.get(random.nextInt(inserted.size())) // a duplicate: equal distances
                        : vector();
                inserted.add(vector);
                int n = 1;
                p.setLong(n++, next);
                p.setBytes(n++, vector);
                if (partitions > 0) {
                    p.setInt(n++, random.nextInt(partitions));
                }
                if (metadata) {
                    p.setInt(n++, random.nextInt(5));
                    p.setString(n++, "abc".substring(random.nextInt(3), 3));
                }
                p.addBatch();
                rowids.add(next);
            }
            p.executeBatch();
        }
        try (PreparedStatement d = c.prepareStatement("DELETE FROM t WHERE rowid = ?")) {
            int deletes = rowids.isEmpty() ? 0 : random.nextInt(1 + rowids.size() / 4);
            for (int i = 0; i < deletes; i++) {
                d.setLong(1, rowids.get(random.nextInt(rowids.size())));
                d.addBatch();
            }
            d.executeBatch();
        }
        c.commit();
        c.setAutoCommit(true);
        for (int i = 0; i < 6; i++) {
            queries.add(query(rowids));
        }
    }

    private Query query(List<Long> rowids) {
        int k = switch (random.nextInt(4)) {
            case 0 -> 1 + random.nextInt(10);
            case 1 -> 1 + random.nextInt(200);
            case 2 -> 1 + random.nextInt(4096);
            default -> pick(1024, 4096, rows + 1, Math.max(1, rows / 2));
        };
        k = Math.min(k, 4096);
        byte[] vector = !inserted.isEmpty() && random.nextBoolean()
                ? inserted.get(random.nextInt(inserted.size())) // distance 0 to itself and its copies
                : vector();
        List<Object> parameters = new ArrayList<>();
        parameters.add(vector);
        StringBuilder sql = new StringBuilder("SELECT rowid, distance FROM t WHERE embedding MATCH ")
                .append(wrap("?")).append(" AND k = ").append(k);
        if (partitions > 0 && random.nextInt(3) > 0) {
            sql.append(" AND part = ?");
            parameters.add(random.nextInt(partitions));
        }
        if (metadata && random.nextBoolean()) {
            switch (random.nextInt(4)) {
                case 0 -> sql.append(" AND tag = ").append(random.nextInt(5));
                case 1 -> sql.append(" AND tag >= ").append(random.nextInt(5));
                case 2 -> sql.append(" AND tag != ").append(random.nextInt(5));
                default -> sql.append(" AND label = '").append("abc".substring(random.nextInt(3), 3)).append("'");
            }
        }
        if (random.nextInt(5) == 0) {
            // a distance constraint (keyset pagination) narrows the candidates before top-k selection
            String operator = new String[] {"<", "<=", ">", ">="}[random.nextInt(4)];
            sql.append(" AND distance ").append(operator).append(' ')
                    .append(String.format(Locale.ROOT, "%.3f", typicalDistance() * (0.5 + random.nextDouble())));
        }
        if (!rowids.isEmpty() && random.nextInt(6) == 0) {
            StringJoiner in = new StringJoiner(", ", " AND rowid IN (", ")");
            for (int i = 0, n = 1 + random.nextInt(300); i < n; i++) {
                in.add(Long.toString(rowids.get(random.nextInt(rowids.size()))));
            }
            sql.append(in);
        }
        return new Query(sql.toString(), parameters, k);
    }

    /** Roughly the distance between two random vectors of this scenario, to put constraints where rows are. */
    private double typicalDistance() {
        if (metric == null) {
            return dimensions / 2.0;
        }
        return switch (metric) {
            case "l1" -> dimensions * range;
            case "cosine" -> 1.0;
            default -> Math.sqrt(dimensions) * range;
        };
    }

    private String wrap(String parameter) {
        return switch (type) {
            case FLOAT32 -> parameter;
            case INT8 -> "vec_int8(" + parameter + ")";
            case BIT -> "vec_bit(" + parameter + ")";
        };
    }

    private byte[] vector() {
        if (type != Type.BIT && random.nextInt(25) == 0) {
            // all zeros: its cosine distance to anything is NaN, which the k-pass selection orders its own way
            return new byte[type == Type.FLOAT32 ? 4 * dimensions : dimensions];
        }
        switch (type) {
            case FLOAT32: {
                ByteBuffer b = ByteBuffer.allocate(4 * dimensions).order(ByteOrder.LITTLE_ENDIAN);
                for (int i = 0; i < dimensions; i++) {
                    b.putFloat(random.nextInt(2 * range + 1) - range);
                }
                return b.array();
            }
            case INT8: {
                byte[] v = new byte[dimensions];
                for (int i = 0; i < dimensions; i++) {
                    v[i] = (byte) (random.nextInt(2 * range + 1) - range);
                }
                return v;
            }
            default: {
                byte[] v = new byte[dimensions / 8];
                random.nextBytes(v);
                if (range == 1) {
                    v[0] &= 0x0F; // fewer distinct Hamming distances: more ties
                }
                return v;
            }
        }
    }

    private int pick(int... values) {
        return values[random.nextInt(values.length)];
    }

    @Override
    public String toString() {
        return "seed " + seed + ": " + createSql() + ", " + rows + " rows, values ±" + range;
    }
}
