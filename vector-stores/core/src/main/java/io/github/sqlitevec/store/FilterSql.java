package io.github.sqlitevec.store;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Translates a {@link Filter} into a SQL query that yields the matching documents' row ids (column
 * {@code doc}) as set algebra over the indexed {@code <table>_meta} rows: a comparison is one index range
 * on {@code (key, value)}, {@code and} is INTERSECT, {@code or} UNION, {@code not} EXCEPT from all documents.
 * The KNN then runs with {@code rowid IN (<that query>)}, so filtering happens inside the search.
 *
 * <p>SQLite has no parentheses for compound SELECTs, so every operand is wrapped as
 * {@code SELECT doc FROM (...)}.
 *
 * <p>{@link #predicate} translates the same filter into a condition on one document instead (each comparison
 * an {@code EXISTS} probe of the index, {@code and}/{@code or}/{@code not} the SQL operators), for checking a
 * few candidate rows without building the whole set. Not thread-safe; one instance per translation.
 */
final class FilterSql {

    private final Schema schema;
    private final List<Object> parameters = new ArrayList<>();
    /** The SQL expression of the document to test in predicate mode; null for set mode. */
    private final String doc;

    private FilterSql(Schema schema, String doc) {
        this.schema = schema;
        this.doc = doc;
    }

    /** The SQL and its parameters, in order. */
    record Translated(String sql, List<Object> parameters) {
    }

    static Translated translate(Schema schema, Filter filter) {
        return translate(new FilterSql(schema, null), filter);
    }

    /**
     * A boolean SQL expression that is true when the document whose row id is the SQL expression {@code doc}
     * (e.g. {@code knn.rowid}) matches the filter; {@code doc} must name a stored document.
     */
    static Translated predicate(Schema schema, Filter filter, String doc) {
        return translate(new FilterSql(schema, doc), filter);
    }

    private static Translated translate(FilterSql f, Filter filter) {
        String sql = f.set(filter);
        return new Translated(sql, List.copyOf(f.parameters));
    }

    private String set(Filter filter) {
        if (filter instanceof Filter.Comparison c) {
            parameters.add(c.key());
            return leaf(comparison(c));
        }
        if (filter instanceof Filter.Membership m) {
            parameters.add(m.key());
            String in = membership(m.values());
            return leaf(m.negated() ? "NOT (" + in + ")" : in);
        }
        if (filter instanceof Filter.Contains c) {
            parameters.add(c.key());
            parameters.add(c.part());
            return leaf("type IN " + MetadataValue.Family.TEXT.tagList() + " AND instr(value, ?) > 0");
        }
        if (filter instanceof Filter.Presence p) {
            parameters.add(p.key());
            String present = leaf(null);
            return p.present() ? present : doc == null ? allExcept(present) : "NOT " + present;
        }
        if (filter instanceof Filter.And a) {
            return compound("INTERSECT", a.operands());
        }
        if (filter instanceof Filter.Or o) {
            return compound("UNION", o.operands());
        }
        if (filter instanceof Filter.Not n) {
            return doc == null ? allExcept(set(n.operand())) : "NOT (" + set(n.operand()) + ")";
        }
        throw new IllegalArgumentException("unknown filter type " + filter.getClass().getName()
                + "; build filters with the static methods of io.github.sqlitevec.store.Filter");
    }

    /**
     * The documents that have the key (its parameter is already added) and whose value satisfies
     * {@code condition} (null: any value).
     */
    private String leaf(String condition) {
        if (doc != null) {
            return "EXISTS (SELECT 1 FROM " + schema.meta() + " WHERE doc = " + doc + " AND key = ?"
                    + (condition == null ? "" : " AND (" + condition + ")") + ")";
        }
        return "SELECT doc FROM " + schema.meta() + " WHERE key = ?" + (condition == null ? "" : " AND (" + condition + ")");
    }

    private String comparison(Filter.Comparison c) {
        MetadataValue.Family family = MetadataValue.familyOf(c.value());
        parameters.add(c.value());
        String sameType = "type IN " + family.tagList();
        if (c.op() == Filter.Op.NE) {
            return "NOT (value = ? AND " + sameType + ")";
        }
        return "value " + c.op().sql + " ? AND " + sameType;
    }

    private String membership(List<Object> values) {
        Map<MetadataValue.Family, List<Object>> byFamily = new LinkedHashMap<>();
        for (Object v : values) {
            byFamily.computeIfAbsent(MetadataValue.familyOf(v), k -> new ArrayList<>()).add(v);
        }
        StringBuilder sql = new StringBuilder();
        for (Map.Entry<MetadataValue.Family, List<Object>> e : byFamily.entrySet()) {
            sql.append(sql.length() == 0 ? "" : " OR ").append("(value IN (");
            for (int i = 0; i < e.getValue().size(); i++) {
                sql.append(i == 0 ? "?" : ",?");
                parameters.add(e.getValue().get(i));
            }
            sql.append(") AND type IN ").append(e.getKey().tagList()).append(')');
        }
        return sql.toString();
    }

    private String compound(String operator, List<Filter> operands) {
        if (doc != null) {
            List<String> parts = new ArrayList<>();
            for (Filter operand : operands) {
                parts.add("(" + set(operand) + ")");
            }
            return "(" + String.join(operator.equals("INTERSECT") ? " AND " : " OR ", parts) + ")";
        }
        StringBuilder sql = new StringBuilder();
        for (Filter operand : operands) {
            String inner = set(operand);
            sql.append(sql.length() == 0 ? "" : " " + operator + " ").append("SELECT doc FROM (").append(inner).append(')');
        }
        return sql.toString();
    }

    private String allExcept(String inner) {
        return "SELECT doc FROM " + schema.documents() + " EXCEPT SELECT doc FROM (" + inner + ")";
    }
}
