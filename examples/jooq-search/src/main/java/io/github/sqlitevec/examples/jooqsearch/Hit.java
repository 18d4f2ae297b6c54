package io.github.sqlitevec.examples.jooqsearch;

/** A search result: the article and its cosine distance to the query (0 = same direction). */
public record Hit(long id, String title, String category, long year, double distance) {

    @Override
    public String toString() {
        return String.format("%.3f  [%s %d] %s", distance, category, year, title);
    }
}
