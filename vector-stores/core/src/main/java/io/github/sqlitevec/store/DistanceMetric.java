package io.github.sqlitevec.store;

/**
 * How the collection measures distance; fixed when its {@code vec0} table is created. The store returns
 * distances, and each adapter turns them into its framework's score (Spring AI: {@code 1 - distance} for
 * cosine; LangChain4j: {@code RelevanceScore.fromCosineSimilarity(1 - distance)}).
 */
public enum DistanceMetric {
    /** Cosine distance, {@code 1 - cos(a, b)}, in [0, 2]. */
    COSINE("cosine", "vec_distance_cosine"),
    /** Euclidean (L2) distance. */
    EUCLIDEAN("l2", "vec_distance_l2"),
    /** Manhattan (L1) distance. */
    MANHATTAN("l1", "vec_distance_l1");

    /** The name in {@code vec0(... distance_metric=<name>)}. */
    final String vec0Name;
    /** The scalar SQL function computing the same distance. */
    final String function;

    DistanceMetric(String vec0Name, String function) {
        this.vec0Name = vec0Name;
        this.function = function;
    }

    static DistanceMetric ofVec0Name(String name) {
        for (DistanceMetric m : values()) {
            if (m.vec0Name.equalsIgnoreCase(name)) {
                return m;
            }
        }
        throw new IllegalStateException("vec0 distance_metric=" + name + " is not one the store supports");
    }
}
