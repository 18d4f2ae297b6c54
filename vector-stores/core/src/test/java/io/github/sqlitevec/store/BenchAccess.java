package io.github.sqlitevec.store;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/** Lets the benchmarks reuse the store's filter translation; test code only. */
public final class BenchAccess {
    private BenchAccess() {}

    /** A translated filter. */
    public record Sql(String sql, List<Object> parameters) {
        /** Binds the parameters from {@code first}; returns the next free index. */
        public int bind(PreparedStatement ps, int first) throws SQLException {
            for (int i = 0; i < parameters.size(); i++) {
                MetadataValue.bindFilterValue(ps, first + i, parameters.get(i));
            }
            return first + parameters.size();
        }
    }

    /** The store's search with every filter run as {@code rowid IN} inside the KNN, as before the plans. */
    public static List<SearchHit> searchInsideKnn(VectorCollection c, SearchRequest request) {
        return c.search(request, false);
    }

    public static Sql filterSql(VectorCollection c, Filter filter) {
        FilterSql.Translated t = FilterSql.translate(new Schema(c.table(), c.dimensions(), c.metric()), filter);
        return new Sql(t.sql(), t.parameters());
    }
}
