package io.github.sqlitevec.springai;

import io.github.sqlitevec.store.Filter;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.springframework.ai.vectorstore.filter.Filter.Expression;
import org.springframework.ai.vectorstore.filter.Filter.Group;
import org.springframework.ai.vectorstore.filter.Filter.Key;
import org.springframework.ai.vectorstore.filter.Filter.Operand;
import org.springframework.ai.vectorstore.filter.Filter.Value;

/**
 * Maps a Spring AI {@code Filter.Expression} (from the text parser or the builder) onto the store core's
 * {@link Filter}, with the meaning Spring AI's {@code PgVectorStore} gives it (a jsonpath predicate there):
 * {@code k != v} matches only documents that have {@code k}; {@code k nin [...]} and {@code NOT (...)} also
 * match documents without it; {@code k IS NULL} / {@code IS NOT NULL} test presence (the store keeps no null
 * values). Stateless and thread-safe.
 */
final class SpringAiFilters {

    private SpringAiFilters() {}

    static Filter toStoreFilter(Expression expression) {
        if (expression == null) {
            throw new IllegalArgumentException("filter expression is null");
        }
        return switch (expression.type()) {
            case AND -> Filter.and(operand(expression.left()), operand(expression.right()));
            case OR -> Filter.or(operand(expression.left()), operand(expression.right()));
            case NOT -> Filter.not(operand(expression.left()));
            case EQ -> Filter.eq(key(expression), scalar(expression));
            case NE -> Filter.ne(key(expression), scalar(expression));
            case GT -> Filter.gt(key(expression), scalar(expression));
            case GTE -> Filter.gte(key(expression), scalar(expression));
            case LT -> Filter.lt(key(expression), scalar(expression));
            case LTE -> Filter.lte(key(expression), scalar(expression));
            case IN -> Filter.in(key(expression), list(expression));
            case NIN -> Filter.not(Filter.in(key(expression), list(expression)));
            case ISNULL -> Filter.missing(key(expression));
            case ISNOTNULL -> Filter.exists(key(expression));
        };
    }

    private static Filter operand(Operand operand) {
        if (operand instanceof Expression e) {
            return toStoreFilter(e);
        }
        if (operand instanceof Group g) {
            return toStoreFilter(g.content());
        }
        throw new IllegalArgumentException("expected a filter expression or group, got " + operand);
    }

    /** The metadata key; the text parser keeps the quotes of a quoted key such as {@code "foo bar 1"}. */
    private static String key(Expression expression) {
        if (!(expression.left() instanceof Key k)) {
            throw new IllegalArgumentException("the left side of " + expression.type() + " must be a metadata key, got " + expression.left());
        }
        String key = k.key();
        if (key.length() >= 2 && (key.startsWith("\"") && key.endsWith("\"") || key.startsWith("'") && key.endsWith("'"))) {
            key = key.substring(1, key.length() - 1);
        }
        return key;
    }

    private static Object scalar(Expression expression) {
        Object value = value(expression);
        if (value instanceof Collection<?>) {
            throw new IllegalArgumentException(expression.type() + " on '" + key(expression) + "' needs a single value, got the list "
                    + value + "; use IN or NIN for lists");
        }
        return value;
    }

    private static List<Object> list(Expression expression) {
        Object value = value(expression);
        if (value instanceof Collection<?> c) {
            return new ArrayList<>(c);
        }
        return List.of(value);
    }

    private static Object value(Expression expression) {
        if (!(expression.right() instanceof Value v) || v.value() == null) {
            throw new IllegalArgumentException(expression.type() + " on '" + key(expression) + "' needs a value, got " + expression.right());
        }
        return v.value();
    }
}
