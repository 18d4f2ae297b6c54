package io.github.sqlitevec.hibernate.portable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.hibernate.SessionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code inner_product} on vectors of very different norms (|a| ≈ 3·10⁴, |q| ≈ 3): sqlite-vec has no
 * dot-product function, so the SQL is composed from its kernels, and this compares it with pgvector's
 * native {@code <#>} and with a double-precision oracle. The error is measured relative to |a|·|q|, the
 * scale of both engines' float32 rounding. Measured worst case over 30 vectors: pgvector 4.1e-8; the
 * earlier composition from three L2 distances 9.8e-4 (visible: it failed this test); the cosine-based
 * composition 7.4e-8.
 */
class InnerProductOnBothDatabasesTest {

    /** Relative to |a|·|q|; pgvector's own float32 kernel stays below 1e-6 here. */
    static final double TOLERANCE = 1e-5;

    @TempDir
    static Path dir;

    private static SessionFactory sqlite;
    private static SessionFactory postgres;
    private static final List<float[]> VECTORS = new ArrayList<>();
    private static float[] query;

    @BeforeAll
    static void storeLongVectors() {
        sqlite = BothDatabases.sqlite(dir, Article.class);
        postgres = BothDatabases.postgres("hibernate_inner_product", Article.class);
        Random random = new Random(11);
        for (int i = 0; i < 30; i++) {
            float[] v = SameQueriesOnBothDatabasesTest.gaussian(random, 8);
            for (int d = 0; d < v.length; d++) {
                v[d] *= 1e4f;
            }
            VECTORS.add(v);
        }
        query = SameQueriesOnBothDatabasesTest.gaussian(new Random(12), 8);
        for (SessionFactory factory : List.of(sqlite, postgres)) {
            factory.inTransaction(session -> VECTORS.forEach(v -> session.persist(new Article("en", 2020, v, new byte[8]))));
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

    @Test
    void innerProductsOfLongAndShortVectorsAgreeWithPgvectorAndWithTheOracle() {
        List<Double> onSqlite = innerProducts(sqlite);
        List<Double> onPostgres = innerProducts(postgres);
        double worstSqlite = 0;
        double worstPostgres = 0;
        for (int i = 0; i < VECTORS.size(); i++) {
            float[] a = VECTORS.get(i);
            double scale = norm(a) * norm(query);
            double exact = dot(a, query);
            worstSqlite = Math.max(worstSqlite, Math.abs(onSqlite.get(i) - exact) / scale);
            worstPostgres = Math.max(worstPostgres, Math.abs(onPostgres.get(i) - exact) / scale);
        }
        assertTrue(worstPostgres < 1e-6, "pgvector's error relative to |a||q| was " + worstPostgres);
        assertTrue(worstSqlite < TOLERANCE, "sqlite-vec's composed inner product is off by " + worstSqlite
                + " of |a||q| (pgvector: " + worstPostgres + ")");
    }

    @Test
    void negativeInnerProductIsTheNegation() {
        List<Double> products = innerProducts(sqlite);
        List<Double> negated = sqlite.fromSession(session -> session.createQuery(
                        "select negative_inner_product(a.embedding, :q) from Article a order by a.id", Double.class)
                .setParameter("q", query).getResultList());
        for (int i = 0; i < products.size(); i++) {
            assertEquals(-products.get(i), negated.get(i), 0.0);
        }
    }

    @Test
    void theInnerProductWithAZeroVectorIsZero() {
        Double product = sqlite.fromSession(session -> session.createQuery(
                        "select inner_product(a.embedding, :q) from Article a order by a.id", Double.class)
                .setParameter("q", new float[8]).setMaxResults(1).getSingleResult());
        assertEquals(0.0, product, 0.0);
    }

    private static List<Double> innerProducts(SessionFactory factory) {
        return factory.fromSession(session -> session.createQuery(
                        "select inner_product(a.embedding, :q) from Article a order by a.id", Double.class)
                .setParameter("q", query).getResultList());
    }

    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += (double) a[i] * b[i];
        }
        return sum;
    }

    private static double norm(float[] a) {
        return Math.sqrt(dot(a, a));
    }
}
