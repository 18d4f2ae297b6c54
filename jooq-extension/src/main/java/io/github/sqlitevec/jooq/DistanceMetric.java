package io.github.sqlitevec.jooq;

import java.util.Locale;

/**
 * sqlite-vec's distance metrics. {@link #L2}, {@link #COSINE} and {@link #L1} can be a
 * {@code vec0} float or int8 column's {@code distance_metric}; {@link #HAMMING} is what bit
 * columns always use.
 */
public enum DistanceMetric {
    /** Euclidean distance, {@code vec_distance_l2}; vec0's default. */
    L2,
    /** 1 − cosine similarity, {@code vec_distance_cosine}. */
    COSINE,
    /** Manhattan distance, {@code vec_distance_l1}. */
    L1,
    /** Differing bits of two bit vectors, {@code vec_distance_hamming}. */
    HAMMING;

    /** The name sqlite-vec uses, e.g. {@code cosine} in {@code distance_metric=cosine}. */
    public String sqlName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The scalar function computing this distance, e.g. {@code vec_distance_cosine}. */
    public String distanceFunction() {
        return "vec_distance_" + sqlName();
    }
}
