package io.github.sqlitevec.examples.jooqsearch;

import io.github.sqlitevec.examples.HashingEmbedder;
import static io.github.sqlitevec.examples.jooqsearch.db.Tables.ARTICLES;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sqlitevec.examples.jooqsearch.db.DefaultSchema;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The generated classes and the searches, on a real SQLite file, against a brute-force scan in Java. */
@Timeout(60)
class ArticleSearchTest {

    private static final List<String> CATEGORIES = List.of("databases", "cooking", "astronomy", "cycling");
    private static final List<String> QUERIES = List.of(
            "how does an index speed up a query", "crisp bread crust", "choosing a telescope or tyres",
            "searching nearest neighbours", "vector search with quantization", "pasta with garlic");

    @TempDir
    Path dir;

    private final HashingEmbedder embedder = new HashingEmbedder(JooqSearchDemo.DIMENSIONS);
    private final BruteForce bruteForce = new BruteForce(embedder);
    private Connection connection;
    private ArticleSearch search;

    @BeforeEach
    void load() throws Exception {
        connection = DriverManager.getConnection("jdbc:sqlitevec:" + dir.resolve("articles.db"));
        search = new ArticleSearch(DSL.using(connection, SQLDialect.SQLITE), embedder);
        search.createSchema();
        search.replaceAll(Corpus.ARTICLES);
    }

    @AfterEach
    void close() throws Exception {
        connection.close();
    }

    @Test
    void filteredKnnReturnsOnlyThatCategoryInTheOrderOfABruteForceScan() {
        for (String query : QUERIES) {
            for (String category : CATEGORIES) {
                List<Hit> hits = search.nearestInCategory(query, category, 4);
                List<Hit> expected = bruteForce.nearest(query, a -> a.category().equals(category), 4);
                assertSameHits(expected, hits, query, query + " in " + category);
                assertTrue(hits.stream().allMatch(h -> h.category().equals(category)), hits.toString());
            }
        }
    }

    @Test
    void categoryListAndYearRangeFiltersMatchABruteForceScan() {
        for (String query : QUERIES) {
            List<Hit> hits = search.nearestIn(query, List.of("astronomy", "cycling"), 2019, 2022, 5);
            List<Hit> expected = bruteForce.nearest(query,
                    a -> (a.category().equals("astronomy") || a.category().equals("cycling")) && a.year() >= 2019 && a.year() <= 2022, 5);
            assertSameHits(expected, hits, query, query);
            assertTrue(hits.stream().allMatch(h -> Set.of("astronomy", "cycling").contains(h.category()) && h.year() >= 2019 && h.year() <= 2022),
                    hits.toString());
        }
    }

    @Test
    void quantizedSearchReRanksByExactCosineDistanceWithinTheCategory() {
        for (String query : QUERIES) {
            for (String category : CATEGORIES) {
                List<Hit> hits = search.quantizedNearestInCategory(query, category, 3);
                assertEquals(3, hits.size());
                for (Hit hit : hits) {
                    assertEquals(category, hit.category());
                    // exact float distances, not the Hamming distances of the coarse pass
                    assertEquals(bruteForce.distance(query, hit.id()), hit.distance(), 1e-5, hit.toString());
                }
                for (int i = 1; i < hits.size(); i++) {
                    assertTrue(hits.get(i - 1).distance() <= hits.get(i).distance(), hits.toString());
                }
                // k × oversample = 12 candidates cover each 10-article category, so the result is exact.
                assertSameHits(bruteForce.nearest(query, a -> a.category().equals(category), 3), hits, query, query + " in " + category);
            }
        }
    }

    @Test
    void generatedClassesHaveTypedVectorColumnsAndNoShadowTables() {
        List<String> tables = DefaultSchema.DEFAULT_SCHEMA.getTables().stream().map(Table::getName).collect(Collectors.toList());
        assertEquals(List.of("articles"), tables);
        Field<float[]> embedding = ARTICLES.EMBEDDING; // compiles only because codegen typed the vector column
        Field<boolean[]> bits = ARTICLES.EMBEDDING_BQ;
        Field<Long> year = ARTICLES.YEAR;
        assertEquals(float[].class, embedding.getType());
        assertEquals(boolean[].class, bits.getType());
        assertEquals(Long.class, year.getType());
        assertEquals(String.class, ARTICLES.TITLE.getType());
        assertEquals(List.of(ARTICLES.ID), ARTICLES.getPrimaryKey().getFields());
    }

    @Test
    void storedVectorsReadBackAsTheEmbeddingAndItsSignBits() {
        DSLContext ctx = DSL.using(connection, SQLDialect.SQLITE);
        var row = ctx.select(ARTICLES.TITLE, ARTICLES.EMBEDDING, ARTICLES.EMBEDDING_BQ).from(ARTICLES).where(ARTICLES.ID.eq(3L)).fetchOne();
        float[] expected = embedder.embed(row.value1());
        assertEquals(java.util.Arrays.toString(expected), java.util.Arrays.toString(row.value2()));
        boolean[] bits = row.value3();
        assertEquals(expected.length, bits.length);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i] > 0, bits[i], "bit " + i);
        }
    }

    @Test
    void reloadingReplacesTheArticlesInsteadOfAddingThem() {
        search.replaceAll(Corpus.ARTICLES.subList(0, 5));
        DSLContext ctx = DSL.using(connection, SQLDialect.SQLITE);
        assertEquals(Set.of(1L, 2L, 3L, 4L, 5L), Set.copyOf(ctx.select(ARTICLES.ID).from(ARTICLES).fetch(ARTICLES.ID)));
    }

    /**
     * Same ranking as the brute-force scan: the i-th hit is as far from the query as the i-th expected
     * article, and each hit really is that far (its own distance, recomputed in Java). Articles at
     * the same distance up to float32 rounding may come in either order, so ids alone are not compared.
     */
    private void assertSameHits(List<Hit> expected, List<Hit> actual, String query, String what) {
        String message = what + "\nexpected " + expected + "\nactual   " + actual;
        assertEquals(expected.size(), actual.size(), message);
        assertEquals(actual.size(), actual.stream().map(Hit::id).distinct().count(), message);
        for (int i = 0; i < expected.size(); i++) {
            Hit hit = actual.get(i);
            assertEquals(expected.get(i).distance(), hit.distance(), 1e-5, message);
            assertEquals(bruteForce.distance(query, hit.id()), hit.distance(), 1e-5, message);
            Article article = Corpus.ARTICLES.stream().filter(a -> a.id() == hit.id()).findFirst().orElseThrow();
            assertEquals(new Hit(article.id(), article.title(), article.category(), article.year(), hit.distance()), hit, message);
        }
    }
}
