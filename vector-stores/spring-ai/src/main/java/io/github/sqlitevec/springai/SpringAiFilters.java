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
 * {@code k != v} matches only documents whose {@code k} has the type of {@code v} and differs (or, for a list,
 * has such an element); {@code k nin [...]} also matches documents without
 * it; {@code NOT} is pushed down first as Spring AI's converters do (so {@code NOT (k == v)} means {@code k != v});
 * {@code k IS NULL} / {@code IS NOT NULL} test presence (the store keeps no null values). Checked against
 * {@code PgVectorStore} on a live PostgreSQL by {@code PgVectorStoreDifferentialTest}. Stateless and thread-safe.
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
            case NOT -> toStoreFilter(negate(expression.left()));
            case EQ -> Filter.eq(key(expression), scalar(expression));
            // "Less or greater" rather than the core's ne: in jsonpath a value of another type than the literal is
            // neither equal nor unequal ("unknown", no match), and lt/gt, like PgVectorStore, compare only within a type.
            case NE -> Filter.or(Filter.lt(key(expression), scalar(expression)), Filter.gt(key(expression), scalar(expression)));
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

    /**
     * Spring AI's converters push NOT down before rendering (NOT(a == b) becomes a != b, NOT(a in L) becomes
     * a nin L, NOT over AND/OR by De Morgan), so in PgVectorStore NOT(country == 'DE') does not match a document
     * without country while NOT(country in ['DE']) does. The same rewriting here gives the same results.
     */
    private static Expression negate(Operand operand) {
        Expression e = operand instanceof Group g ? g.content() : (Expression) operand;
        return switch (e.type()) {
            case AND -> new Expression(org.springframework.ai.vectorstore.filter.Filter.ExpressionType.OR, negate(e.left()), negate(e.right()));
            case OR -> new Expression(org.springframework.ai.vectorstore.filter.Filter.ExpressionType.AND, negate(e.left()), negate(e.right()));
            case NOT -> e.left() instanceof Group g ? g.content() : (Expression) e.left();
            case EQ -> flip(e, org.springframework.ai.vectorstore.filter.Filter.ExpressionType.NE);
            case NE -> flip(e, org.springframework.ai.vectorstore.filter.Filter.ExpressionType.EQ);
            case GT -> flip(e, org.springframework.ai.vectorstore.filter.Filter.ExpressionType.LTE);
            case GTE -> flip(e, org.springframework.ai.vectorstore.filter.Filter.ExpressionType.LT);
            case LT -> flip(e, org.springframework.ai.vectorstore.filter.Filter.ExpressionType.GTE);
            case LTE -> flip(e, org.springframework.ai.vectorstore.filter.Filter.ExpressionType.GT);
            case IN -> flip(e, org.springframework.ai.vectorstore.filter.Filter.ExpressionType.NIN);
            case NIN -> flip(e, org.springframework.ai.vectorstore.filter.Filter.ExpressionType.IN);
            case ISNULL -> flip(e, org.springframework.ai.vectorstore.filter.Filter.ExpressionType.ISNOTNULL);
            case ISNOTNULL -> flip(e, org.springframework.ai.vectorstore.filter.Filter.ExpressionType.ISNULL);
        };
    }

    private static Expression flip(Expression e, org.springframework.ai.vectorstore.filter.Filter.ExpressionType type) {
        return new Expression(type, e.left(), e.right());
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
