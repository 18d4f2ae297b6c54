package io.github.sqlitevec.examples.jooqsearch;

/** One row of the example corpus: what the user searches. */
public record Article(long id, String title, String category, long year) {
}
