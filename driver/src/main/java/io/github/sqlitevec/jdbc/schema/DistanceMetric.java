package io.github.sqlitevec.jdbc.schema;

import java.util.Locale;

/**
 * The distance metrics of sqlite-vec, with their pgvector counterparts. {@link #L2},
 * {@link #COSINE} and {@link #L1} can be a float32 or int8 {@code vec0} column's
 * {@code distance_metric}; {@link #HAMMING} is what bit columns always use (vec0 accepts no
 * {@code distance_metric} on them). Immutable and thread-safe.
 *
 * <pre>{@code
 * DistanceMetric.COSINE.sqliteFunction();          // "vec_distance_cosine"
 * DistanceMetric.COSINE.postgresOperator();        // "<=>"
 * DistanceMetric.COSINE.postgresOperatorClass();   // "vector_cosine_ops"
 * }</pre>
 */
public enum DistanceMetric {
    /** Euclidean distance: {@code vec_distance_l2}, pgvector {@code <->}; vec0's default. */
    L2("<->", "vector_l2_ops"),
    /** 1 − cosine similarity: {@code vec_distance_cosine}, pgvector {@code <=>}. */
    COSINE("<=>", "vector_cosine_ops"),
    /** Manhattan distance: {@code vec_distance_l1}, pgvector {@code <+>}. */
    L1("<+>", "vector_l1_ops"),
    /** Number of differing bits of two bit vectors: {@code vec_distance_hamming}, pgvector {@code <~>}. */
    HAMMING("<~>", "bit_hamming_ops");

    private final String postgresOperator;
    private final String postgresOperatorClass;

    DistanceMetric(String postgresOperator, String postgresOperatorClass) {
        this.postgresOperator = postgresOperator;
        this.postgresOperatorClass = postgresOperatorClass;
    }

    /** The name sqlite-vec uses, e.g. {@code cosine} in {@code distance_metric=cosine}. */
    public String sqliteName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The sqlite-vec scalar function computing this distance, e.g. {@code vec_distance_cosine}. */
    public String sqliteFunction() {
        return "vec_distance_" + sqliteName();
    }

    /** pgvector's distance operator, e.g. {@code <=>}; an index serves {@code order by col <op> ? limit k}. */
    public String postgresOperator() {
        return postgresOperator;
    }

    /** pgvector's operator class for an HNSW or IVFFlat index ordered by {@link #postgresOperator()}. */
    public String postgresOperatorClass() {
        return postgresOperatorClass;
    }

    /** The metric named in {@code distance_metric=<name>} (l2, cosine, l1; any case), or null. */
    static DistanceMetric fromDeclaredName(String name) {
        switch (name.toLowerCase(Locale.ROOT)) {
            case "l2":
                return L2;
            case "cosine":
                return COSINE;
            case "l1":
                return L1;
            default:
                return null;
        }
    }
}
