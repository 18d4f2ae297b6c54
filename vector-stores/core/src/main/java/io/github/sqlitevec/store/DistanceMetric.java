package io.github.sqlitevec.store;

/**
 * How the collection measures distance, in the words both AI frameworks use; fixed when its {@code vec0}
 * table is created. Each is one of sqlite-vec's metrics ({@link #vec0Metric()}), so the table's DDL comes
 * from the driver's one model of a {@code vec0} table. The store returns distances, and each adapter turns
 * them into its framework's score (Spring AI: {@code 1 - distance} for cosine; LangChain4j:
 * {@code RelevanceScore.fromCosineSimilarity(1 - distance)}).
 */
public enum DistanceMetric {
    /** Cosine distance, {@code 1 - cos(a, b)}, in [0, 2]. */
    COSINE(io.github.sqlitevec.jdbc.schema.DistanceMetric.COSINE),
    /** Euclidean (L2) distance. */
    EUCLIDEAN(io.github.sqlitevec.jdbc.schema.DistanceMetric.L2),
    /** Manhattan (L1) distance. */
    MANHATTAN(io.github.sqlitevec.jdbc.schema.DistanceMetric.L1);

    private final io.github.sqlitevec.jdbc.schema.DistanceMetric vec0Metric;

    DistanceMetric(io.github.sqlitevec.jdbc.schema.DistanceMetric vec0Metric) {
        this.vec0Metric = vec0Metric;
    }

    /** sqlite-vec's metric of the same distance (its {@code distance_metric}, scalar function and pgvector operator). */
    public io.github.sqlitevec.jdbc.schema.DistanceMetric vec0Metric() {
        return vec0Metric;
    }

    static DistanceMetric of(io.github.sqlitevec.jdbc.schema.DistanceMetric vec0Metric) {
        for (DistanceMetric m : values()) {
            if (m.vec0Metric == vec0Metric) {
                return m;
            }
        }
        throw new IllegalStateException("vec0 distance_metric=" + vec0Metric.sqliteName() + " is not one the store supports");
    }
}
