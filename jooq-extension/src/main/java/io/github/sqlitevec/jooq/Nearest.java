package io.github.sqlitevec.jooq;

import io.github.sqlitevec.jdbc.schema.DistanceMetric;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.ResultQuery;
import org.jooq.SelectSeekStep1;
import org.jooq.SelectField;
import org.jooq.SelectLimitPercentStep;
import org.jooq.Table;
import org.jooq.impl.CustomCondition;
import org.jooq.impl.CustomQueryPart;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * The {@code k} nearest rows to a query vector, written once for both databases: on SQLite a
 * {@code vec0} KNN (exact, filters applied inside the KNN), on PostgreSQL the
 * {@code order by <distance> limit k} form that pgvector's HNSW/IVFFlat index serves. Made by
 * {@link SqliteVecDSL#nearest}; immutable and thread-safe.
 *
 * <pre>{@code
 * Nearest n = nearest(DOCS.EMBEDDING, q, DistanceMetric.COSINE, 10).filter(DOCS.CATEGORY.eq("news"));
 * ctx.fetch(n.select(DOCS.ID, DOCS.TITLE));
 * // SQLITE:   select docs.id, docs.title, docs.distance as distance from docs
 * //           where ((docs.embedding match ? and docs.k = ?) and docs.category = ?) order by distance
 * // POSTGRES: select docs.id, docs.title, (docs.embedding <=> cast(? as vector)) as distance from docs
 * //           where (true and docs.category = ?) order by distance limit ?
 * //           (jOOQ 3.19 spells the limit "fetch next ? rows only"; PostgreSQL treats both alike)
 * }</pre>
 *
 * <p>{@code metric} must be the column's {@code distance_metric} (SQLite's vec0 always uses the
 * declared one; PostgreSQL needs it to pick the operator and so the index). On PostgreSQL an HNSW
 * search with a selective filter can return fewer than {@code k} rows (pgvector filters after the
 * index scan); pgvector 0.8's {@code set hnsw.iterative_scan = relaxed_order} makes it keep
 * scanning. The parts ({@link #condition()}, {@link #distance()}) compose into your own select
 * too, as long as it orders by the distance and limits to {@code k}.
 */
public final class Nearest {

    private final Field<?> column;
    private final Field<?> query;
    private final DistanceMetric metric;
    private final int k;
    private final Condition filter;

    Nearest(Field<?> column, Field<?> query, DistanceMetric metric, int k, Condition filter) {
        if (k < 1) {
            throw new IllegalArgumentException("a KNN search returns k ≥ 1 rows; got k = " + k);
        }
        if (metric == null) {
            throw new IllegalArgumentException("nearest needs the column's distance metric (L2, COSINE, L1, or HAMMING for bit columns)");
        }
        this.column = column;
        this.query = query;
        this.metric = metric;
        this.k = k;
        this.filter = filter;
    }

    /** Adds a filter (metadata or partition-key columns on SQLite), combined with and. */
    public Nearest filter(Condition condition) {
        return new Nearest(column, query, metric, k, filter.and(condition));
    }

    /** The number of rows. */
    public int k() {
        return k;
    }

    /** SQLite: {@code <column> match ? and k = ?}; PostgreSQL: {@code true} (the limit does the work). */
    public Condition condition() {
        Condition knn = new Knn(column, query).k(k);
        return CustomCondition.of(ctx -> {
            if (Portable.postgres(ctx)) {
                ctx.sql("true");
            } else {
                ctx.visit(knn);
            }
        });
    }

    /** SQLite: the vec0 table's {@code distance} column; PostgreSQL: {@code (<column> <op> ?)} with the metric's operator. */
    public Field<Double> distance() {
        Field<Double> hidden = DSL.field(Tables.of(column, "vector column").getQualifiedName().append("distance"), SQLDataType.DOUBLE);
        return Portable.field("distance", SQLDataType.DOUBLE, hidden, ctx -> Portable.operator(ctx, column, metric.postgresOperator(), query));
    }

    /**
     * {@code select <fields>, <distance> as distance from <table> where <condition> and <filters>
     * order by distance}, plus {@code limit k} on PostgreSQL (vec0 takes its {@code k} in the
     * condition and refuses a second limit): the k nearest rows, nearest first. Detached: run it with
     * {@code ctx.fetch(...)}.
     */
    public ResultQuery<Record> select(SelectField<?>... fields) {
        Table<?> table = Tables.of(column, "vector column");
        List<SelectField<?>> selected = new ArrayList<>(Arrays.asList(fields));
        Field<Double> distance = distance().as("distance");
        selected.add(distance);
        SelectSeekStep1<Record, Object> sqlite = DSL.select(selected).from(table).where(condition().and(filter)).orderBy(DSL.field(DSL.name("distance")));
        SelectLimitPercentStep<Record> postgres = DSL.select(selected).from(table).where(condition().and(filter))
                .orderBy(DSL.field(DSL.name("distance"))).limit(k);
        List<Field<?>> coerced = new ArrayList<>();
        for (SelectField<?> field : selected) {
            coerced.add(field instanceof Field ? (Field<?>) field : DSL.field(DSL.name(field.getName()), field.getDataType()));
        }
        return DSL.resultQuery("{0}", CustomQueryPart.of(ctx -> ctx.visit(Portable.postgres(ctx) ? postgres : sqlite))).coerce(coerced);
    }
}
