package io.github.sqlitevec.jooq;

import static io.github.sqlitevec.jooq.SqliteVecDSL.distance;
import static io.github.sqlitevec.jooq.SqliteVecDSL.rowid;

import org.jooq.CommonTableExpression;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Name;
import org.jooq.Record2;
import org.jooq.SelectLimitPercentStep;
import org.jooq.Table;
import org.jooq.impl.CustomCondition;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * Hybrid search as one query: the best {@code candidates} rows of an FTS5 full-text match
 * (ordered by FTS5's {@code rank}, i.e. BM25) and of a {@code vec0} KNN, fused by reciprocal
 * rank: a row's score is {@code Σ weight / (rrfK + rank)} over the lists it appears in, rank
 * counted from 1. Rows are matched by key: the FTS5 table's rowid must equal the vec0 table's
 * integer key (e.g. both are the documents' id).
 * <pre>{@code
 * hybridSearch(DOCS_FTS, "sqlite vector", DOCS.ID, DOCS.EMBEDDING, q).candidates(50).k(10)
 * // with vec_matches as (select docs.id as rowid, row_number() over (order by docs.distance) as rank_number
 * //        from docs where (docs.embedding match ? and docs.k = ?)),
 * //      fts_matches as (select docs_fts.rowid, row_number() over (order by docs_fts.rank, docs_fts.rowid) as rank_number
 * //        from docs_fts where docs_fts match ? order by docs_fts.rank, docs_fts.rowid limit ?)
 * // select fused.rowid, sum(fused.score) as score
 * // from (select rowid, (<vector weight> / (rank_number + 60)) as score from vec_matches
 * //       union all select rowid, (<full-text weight> / (rank_number + 60)) as score from fts_matches) as fused
 * // group by fused.rowid order by score desc, fused.rowid limit ?
 * }</pre>
 * The result is an ordinary jOOQ select of ({@code rowid}, {@code score}), where {@code rowid} is
 * the shared key. Made by
 * {@link SqliteVecDSL#hybridSearch}; immutable and thread-safe.
 */
public final class HybridSearch {

    private final Table<?> ftsTable;
    private final String fullTextQuery;
    private final Field<Long> key;
    private final Field<float[]> vectorColumn;
    private final float[] queryVector;
    private final int candidates;
    private final int rrfK;
    private final double fullTextWeight;
    private final double vectorWeight;
    private final Condition vectorFilter;

    private HybridSearch(Table<?> ftsTable, String fullTextQuery, Field<Long> key, Field<float[]> vectorColumn, float[] queryVector,
            int candidates, int rrfK, double fullTextWeight, double vectorWeight, Condition vectorFilter) {
        this.key = key;
        this.ftsTable = ftsTable;
        this.fullTextQuery = fullTextQuery;
        this.vectorColumn = vectorColumn;
        this.queryVector = queryVector;
        this.candidates = candidates;
        this.rrfK = rrfK;
        this.fullTextWeight = fullTextWeight;
        this.vectorWeight = vectorWeight;
        this.vectorFilter = vectorFilter;
    }

    static HybridSearch of(Table<?> ftsTable, String fullTextQuery, Field<Long> key, Field<float[]> vectorColumn, float[] queryVector) {
        if (ftsTable == null || fullTextQuery == null || fullTextQuery.isBlank()) {
            throw new IllegalArgumentException("a hybrid search needs an FTS5 table and a non-blank full-text query");
        }
        if (queryVector == null || queryVector.length == 0) {
            throw new IllegalArgumentException("a hybrid search needs a query vector with at least one dimension");
        }
        return new HybridSearch(ftsTable, fullTextQuery, key, vectorColumn, queryVector.clone(), 0, 60, 1.0, 1.0, DSL.noCondition());
    }

    /** Rows taken from each list before fusing (default: 4 × k, at most 4096). */
    public HybridSearch candidates(int perList) {
        if (perList < 1 || perList > QuantizedSearch.MAX_K) {
            throw new IllegalArgumentException("candidates per list must lie in [1, " + QuantizedSearch.MAX_K + "] (sqlite-vec's largest k); got " + perList);
        }
        return new HybridSearch(ftsTable, fullTextQuery, key, vectorColumn, queryVector, perList, rrfK, fullTextWeight, vectorWeight, vectorFilter);
    }

    /** The reciprocal-rank constant (default 60): larger values flatten the advantage of top ranks. */
    public HybridSearch rrfK(int constant) {
        if (constant < 0) {
            throw new IllegalArgumentException("the reciprocal-rank constant is ≥ 0; got " + constant);
        }
        return new HybridSearch(ftsTable, fullTextQuery, key, vectorColumn, queryVector, candidates, constant, fullTextWeight, vectorWeight, vectorFilter);
    }

    /** How much each list counts (default 1 and 1). */
    public HybridSearch weights(double fullText, double vector) {
        if (!(fullText >= 0) || !(vector >= 0) || fullText + vector == 0 || Double.isInfinite(fullText) || Double.isInfinite(vector)) {
            throw new IllegalArgumentException("weights are finite, ≥ 0 and not both 0; got full text " + fullText + ", vector " + vector);
        }
        return new HybridSearch(ftsTable, fullTextQuery, key, vectorColumn, queryVector, candidates, rrfK, fullText, vector, vectorFilter);
    }

    /** Metadata or partition-key filters for the vector KNN (combined with and). */
    public HybridSearch vectorFilter(Condition condition) {
        return new HybridSearch(ftsTable, fullTextQuery, key, vectorColumn, queryVector, candidates, rrfK, fullTextWeight, vectorWeight,
                vectorFilter.and(condition));
    }

    /** The query returning the {@code k} best fused rows as ({@code rowid}, {@code score}), best first, ties by rowid. */
    public SelectLimitPercentStep<Record2<Long, Double>> k(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("a hybrid search returns k ≥ 1 rows; got k = " + k);
        }
        int perList = candidates > 0 ? candidates : Math.min(QuantizedSearch.MAX_K, 4 * k);
        Table<?> vecTable = Tables.of(vectorColumn, "vector column");
        Name rankNumber = DSL.name("rank_number");

        CommonTableExpression<?> vecMatches = DSL.name("vec_matches").as(
                DSL.select(DSL.field(vecTable.getQualifiedName().append(key.getName()), SQLDataType.BIGINT).as("rowid"),
                        DSL.rowNumber().over(DSL.orderBy(distance(vecTable))).as(rankNumber))
                        .from(vecTable)
                        .where(new Knn(vectorColumn, SqliteVecDSL.vectorValue(queryVector, vectorColumn)).k(perList).and(vectorFilter)));
        Field<Object> ftsRank = DSL.field(ftsTable.getQualifiedName().append("rank"));
        // rowid breaks BM25 ties, so equal scores rank the same way on every run.
        CommonTableExpression<?> ftsMatches = DSL.name("fts_matches").as(
                DSL.select(rowid(ftsTable), DSL.rowNumber().over(DSL.orderBy(ftsRank, rowid(ftsTable))).as(rankNumber))
                        .from(ftsTable)
                        .where(CustomCondition.of(ctx -> ctx.visit(ftsTable).sql(' ').visit(Keywords.MATCH).sql(' ').visit(DSL.val(fullTextQuery))))
                        .orderBy(ftsRank, rowid(ftsTable))
                        .limit(perList));

        Table<?> fused = contribution(vecMatches, vectorWeight).unionAll(contribution(ftsMatches, fullTextWeight)).asTable("fused");
        Field<Long> fusedRowid = DSL.field(DSL.name("fused", "rowid"), SQLDataType.BIGINT);
        Field<Double> score = DSL.sum(DSL.field(DSL.name("fused", "score"), SQLDataType.DOUBLE)).coerce(SQLDataType.DOUBLE);
        return DSL.with(vecMatches, ftsMatches)
                .select(fusedRowid, score.as("score"))
                .from(fused)
                .groupBy(fusedRowid)
                .orderBy(DSL.field(DSL.name("score")).desc(), fusedRowid.asc())
                .limit(k);
    }

    /** {@code select rowid, weight / (rank_number + rrfK) as score from <list>}. */
    private org.jooq.Select<Record2<Long, Double>> contribution(CommonTableExpression<?> list, double weight) {
        Field<Integer> rank = DSL.field(DSL.name("rank_number"), SQLDataType.INTEGER);
        Field<Double> score = DSL.inline(weight).div(rank.plus(DSL.inline(rrfK)));
        return DSL.select(DSL.field(DSL.name("rowid"), SQLDataType.BIGINT), score.as("score")).from(list);
    }
}
