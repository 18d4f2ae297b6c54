package io.github.sqlitevec.conformance.vectors;

/** The distance metrics a {@code vec0} vector column can be declared with. */
enum Metric {
    L2("l2"),
    COSINE("cosine"),
    L1("l1");

    /** The value of {@code distance_metric=} in a vec0 column definition. */
    final String sqlName;

    Metric(String sqlName) {
        this.sqlName = sqlName;
    }

    /** The scalar function that computes the same distance. */
    String scalarFunction() {
        return "vec_distance_" + sqlName;
    }
}
