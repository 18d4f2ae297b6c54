package io.github.sqlitevec.examples.jooqsearch;

import io.github.sqlitevec.examples.HashingEmbedder;
import static io.github.sqlitevec.examples.jooqsearch.db.Tables.ARTICLES;
import static io.github.sqlitevec.jooq.SqliteVecDSL.binaryQuantizedSearch;
import static io.github.sqlitevec.jooq.SqliteVecDSL.distance;
import static io.github.sqlitevec.jooq.SqliteVecDSL.knn;
import static io.github.sqlitevec.jooq.SqliteVecDSL.vecQuantizeBinary;
import static org.jooq.impl.DSL.val;

import io.github.sqlitevec.jdbc.schema.DistanceMetric;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record2;
import org.jooq.ResultQuery;
import org.jooq.Table;

/**
 * Semantic search over articles with the jOOQ classes generated from {@code db/schema.sql}:
 * {@code ARTICLES.EMBEDDING} is a {@code Field<float[]>}, {@code ARTICLES.YEAR} a
 * {@code Field<Long>}, so a wrong type in a query is a compile error, not a runtime one.
 * Not thread-safe: it uses the {@link DSLContext} of one JDBC connection, like the demo.
 */
public final class ArticleSearch {

    /** Candidates the bit-vector pass keeps per result before exact re-ranking. */
    static final int OVERSAMPLE = 4;

    private final DSLContext ctx;
    private final HashingEmbedder embedder;

    public ArticleSearch(DSLContext ctx, HashingEmbedder embedder) {
        this.ctx = ctx;
        this.embedder = embedder;
    }

    /** Runs {@code db/schema.sql}, the file the build generated the jOOQ classes from. */
    public void createSchema() {
        for (String statement : schemaScript().split(";")) {
            if (!statement.isBlank()) {
                ctx.execute(statement);
            }
        }
    }

    /** Replaces the table's content; the bit column is filled from the float vector by sqlite-vec. */
    public void replaceAll(Collection<Article> articles) {
        ctx.transaction(tx -> {
            DSLContext t = tx.dsl();
            t.deleteFrom(ARTICLES).execute();
            for (Article a : articles) {
                float[] embedding = embedder.embed(a.title());
                t.insertInto(ARTICLES, ARTICLES.ID, ARTICLES.EMBEDDING, ARTICLES.EMBEDDING_BQ, ARTICLES.CATEGORY, ARTICLES.YEAR, ARTICLES.TITLE)
                        .values(val(a.id()), val(embedding, ARTICLES.EMBEDDING), vecQuantizeBinary(embedding), val(a.category()),
                                val(a.year()), val(a.title()))
                        .execute();
            }
        });
    }

    /** The {@code k} nearest articles of one category: vec0 applies the filter inside the KNN scan. */
    public List<Hit> nearestInCategory(String query, String category, int k) {
        return nearest(query, k, ARTICLES.CATEGORY.eq(category));
    }

    /** The {@code k} nearest articles in any of {@code categories}, published from {@code fromYear} to {@code toYear}. */
    public List<Hit> nearestIn(String query, Collection<String> categories, long fromYear, long toYear, int k) {
        return nearest(query, k, ARTICLES.CATEGORY.in(categories).and(ARTICLES.YEAR.between(fromYear, toYear)));
    }

    /** The query behind {@link #nearest}, for printing its SQL. */
    ResultQuery<?> knnQuery(float[] queryVector, int k, Condition filter) {
        return ctx.select(ARTICLES.ID, ARTICLES.TITLE, ARTICLES.CATEGORY, ARTICLES.YEAR, distance(ARTICLES))
                .from(ARTICLES)
                .where(knn(ARTICLES.EMBEDDING, queryVector).k(k).and(filter))
                .orderBy(distance(ARTICLES));
    }

    private List<Hit> nearest(String query, int k, Condition filter) {
        return knnQuery(embedder.embed(query), k, filter)
                .fetch(r -> new Hit(r.get(ARTICLES.ID), r.get(ARTICLES.TITLE), r.get(ARTICLES.CATEGORY), r.get(ARTICLES.YEAR),
                        r.get(distance(ARTICLES))));
    }

    /**
     * The quantized-search recipe: a KNN over the 128-bit column ({@code k × OVERSAMPLE} candidates,
     * Hamming distance, 32× smaller than float32) with the category filter, re-ranked by exact cosine
     * distance over the float column. The recipe is a (id, distance) select; here it is a derived
     * table joined back to the articles for their titles.
     */
    public List<Hit> quantizedNearestInCategory(String query, String category, int k) {
        Table<Record2<Long, Double>> hits = binaryQuantizedSearch(ARTICLES.ID, ARTICLES.EMBEDDING_BQ, ARTICLES.EMBEDDING, embedder.embed(query))
                .oversample(OVERSAMPLE)
                .rescoreMetric(DistanceMetric.COSINE)
                .filter(ARTICLES.CATEGORY.eq(category))
                .k(k)
                .asTable("hits");
        Field<Long> hitId = hits.field(ARTICLES.ID);
        Field<Double> hitDistance = hits.field("distance", Double.class);
        return ctx.select(hitId, ARTICLES.TITLE, ARTICLES.CATEGORY, ARTICLES.YEAR, hitDistance)
                .from(hits)
                .join(ARTICLES).on(ARTICLES.ID.eq(hitId))
                .orderBy(hitDistance, hitId)
                .fetch(r -> new Hit(r.get(hitId), r.get(ARTICLES.TITLE), r.get(ARTICLES.CATEGORY), r.get(ARTICLES.YEAR), r.get(hitDistance)));
    }

    private static String schemaScript() {
        try (InputStream in = ArticleSearch.class.getResourceAsStream("/db/schema.sql")) {
            if (in == null) {
                throw new IllegalStateException("db/schema.sql is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
