package io.github.sqlitevec.jooq;

import io.github.sqlitevec.jdbc.schema.DistanceMetric;

import org.jooq.CommonTableExpression;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Name;
import org.jooq.Record1;
import org.jooq.Record2;
import org.jooq.SelectLimitPercentStep;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * Quantized KNN with exact re-scoring as one query. A coarse KNN on a bit or int8 column picks
 * {@code k × oversample} candidates cheaply; their float32 vectors are then compared exactly and
 * the best {@code k} returned, ordered by exact distance (ties by rowid):
 * <pre>{@code
 * binaryQuantizedSearch(DOCS.ID, DOCS.EMBEDDING_BQ, DOCS.EMBEDDING, q)
 *     .oversample(8).rescoreMetric(DistanceMetric.COSINE).filter(DOCS.CATEGORY.eq("news"))
 *     .k(10)
 * // with coarse as (select docs.id from docs
 * //   where (docs.embedding_bq match vec_quantize_binary(?) and docs.k = ? and docs.category = ?))
 * // select docs.id, vec_distance_cosine(docs.embedding, ?) as distance
 * // from coarse join docs on docs.id = coarse.id
 * // order by distance asc, docs.id asc limit ?
 * }</pre>
 * The result is an ordinary jOOQ select of (key, {@code distance}): fetch it, or use it as a
 * derived table and join the rest of the row. The key is the vec0 table's primary key column
 * when it declares one (vec0 then hides {@code rowid}), else {@code rowid}. The coarse and the
 * exact column may live in the same {@code vec0} table or in two tables that share the key column. Columns must belong to
 * their table ({@code TableField}s, as generated code has) or be qualified by the table's name.
 * Made by {@link SqliteVecDSL#binaryQuantizedSearch} and {@link SqliteVecDSL#int8QuantizedSearch};
 * immutable and thread-safe.
 */
public final class QuantizedSearch<K> {

    /** sqlite-vec's largest k for one KNN query. */
    static final int MAX_K = 4096;

    /**
     * Candidates per result when none is set. Chosen for recall, since the coarse pass costs about the same at any
     * oversampling in our sqlite-vec build (zig-cross patch 0005): ×20 gave recall@10 0.965 on MiniLM sentence
     * embeddings, ×5 and ×10 0.868 and 0.931 (docs/benchmarks.md). Lowered for large k so that k × oversample stays within
     * {@link #MAX_K}.
     */
    static final int DEFAULT_OVERSAMPLE = 20;

    /** The value of {@code oversample} while the caller has not chosen one. */
    private static final int UNSET = 0;

    private final Field<K> key;
    private final Field<?> coarseColumn;
    private final Field<?> coarseQuery;
    private final Field<float[]> exactColumn;
    private final float[] query;
    private final int oversample;
    private final DistanceMetric metric;
    private final Condition filter;

    private QuantizedSearch(Field<K> key, Field<?> coarseColumn, Field<?> coarseQuery, Field<float[]> exactColumn, float[] query,
            int oversample, DistanceMetric metric, Condition filter) {
        this.key = key;
        this.coarseColumn = coarseColumn;
        this.coarseQuery = coarseQuery;
        this.exactColumn = exactColumn;
        this.query = query;
        this.oversample = oversample;
        this.metric = metric;
        this.filter = filter;
    }

    static <K> QuantizedSearch<K> of(Field<K> key, Field<?> coarseColumn, Field<?> coarseQuery, Field<float[]> exactColumn, float[] query) {
        if (query == null || query.length == 0) {
            throw new IllegalArgumentException("a quantized search needs a query vector with at least one dimension");
        }
        return new QuantizedSearch<>(key, coarseColumn, coarseQuery, exactColumn, query.clone(), UNSET, DistanceMetric.L2, DSL.noCondition());
    }

    /**
     * Candidates fetched by the coarse pass per result: more means better recall and more exact comparisons. Default
     * {@value #DEFAULT_OVERSAMPLE}, or {@code 4096 / k} when k is above 204.
     */
    public QuantizedSearch<K> oversample(int factor) {
        if (factor < 1) {
            throw new IllegalArgumentException("oversample is a factor ≥ 1 (candidates per result); got " + factor);
        }
        return new QuantizedSearch<>(key, coarseColumn, coarseQuery, exactColumn, query, factor, metric, filter);
    }

    /** The exact metric of the re-ranking (default L2); use the metric your float vectors are compared with. */
    public QuantizedSearch<K> rescoreMetric(DistanceMetric rescoreMetric) {
        if (rescoreMetric == null || rescoreMetric == DistanceMetric.HAMMING) {
            throw new IllegalArgumentException("re-scoring compares float32 vectors with L2, COSINE or L1; got " + rescoreMetric);
        }
        return new QuantizedSearch<>(key, coarseColumn, coarseQuery, exactColumn, query, oversample, rescoreMetric, filter);
    }

    /** Metadata or partition-key filters for the coarse KNN (combined with and). */
    public QuantizedSearch<K> filter(Condition condition) {
        return new QuantizedSearch<>(key, coarseColumn, coarseQuery, exactColumn, query, oversample, metric, filter.and(condition));
    }

    /** The query returning the {@code k} nearest rows by exact distance, as (key, {@code distance}). */
    public SelectLimitPercentStep<Record2<K, Double>> k(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("a KNN search returns k ≥ 1 rows; got k = " + k);
        }
        int factor = oversample != UNSET ? oversample : Math.max(1, Math.min(DEFAULT_OVERSAMPLE, MAX_K / k));
        long candidates = (long) k * factor;
        if (candidates > MAX_K) {
            throw new IllegalArgumentException("k × oversample = " + k + " × " + factor + " = " + candidates
                    + " candidates, but sqlite-vec returns at most " + MAX_K + " rows per KNN query; lower oversample or k");
        }
        Table<?> coarseTable = Tables.of(coarseColumn, "coarse column");
        Table<?> exactTable = Tables.of(exactColumn, "exact column");
        Name coarseName = DSL.name("coarse");
        Name keyName = DSL.name(key.getName());
        CommonTableExpression<Record1<K>> coarse = coarseName.as(
                DSL.select(DSL.field(coarseTable.getQualifiedName().append(keyName), key.getDataType()))
                        .from(coarseTable)
                        .where(new Knn(coarseColumn, coarseQuery).k((int) candidates).and(filter)));
        Field<K> exactKey = DSL.field(exactTable.getQualifiedName().append(keyName), key.getDataType());
        Field<Double> distance = SqliteVecDSL.vecDistance(metric, exactColumn, SqliteVecDSL.vectorValue(query, exactColumn));
        return DSL.with(coarse)
                .select(exactKey, distance.as("distance"))
                .from(coarse)
                .join(exactTable).on(exactKey.eq(DSL.field(coarseName.append(keyName), key.getDataType())))
                .orderBy(DSL.field(DSL.name("distance")).asc(), exactKey.asc())
                .limit(k);
    }
}
