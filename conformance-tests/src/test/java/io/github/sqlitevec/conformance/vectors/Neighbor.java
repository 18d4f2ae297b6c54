package io.github.sqlitevec.conformance.vectors;

/** One row of a KNN answer: its id and its distance to the query. */
record Neighbor(long id, double distance) {}
