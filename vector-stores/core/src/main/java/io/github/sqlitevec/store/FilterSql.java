package io.github.sqlitevec.store;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Translates a {@link Filter} into a SQL query that yields the matching documents' row ids (column
 * {@code doc}) as set algebra over the indexed {@code <table>_meta} rows: a comparison is an index range
 * on {@code (key, value)} (plus one over the key's JSON arrays, whose elements compare too),
 * {@code and} is INTERSECT, {@code or} UNION, {@code not} EXCEPT from all documents.
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
            return comparison(c);
        }
        if (filter instanceof Filter.Membership m) {
            return membership(m);
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
            return "EXISTS (SELECT 1 FROM " + schema.meta() + " AS m WHERE doc = " + doc + " AND key = ?"
                    + (condition == null ? "" : " AND (" + condition + ")") + ")";
        }
        return "SELECT doc FROM " + schema.meta() + " AS m WHERE key = ?" + (condition == null ? "" : " AND (" + condition + ")");
    }

    /**
     * A comparison. A stored JSON array matches when one of its elements does, as pgvector's (lax) JSON path
     * compares each element of an array: {@code tags == 'a'} matches {@code ["a","b"]}, {@code tags != 'a'}
     * too (an element differs), {@code ["a"]} only the first. A JSON object matches no comparison.
     */
    private String comparison(Filter.Comparison c) {
        MetadataValue.Family family = MetadataValue.familyOf(c.value());
        String sameType = "type IN " + family.tagList();
        String element = "e.value " + c.op().sql + " ? AND e.type IN " + family.jsonTypeList;
        if (c.op() == Filter.Op.NE) {
            String scalar = "type <> 'json' AND NOT (value = ? AND " + sameType + ")";
            return oneLeaf(c.key(), scalar, element, List.of(c.value()), false);
        }
        return scalarOrElement(c.key(), "value " + c.op().sql + " ? AND " + sameType, element, List.of(c.value()));
    }

    /** {@code in} / {@code nin}: for a JSON array, whether any element is among the values. */
    private String membership(Filter.Membership m) {
        Map<MetadataValue.Family, List<Object>> byFamily = new LinkedHashMap<>();
        for (Object v : m.values()) {
            byFamily.computeIfAbsent(MetadataValue.familyOf(v), k -> new ArrayList<>()).add(v);
        }
        StringBuilder scalar = new StringBuilder();
        StringBuilder element = new StringBuilder();
        List<Object> values = new ArrayList<>();
        for (Map.Entry<MetadataValue.Family, List<Object>> e : byFamily.entrySet()) {
            String placeholders = String.join(",", Collections.nCopies(e.getValue().size(), "?"));
            String or = scalar.length() == 0 ? "" : " OR ";
            scalar.append(or).append("(value IN (").append(placeholders).append(") AND type IN ").append(e.getKey().tagList()).append(')');
            element.append(or).append("(e.value IN (").append(placeholders).append(") AND e.type IN ").append(e.getKey().jsonTypeList).append(')');
            values.addAll(e.getValue());
        }
        if (m.negated()) {
            return oneLeaf(m.key(), scalar.toString(), element.toString(), values, true);
        }
        return scalarOrElement(m.key(), scalar.toString(), element.toString(), values);
    }

    /** The rows under a key that hold a JSON array (stored as text starting with '[', which the index range finds). */
    private static final String ARRAY_ROW = "type = 'json' AND value >= '[' AND value < '\\' AND json_valid(value)";

    private static String anyElement(String element) {
        return "EXISTS (SELECT 1 FROM json_each(m.value) AS e WHERE " + element + ")";
    }

    /**
     * Documents whose value under {@code key} satisfies {@code scalar} or is a JSON array with an element that
     * satisfies {@code element}; both conditions take {@code values} for their placeholders, in that order. In set
     * mode two index ranges on {@code (key, value)}, one after the other.
     */
    private String scalarOrElement(String key, String scalar, String element, List<Object> values) {
        if (doc != null) {
            return oneLeaf(key, scalar, element, values, false);
        }
        parameters.add(key);
        parameters.addAll(values);
        String scalars = leaf(scalar);
        parameters.add(key);
        parameters.addAll(values);
        String arrays = leaf(ARRAY_ROW + " AND " + anyElement(element));
        // A document has one row per key, either scalar or JSON: the two sets are disjoint, no dedup needed.
        return "SELECT doc FROM (" + scalars + ") UNION ALL SELECT doc FROM (" + arrays + ")";
    }

    /**
     * One leaf over the key's rows: {@code scalar} for scalar rows or {@code element} for some element of an
     * array row, the whole condition negated when {@code negated} (no index range helps a negation anyway).
     */
    private String oneLeaf(String key, String scalar, String element, List<Object> values, boolean negated) {
        parameters.add(key);
        parameters.addAll(values);
        parameters.addAll(values);
        String condition = "(" + scalar + ") OR (" + ARRAY_ROW + " AND " + anyElement(element) + ")";
        return leaf(negated ? "NOT (" + condition + ")" : condition);
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
