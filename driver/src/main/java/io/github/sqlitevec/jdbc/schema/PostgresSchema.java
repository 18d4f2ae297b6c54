package io.github.sqlitevec.jdbc.schema;

import java.util.ArrayList;
import java.util.List;

/**
 * The PostgreSQL + pgvector equivalent of a {@link Vec0Table}: an ordinary table with the same
 * table and column names, B-tree indexes where vec0 filters inside a KNN (metadata and
 * partition-key columns), and one HNSW or IVFFlat index per vector column with the operator class
 * of the column's metric — so {@code order by embedding <=> ? limit 10} on PostgreSQL does what
 * {@code embedding match ? and k = 10} does on SQLite. Stateless and thread-safe.
 *
 * <pre>{@code
 * Vec0Table docs = Vec0Table.parse("create virtual table docs using vec0(embedding float[384] distance_metric=cosine, category text)");
 * PostgresSchema.createTable(docs);
 * // create table "docs" ("rowid" bigint primary key, "embedding" vector(384), "category" text)
 * PostgresSchema.createFilterIndexes(docs);
 * // [create index "docs_category_idx" on "docs" ("category")]
 * PostgresSchema.createVectorIndexes(docs, PostgresSchema.VectorIndex.HNSW);
 * // [create index "docs_embedding_hnsw_idx" on "docs" using hnsw ("embedding" vector_cosine_ops)]
 * }</pre>
 *
 * <p>Names are double-quoted exactly as declared, so a mixed-case SQLite name keeps its case; a
 * table without a declared primary key gets {@code rowid bigint primary key}, so
 * {@code where rowid = ?} ports unchanged. int8 vectors become {@code vector(n)} (see
 * {@link VectorElementType#INT8}); bit vectors {@code bit(n)}.
 */
public final class PostgresSchema {

    /** The approximate-nearest-neighbour index built for each vector column. */
    public enum VectorIndex {
        /** pgvector's HNSW graph: the best recall/latency trade-off; build is slower. */
        HNSW,
        /** pgvector's IVFFlat lists: faster to build, needs data before it is built; no L1 operator class. */
        IVFFLAT,
        /** No vector index: every KNN is an exact scan, as on SQLite. */
        NONE
    }

    /** pgvector 0.8's limit for an indexed {@code vector} column (HNSW and IVFFlat). */
    public static final int MAX_INDEXED_VECTOR_DIMENSIONS = 2000;
    /** pgvector 0.8's limit for an indexed {@code bit} column. */
    public static final int MAX_INDEXED_BIT_DIMENSIONS = 64000;

    private PostgresSchema() {}

    /** {@code create table "<t>" ("rowid" bigint primary key | "<key>" <type> primary key, "<col>" <type>, …)}. */
    public static String createTable(Vec0Table table) {
        table.requireComplete();
        List<String> definitions = new ArrayList<>();
        Vec0Column key = table.primaryKey();
        if (key == null) {
            definitions.add(quote("rowid") + " bigint primary key");
        }
        for (Vec0Column column : table.columns()) {
            definitions.add(quote(column.name()) + " " + column.postgresType()
                    + (column.kind() == Vec0Column.Kind.PRIMARY_KEY ? " primary key" : ""));
        }
        return "create table " + quote(table.name()) + " (" + String.join(", ", definitions) + ")";
    }

    /** The key column's name on PostgreSQL: the declared primary key, or {@code rowid}. */
    public static String keyColumn(Vec0Table table) {
        Vec0Column key = table.primaryKey();
        return key == null ? "rowid" : key.name();
    }

    /** One {@code create index "<t>_<c>_idx" on "<t>" ("<c>")} per metadata and partition-key column. */
    public static List<String> createFilterIndexes(Vec0Table table) {
        List<String> statements = new ArrayList<>();
        for (Vec0Column column : table.columns()) {
            if (column.kind() == Vec0Column.Kind.METADATA || column.kind() == Vec0Column.Kind.PARTITION_KEY) {
                statements.add("create index " + quote(table.name() + "_" + column.name() + "_idx") + " on " + quote(table.name())
                        + " (" + quote(column.name()) + ")");
            }
        }
        return statements;
    }

    /** One vector index per vector column ({@link #createVectorIndex}); none for {@link VectorIndex#NONE}. */
    public static List<String> createVectorIndexes(Vec0Table table, VectorIndex index) {
        List<String> statements = new ArrayList<>();
        if (index != VectorIndex.NONE) {
            for (Vec0Column column : table.columns(Vec0Column.Kind.VECTOR)) {
                statements.add(createVectorIndex(table.name(), column.name(), column.elementType(), column.dimensions(), column.metric(), index));
            }
        }
        return statements;
    }

    /**
     * {@code create index "<t>_<c>_hnsw_idx" on "<t>" using hnsw ("<c>" <opclass>)} (or
     * {@code using ivfflat (…) with (lists = 100)}) for a column of the given shape. Throws
     * {@link IllegalArgumentException} naming the alternative when pgvector cannot index it: more
     * than {@value #MAX_INDEXED_VECTOR_DIMENSIONS} dimensions for {@code vector}, or L1 with IVFFlat.
     */
    public static String createVectorIndex(String table, String column, VectorElementType type, int dimensions, DistanceMetric metric,
            VectorIndex index) {
        requireIndexable(table, column, type, dimensions, metric, index);
        String method = index == VectorIndex.HNSW ? "hnsw" : "ivfflat";
        return "create index " + quote(table + "_" + column + "_" + method + "_idx") + " on " + quote(table) + " using " + method
                + " (" + quote(column) + " " + metric.postgresOperatorClass() + ")" + (index == VectorIndex.IVFFLAT ? " with (lists = 100)" : "");
    }

    /** Throws {@link IllegalArgumentException} when {@code index} cannot be built on such a column; see {@link #createVectorIndex}. */
    public static void requireIndexable(String table, String column, VectorElementType type, int dimensions, DistanceMetric metric,
            VectorIndex index) {
        if (index == VectorIndex.NONE) {
            return;
        }
        String where = table + "." + column;
        if (index == null) {
            throw new IllegalArgumentException("no vector index kind given for " + where + "; use HNSW, IVFFLAT or NONE");
        }
        int limit = type == VectorElementType.BIT ? MAX_INDEXED_BIT_DIMENSIONS : MAX_INDEXED_VECTOR_DIMENSIONS;
        if (dimensions > limit) {
            throw new IllegalArgumentException(where + " has " + dimensions + " dimensions; pgvector indexes at most " + limit
                    + " for " + type.postgresType(dimensions).replaceAll("\\(.*", "") + " columns; use no vector index (exact scans) for it");
        }
        if (index == VectorIndex.IVFFLAT && metric == DistanceMetric.L1) {
            throw new IllegalArgumentException(where + " uses L1 distance, which pgvector's IVFFlat cannot index; use an HNSW index (vector_l1_ops) or none");
        }
    }

    /** {@code name} as a PostgreSQL quoted identifier: {@code "name"}, inner quotes doubled. */
    public static String quote(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }
}
