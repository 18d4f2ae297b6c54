package io.github.sqlitevec.jooq;

import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Name;
import org.jooq.impl.CustomCondition;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * A KNN search on a {@code vec0} vector column, waiting for its {@code k}. Made by
 * {@link SqliteVecDSL#knn(Field, Object)}; {@link #k(int)} gives the {@link Condition}, which
 * composes with {@code and(...)} like any other:
 * <pre>{@code
 * knn(DOCS.EMBEDDING, q).k(10)
 *     .and(DOCS.CATEGORY.eq("news"))       // metadata filter, applied inside the KNN
 *     .and(DOCS.USER_ID.eq(42L))           // partition key: only that partition is scanned
 *     .and(distance(DOCS).lt(0.8))         // distance constraint
 * // docs.embedding match ? and docs.k = ? and docs.category = ? and ...
 * }</pre>
 * sqlite-vec restricts what may stand beside a KNN match: equality and range filters on
 * metadata and partition-key columns and on {@code distance}, never on auxiliary columns (filter
 * those in an outer query). SQLite only: rendering it for PostgreSQL fails and names
 * {@link SqliteVecDSL#nearest}, the form that runs on both. Immutable and thread-safe.
 */
public final class Knn {

    private final Field<?> column;
    private final Field<?> query;

    Knn(Field<?> column, Field<?> query) {
        this.column = column;
        this.query = query;
    }

    /** {@code <column> match <query> and k = ?}: the {@code k} nearest rows (k ≥ 1). */
    public Condition k(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("a KNN search returns k ≥ 1 rows; got k = " + k);
        }
        return k(DSL.val(k));
    }

    /** {@code <column> match <query> and k = <k>} with {@code k} from an SQL expression or a named parameter. */
    public Condition k(Field<Integer> k) {
        return match().and(kColumn().eq(k));
    }

    /**
     * Only {@code <column> match <query>}: for queries that bound the result with
     * {@code limit ?} instead of {@code k = ?}, which sqlite-vec accepts when the query has no
     * other constraint on the table.
     */
    public Condition match() {
        // A custom condition rather than plain SQL: jOOQ parenthesizes plain SQL templates, and
        // the point is the SQL one would write by hand.
        return CustomCondition.of(ctx -> {
            if (Portable.postgres(ctx)) {
                throw Portable.unsupported("a vec0 KNN condition (match ... and k = ...)",
                        "use SqliteVecDSL.nearest(column, query, metric, k), which renders order by <distance> limit k there and the vec0 KNN here");
            }
            ctx.visit(column).sql(' ').visit(Keywords.MATCH).sql(' ').visit(query);
        });
    }

    /** vec0's hidden {@code k} column, qualified like the vector column so joins stay unambiguous. */
    private Field<Integer> kColumn() {
        Name qualifier = SqliteVecDSL.qualifierOf(column);
        return DSL.field(qualifier == null ? DSL.name("k") : qualifier.append("k"), SQLDataType.INTEGER);
    }
}
