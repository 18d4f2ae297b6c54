package io.github.sqlitevec.hibernate.portable;

import static io.github.sqlitevec.hibernate.portable.SameResults.assertSameRows;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Root;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One entity model, booted on sqlite-vec and on pgvector, the same HQL and Criteria on both: the same
 * rows in the same order, and every number within {@link SameResults#TOLERANCE} (relative to
 * max(1, |value|)). Both engines compute distances in float32; the data are 8-dimensional Gaussian
 * vectors (σ = 1), with no two distances to the query closer than the tolerance.
 */
class SameQueriesOnBothDatabasesTest {

    private static final int ARTICLES = 40;
    private static final String[] LANGS = {"en", "de", "fr"};

    @TempDir
    static Path dir;

    private static SessionFactory sqlite;
    private static SessionFactory postgres;
    private static float[] query;

    @BeforeAll
    static void storeTheSameArticlesOnBoth() {
        sqlite = BothDatabases.sqlite(dir, Article.class);
        postgres = BothDatabases.postgres("hibernate_same_queries", Article.class);
        Random random = new Random(42);
        List<Article> articles = new ArrayList<>();
        for (int i = 0; i < ARTICLES; i++) {
            byte[] fingerprint = new byte[8];
            random.nextBytes(fingerprint);
            articles.add(new Article(LANGS[i % 3], 2015 + i % 10, gaussian(random, 8), fingerprint));
        }
        query = gaussian(new Random(7), 8);
        for (SessionFactory factory : List.of(sqlite, postgres)) {
            factory.inTransaction(session -> articles.forEach(a ->
                    session.persist(new Article(a.lang, a.year, a.embedding.clone(), a.fingerprint.clone()))));
        }
    }

    @AfterAll
    static void close() {
        if (sqlite != null) {
            sqlite.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"cosine_distance", "euclidean_distance", "l2_distance", "euclidean_squared_distance",
            "l2_squared_distance", "l1_distance", "taxicab_distance", "negative_inner_product"})
    void knnWithSetMaxResultsReturnsTheSameNearestArticles(String distance) {
        List<Object[]> rows = onBoth(session -> session.createQuery(
                        "select a.id, " + distance + "(a.embedding, :q) from Article a order by "
                                + distance + "(a.embedding, :q)", Object[].class)
                .setParameter("q", query).setMaxResults(7).getResultList());
        assertEquals(7, rows.size());
    }

    @Test
    void innerProductOrdersTheSameWayDescending() {
        onBoth(session -> session.createQuery(
                        "select a.id, inner_product(a.embedding, :q) from Article a order by inner_product(a.embedding, :q) desc",
                        Object[].class)
                .setParameter("q", query).setMaxResults(10).getResultList());
    }

    @Test
    void filtersCombineWithDistancesInWhereAndOrderBy() {
        List<Object[]> rows = onBoth(session -> session.createQuery(
                        "select a.id, a.lang, l2_distance(a.embedding, :q) from Article a"
                                + " where a.lang in ('en', 'fr') and a.year >= :year and l2_distance(a.embedding, :q) < :radius"
                                + " order by l2_distance(a.embedding, :q)", Object[].class)
                .setParameter("q", query).setParameter("year", 2018).setParameter("radius", 4.0)
                .getResultList());
        assertEquals(true, rows.size() >= 3, "the filter should keep a few rows, kept " + rows.size());
    }

    /**
     * Criteria with distances, a filter, ordering and a limit. The query vector is another row's embedding:
     * hibernate-vector 7.4.13 refuses a Criteria parameter of type {@code float[]} ("requires a vector
     * type") on PostgreSQL, so a query vector from Java is portable in HQL ({@code :q} is typed by the
     * column it meets), not in Criteria.
     */
    @Test
    void criteriaKnnWithAFilterReturnsTheSameRows() {
        onBoth(session -> {
            CriteriaBuilder cb = session.getCriteriaBuilder();
            CriteriaQuery<Object[]> q = cb.createQuery(Object[].class);
            Root<Article> a = q.from(Article.class);
            Root<Article> probe = q.from(Article.class);
            Expression<Double> distance = cb.function("cosine_distance", Double.class, a.get("embedding"), probe.get("embedding"));
            q.multiselect(a.get("id"), distance)
                    .where(cb.equal(probe.get("id"), 5L), cb.notEqual(a.get("id"), 5L), cb.equal(a.get("lang"), "de"),
                            cb.lessThan(distance, 1.2))
                    .orderBy(cb.asc(distance));
            return session.createQuery(q).setMaxResults(5).getResultList();
        });
    }

    @Test
    void vectorFunctionsGiveTheSameValues() {
        onBoth(session -> session.createQuery(
                        "select a.id, vector_dims(a.embedding), vector_norm(a.embedding), l2_norm(a.embedding),"
                                + " l2_normalize(a.embedding), subvector(a.embedding, 2, 3) from Article a order by a.id",
                        Object[].class)
                .getResultList());
    }

    @Test
    void hammingAndJaccardOnBitVectorsGiveTheSameRanking() {
        byte[] probe = {(byte) 0xF0, 0x0F, 0x55, (byte) 0xAA, 0x01, 0x02, 0x04, 0x08};
        onBoth(session -> session.createQuery(
                        "select a.id, hamming_distance(a.fingerprint, :b), jaccard_distance(a.fingerprint, :b) from Article a"
                                + " order by hamming_distance(a.fingerprint, :b), a.id", Object[].class)
                .setParameter("b", probe).setMaxResults(10).getResultList());
    }

    /**
     * Not portable, and documented as such: pgvector's bit strings count from each byte's most significant
     * bit, sqlite-vec from its least significant, so binary_quantize gives bit-reversed bytes on SQLite.
     */
    @Test
    void binaryQuantizeGivesEachBytesBitsInReverseOrderOnSqlite() {
        String hql = "select binary_quantize(a.embedding) from Article a order by a.id";
        List<byte[]> onSqlite = sqlite.fromSession(s -> s.createQuery(hql, byte[].class).getResultList());
        List<byte[]> onPostgres = postgres.fromSession(s -> s.createQuery(hql, byte[].class).getResultList());
        assertEquals(ARTICLES, onSqlite.size());
        for (int i = 0; i < onSqlite.size(); i++) {
            byte[] reversed = onSqlite.get(i).clone();
            for (int b = 0; b < reversed.length; b++) {
                reversed[b] = (byte) (Integer.reverse(reversed[b] & 0xFF) >>> 24);
            }
            assertArrayEquals(onPostgres.get(i), reversed, "article " + (i + 1));
        }
    }

    /** Runs the query on both databases and asserts the same rows; returns SQLite's. */
    private static List<Object[]> onBoth(Function<Session, List<Object[]>> query) {
        List<Object[]> onSqlite = sqlite.fromSession(query);
        List<Object[]> onPostgres = postgres.fromSession(query);
        assertSameRows(onSqlite, onPostgres);
        assertFalse(onSqlite.isEmpty(), "the query returned no rows on either side: nothing was compared");
        return onSqlite;
    }

    static float[] gaussian(Random random, int dimensions) {
        float[] v = new float[dimensions];
        for (int i = 0; i < dimensions; i++) {
            v[i] = (float) random.nextGaussian();
        }
        return v;
    }
}
