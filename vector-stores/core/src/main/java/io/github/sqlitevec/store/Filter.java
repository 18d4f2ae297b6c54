package io.github.sqlitevec.store;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * A condition on document metadata, evaluated inside the KNN query (never on a top-k afterwards).
 *
 * <p><b>Presence is explicit.</b> Every comparison ({@link #eq}, {@link #ne}, {@link #gt}, {@link #gte},
 * {@link #lt}, {@link #lte}, {@link #in}, {@link #notIn}, {@link #contains}) matches only documents that
 * <em>have</em> the key; {@link #not} is the complement over all documents, so
 * {@code not(eq("country", "DE"))} matches documents without {@code country} while
 * {@code ne("country", "DE")} does not. {@link #exists} and {@link #missing} test presence alone. Each
 * framework adapter maps its own meaning onto these (docs/vector-stores.md has the table).
 *
 * <p><b>Types.</b> Values are compared within their family: numbers (Integer, Long, Float, Double,
 * any other {@link Number}) numerically with each other, text (String, UUID) by code point, booleans only
 * for (in)equality. A value of another family is never equal and never ordered: {@code eq("year", 2020)}
 * does not match {@code year = "2020"}. {@code ne} and {@code notIn} match such values (they are not equal).
 *
 * <pre>{@code
 * Filter f = Filter.and(Filter.eq("country", "DE"), Filter.gte("year", 2020));
 * List<SearchHit> hits = collection.search(SearchRequest.of(queryVector, 5).withFilter(f));
 * }</pre>
 *
 * <p>Filters are immutable values and thread-safe.
 */
public sealed interface Filter {

    /** {@code key == value}; the key must be present. */
    static Filter eq(String key, Object value) {
        return new Comparison(key, Op.EQ, value);
    }

    /** The key is present and its value is not equal to {@code value}. */
    static Filter ne(String key, Object value) {
        return new Comparison(key, Op.NE, value);
    }

    /** The key is present and its value is greater than {@code value} (same type family). */
    static Filter gt(String key, Object value) {
        return new Comparison(key, Op.GT, value);
    }

    /** The key is present and its value is greater than or equal to {@code value}. */
    static Filter gte(String key, Object value) {
        return new Comparison(key, Op.GTE, value);
    }

    /** The key is present and its value is less than {@code value}. */
    static Filter lt(String key, Object value) {
        return new Comparison(key, Op.LT, value);
    }

    /** The key is present and its value is less than or equal to {@code value}. */
    static Filter lte(String key, Object value) {
        return new Comparison(key, Op.LTE, value);
    }

    /** The key is present and its value equals one of {@code values}. */
    static Filter in(String key, Collection<?> values) {
        return new Membership(key, false, List.copyOf(requireValues(key, values)));
    }

    /** The key is present and its value equals none of {@code values}. */
    static Filter notIn(String key, Collection<?> values) {
        return new Membership(key, true, List.copyOf(requireValues(key, values)));
    }

    /** The key is present, its value is text, and it contains {@code part} (case-sensitive). */
    static Filter contains(String key, String part) {
        return new Contains(key, part);
    }

    /** The document has the key (with any value). */
    static Filter exists(String key) {
        return new Presence(key, true);
    }

    /** The document does not have the key. */
    static Filter missing(String key) {
        return new Presence(key, false);
    }

    /** All of {@code filters} match. */
    static Filter and(Filter... filters) {
        return new And(filters == null ? null : Arrays.asList(filters));
    }

    /** At least one of {@code filters} matches. */
    static Filter or(Filter... filters) {
        return new Or(filters == null ? null : Arrays.asList(filters));
    }

    /** {@code filter} does not match: the complement over all documents, including those without its keys. */
    static Filter not(Filter filter) {
        return new Not(filter);
    }

    /** Comparison operators. */
    enum Op {
        EQ("="), NE("<>"), GT(">"), GTE(">="), LT("<"), LTE("<=");

        final String sql;

        Op(String sql) {
            this.sql = sql;
        }
    }

    /** {@code key op value}, see {@link #eq} and its siblings. */
    record Comparison(String key, Op op, Object value) implements Filter {
        public Comparison {
            requireKey(key);
            Objects.requireNonNull(op, "op");
            MetadataValue.requireFilterValue(key, value);
            if (value instanceof Boolean && op != Op.EQ && op != Op.NE) {
                throw new IllegalArgumentException("filter on '" + key + "' orders a boolean (" + value + ") with "
                        + op + "; booleans support only eq and ne");
            }
        }
    }

    /** {@code key [not] in values}, see {@link #in} and {@link #notIn}. */
    record Membership(String key, boolean negated, List<Object> values) implements Filter {
        public Membership {
            requireKey(key);
            for (Object v : values) {
                MetadataValue.requireFilterValue(key, v);
            }
        }
    }

    /** {@code key} contains the text {@code part}, see {@link #contains}. */
    record Contains(String key, String part) implements Filter {
        public Contains {
            requireKey(key);
            if (part == null) {
                throw new IllegalArgumentException("contains filter on '" + key + "' needs a text to look for, got null");
            }
        }
    }

    /** {@code key} is present ({@code present}) or missing, see {@link #exists} and {@link #missing}. */
    record Presence(String key, boolean present) implements Filter {
        public Presence {
            requireKey(key);
        }
    }

    /** Conjunction, see {@link #and}. */
    record And(List<Filter> operands) implements Filter {
        public And {
            operands = requireOperands("and", operands);
        }
    }

    /** Disjunction, see {@link #or}. */
    record Or(List<Filter> operands) implements Filter {
        public Or {
            operands = requireOperands("or", operands);
        }
    }

    /** Complement, see {@link #not}. */
    record Not(Filter operand) implements Filter {
        public Not {
            if (operand == null) {
                throw new IllegalArgumentException("not(...) needs a filter, got null");
            }
        }
    }

    private static void requireKey(String key) {
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("a filter needs a metadata key, got " + (key == null ? "null" : "an empty string"));
        }
    }

    private static Collection<?> requireValues(String key, Collection<?> values) {
        if (values == null || values.isEmpty()) {
            throw new IllegalArgumentException("in/notIn filter on '" + key + "' needs at least one value, got "
                    + (values == null ? "null" : "an empty list"));
        }
        if (values.stream().anyMatch(java.util.Objects::isNull)) {
            throw new IllegalArgumentException("in/notIn filter on '" + key + "' has a null value in " + Arrays.toString(values.toArray())
                    + "; metadata values are never null");
        }
        return values;
    }

    private static List<Filter> requireOperands(String name, List<Filter> operands) {
        if (operands == null || operands.isEmpty() || operands.stream().anyMatch(java.util.Objects::isNull)) {
            throw new IllegalArgumentException(name + "(...) needs one or more non-null filters, got " + operands);
        }
        return List.copyOf(operands);
    }
}
