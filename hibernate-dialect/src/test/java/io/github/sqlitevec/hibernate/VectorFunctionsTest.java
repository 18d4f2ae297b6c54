package io.github.sqlitevec.hibernate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.BiFunction;
import java.util.stream.Stream;

import io.github.sqlitevec.hibernate.entities.Document;
import jakarta.persistence.Tuple;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Root;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every hibernate-vector function name, in HQL and in Criteria, against a double-precision Java oracle
 * over the float32 values actually stored.
 *
 * <p>Tolerance: |sql − oracle| ≤ 2e-6 · scale, where scale is the magnitude the float32 arithmetic works at:
 * max(1, |oracle|) for distances and norms, and |a|² + |b|² for inner products (composed from squared
 * L2 distances, so their error is relative to the squared norms, not to the product).
 */
class VectorFunctionsTest {

    private static final int DIMENSIONS = 16;
    private static final double RELATIVE_TOLERANCE = 2e-6;

    @TempDir
    static Path dir;

    private static SessionFactory factory;
    private static final List<Document> documents = new ArrayList<>();
    private static final Random random = new Random(20260101);
    private static final float[] queryFloats = randomFloats();
    private static final byte[] queryInt8 = randomBytes(DIMENSIONS);
    private static final byte[] queryBits = randomBytes(DIMENSIONS / 8);

    @BeforeAll
    static void storeRandomDocuments() {
        factory = SqliteVecHibernate.boot(dir, Document.class);
        factory.inTransaction(session -> {
            for (int i = 0; i < 24; i++) {
                Document document = new Document("doc" + i, randomFloats(), randomBytes(DIMENSIONS), randomBytes(DIMENSIONS / 8));
                if (i == 0) {
                    document.bits = new byte[] {0, 0}; // a zero bit vector for jaccard's 0/0 case below
                }
                session.persist(document);
                documents.add(document);
            }
        });
    }

    @AfterAll
    static void close() {
        factory.close();
    }

    static Stream<Arguments> scalarFunctions() {
        BiFunction<Document, Object, Double> cosine = (d, q) -> VectorOracle.cosineDistance(VectorOracle.widen(d.embedding), VectorOracle.widen((float[]) q));
        BiFunction<Document, Object, Double> l2 = (d, q) -> VectorOracle.l2(VectorOracle.widen(d.embedding), VectorOracle.widen((float[]) q));
        BiFunction<Document, Object, Double> l2Squared = (d, q) -> Math.pow(l2.apply(d, q), 2);
        BiFunction<Document, Object, Double> l1 = (d, q) -> VectorOracle.l1(VectorOracle.widen(d.embedding), VectorOracle.widen((float[]) q));
        BiFunction<Document, Object, Double> inner = (d, q) -> VectorOracle.dot(VectorOracle.widen(d.embedding), VectorOracle.widen((float[]) q));
        BiFunction<Document, Object, Double> innerScale = (d, q) -> Math.pow(VectorOracle.norm(VectorOracle.widen(d.embedding)), 2)
                + Math.pow(VectorOracle.norm(VectorOracle.widen((float[]) q)), 2);
        BiFunction<Document, Object, Double> i8l2 = (d, q) -> VectorOracle.l2(VectorOracle.widen(d.quantized), VectorOracle.widen((byte[]) q));
        BiFunction<Document, Object, Double> i8l1 = (d, q) -> VectorOracle.l1(VectorOracle.widen(d.quantized), VectorOracle.widen((byte[]) q));
        BiFunction<Document, Object, Double> i8cos = (d, q) -> VectorOracle.cosineDistance(VectorOracle.widen(d.quantized), VectorOracle.widen((byte[]) q));
        BiFunction<Document, Object, Double> hamming = (d, q) -> VectorOracle.hamming(d.bits, (byte[]) q);
        BiFunction<Document, Object, Double> jaccard = (d, q) -> VectorOracle.jaccard(d.bits, (byte[]) q);
        BiFunction<Document, Object, Double> unit = (d, q) -> 1.0;
        return Stream.of(
                Arguments.of("cosine_distance", "embedding", cosine, unit),
                Arguments.of("cosine_similarity", "embedding", (BiFunction<Document, Object, Double>) (d, q) -> 1 - cosine.apply(d, q), unit),
                Arguments.of("euclidean_distance", "embedding", l2, unit),
                Arguments.of("l2_distance", "embedding", l2, unit),
                Arguments.of("euclidean_squared_distance", "embedding", l2Squared, unit),
                Arguments.of("l2_squared_distance", "embedding", l2Squared, unit),
                Arguments.of("l1_distance", "embedding", l1, unit),
                Arguments.of("taxicab_distance", "embedding", l1, unit),
                Arguments.of("inner_product", "embedding", inner, innerScale),
                Arguments.of("negative_inner_product", "embedding", (BiFunction<Document, Object, Double>) (d, q) -> -inner.apply(d, q), innerScale),
                Arguments.of("vec_distance_l2", "embedding", l2, unit),
                Arguments.of("vec_distance_l1", "embedding", l1, unit),
                Arguments.of("vec_distance_cosine", "embedding", cosine, unit),
                Arguments.of("l2_distance", "quantized", i8l2, unit),
                Arguments.of("l1_distance", "quantized", i8l1, unit),
                Arguments.of("cosine_distance", "quantized", i8cos, unit),
                Arguments.of("inner_product", "quantized", (BiFunction<Document, Object, Double>) (d, q) ->
                        VectorOracle.dot(VectorOracle.widen(d.quantized), VectorOracle.widen((byte[]) q)),
                        (BiFunction<Document, Object, Double>) (d, q) -> Math.pow(VectorOracle.norm(VectorOracle.widen(d.quantized)), 2)
                                + Math.pow(VectorOracle.norm(VectorOracle.widen((byte[]) q)), 2)),
                Arguments.of("hamming_distance", "bits", hamming, unit),
                Arguments.of("vec_distance_hamming", "bits", hamming, unit),
                Arguments.of("jaccard_distance", "bits", jaccard, unit));
    }

    @ParameterizedTest(name = "{0}({1}, :q) in HQL matches the oracle")
    @MethodSource("scalarFunctions")
    void twoVectorFunctionInHqlMatchesDoublePrecisionOracle(String function, String column,
            BiFunction<Document, Object, Double> oracle, BiFunction<Document, Object, Double> scale) {
        Object query = queryFor(column);
        List<Object[]> rows = factory.fromSession(session -> session.createQuery(
                        "select d.id, " + function + "(d." + column + ", :q) from Document d order by d.id", Object[].class)
                .setParameter("q", query)
                .getResultList());
        assertMatchesOracle(function, rows, query, oracle, scale);
    }

    @ParameterizedTest(name = "{0}({1}, :q) in Criteria matches the oracle")
    @MethodSource("scalarFunctions")
    void twoVectorFunctionInCriteriaMatchesDoublePrecisionOracle(String function, String column,
            BiFunction<Document, Object, Double> oracle, BiFunction<Document, Object, Double> scale) {
        Object query = queryFor(column);
        List<Object[]> rows = factory.fromSession(session -> {
            CriteriaBuilder cb = session.getCriteriaBuilder();
            CriteriaQuery<Object[]> criteria = cb.createQuery(Object[].class);
            Root<Document> d = criteria.from(Document.class);
            var q = cb.parameter(query.getClass(), "q");
            criteria.multiselect(d.get("id"), cb.function(function, Double.class, d.get(column), q)).orderBy(cb.asc(d.get("id")));
            return session.createQuery(criteria).setParameter("q", query).getResultList();
        });
        assertMatchesOracle(function, rows, query, oracle, scale);
    }

    @Test
    void jaccardDistanceOfTwoEmptyBitVectorsIsNull() {
        Object distance = factory.fromSession(session -> session.createQuery(
                        "select jaccard_distance(d.bits, :q) from Document d where d.id = :id", Object.class)
                .setParameter("q", new byte[] {0, 0}).setParameter("id", documents.get(0).id).getSingleResult());
        assertEquals(null, distance);
    }

    @ParameterizedTest(name = "{0} returns the stored dimensions")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"vector_dims", "vector_dim", "vector_dimension_count", "vec_length"})
    void dimensionFunctionsReturnDeclaredLength(String function) {
        List<Integer> dims = factory.fromSession(session -> session.createQuery(
                "select " + function + "(d.embedding) from Document d", Integer.class).getResultList());
        assertEquals(documents.size(), dims.size());
        assertTrue(dims.stream().allMatch(n -> n == DIMENSIONS), dims.toString());
        Integer bits = factory.fromSession(session -> session.createQuery(
                "select " + function + "(d.bits) from Document d where d.id = :id", Integer.class)
                .setParameter("id", documents.get(1).id).getSingleResult());
        assertEquals(DIMENSIONS, bits);
    }

    @ParameterizedTest(name = "{0} in HQL and Criteria matches the oracle")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"vector_norm", "l2_norm", "l2norm"})
    void normFunctionsMatchOracle(String function) {
        List<Object[]> hql = factory.fromSession(session -> session.createQuery(
                "select d.id, " + function + "(d.embedding) from Document d order by d.id", Object[].class).getResultList());
        List<Object[]> criteria = factory.fromSession(session -> {
            CriteriaBuilder cb = session.getCriteriaBuilder();
            CriteriaQuery<Object[]> query = cb.createQuery(Object[].class);
            Root<Document> d = query.from(Document.class);
            query.multiselect(d.get("id"), cb.function(function, Double.class, d.get("embedding"))).orderBy(cb.asc(d.get("id")));
            return session.createQuery(query).getResultList();
        });
        for (List<Object[]> rows : List.of(hql, criteria)) {
            assertEquals(documents.size(), rows.size());
            for (Object[] row : rows) {
                double expected = VectorOracle.norm(VectorOracle.widen(byId((Long) row[0]).embedding));
                assertWithin(function, expected, ((Number) row[1]).doubleValue(), Math.max(1, expected));
            }
        }
    }

    @Test
    void l2NormalizeAndItsAliasesReturnUnitVectors() {
        for (String function : List.of("l2_normalize", "l2normalize", "vec_normalize")) {
            List<Object[]> rows = factory.fromSession(session -> session.createQuery(
                    "select d.id, " + function + "(d.embedding) from Document d order by d.id", Object[].class).getResultList());
            for (Object[] row : rows) {
                double[] v = VectorOracle.widen(byId((Long) row[0]).embedding);
                double n = VectorOracle.norm(v);
                float[] normalized = (float[]) row[1];
                for (int i = 0; i < v.length; i++) {
                    assertWithin(function, v[i] / n, normalized[i], 1);
                }
            }
        }
    }

    @Test
    void subvectorIsOneBasedLikePgvectorAndVecSliceIsZeroBased() {
        Document document = documents.get(3);
        Object[] row = factory.fromSession(session -> session.createQuery(
                        "select subvector(d.embedding, 2, 3), vec_slice(d.embedding, 1, 4), subvector(d.quantized, 1, 2) from Document d where d.id = :id",
                        Object[].class)
                .setParameter("id", document.id).getSingleResult());
        float[] expected = {document.embedding[1], document.embedding[2], document.embedding[3]};
        assertArrayEquals(expected, (float[]) row[0]);
        assertArrayEquals(expected, (float[]) row[1]);
        assertArrayEquals(new byte[] {document.quantized[0], document.quantized[1]}, (byte[]) row[2]);
    }

    @Test
    void binaryQuantizeSetsOneBitPerPositiveElement() {
        for (String function : List.of("binary_quantize", "vec_quantize_binary")) {
            List<Object[]> rows = factory.fromSession(session -> session.createQuery(
                    "select d.id, " + function + "(d.embedding) from Document d order by d.id", Object[].class).getResultList());
            for (Object[] row : rows) {
                assertArrayEquals(VectorOracle.binaryQuantize(byId((Long) row[0]).embedding), (byte[]) row[1], function);
            }
        }
    }

    @Test
    void hammingDistanceOfBinaryQuantizedVectorsWorksInOneQuery() {
        List<Object[]> rows = factory.fromSession(session -> session.createQuery(
                        "select d.id, hamming_distance(binary_quantize(d.embedding), binary_quantize(:q)) from Document d order by d.id",
                        Object[].class)
                .setParameter("q", queryFloats).getResultList());
        byte[] q = VectorOracle.binaryQuantize(queryFloats);
        for (Object[] row : rows) {
            assertEquals(VectorOracle.hamming(VectorOracle.binaryQuantize(byId((Long) row[0]).embedding), q),
                    ((Number) row[1]).doubleValue());
        }
    }

    @Test
    void sqliteVecSpecificFunctionsWorkUnderTheirOwnNames() {
        Document document = documents.get(5);
        Object[] row = factory.fromSession(session -> session.createQuery(
                        "select vec_add(d.embedding, :q), vec_sub(d.embedding, :q), vec_to_json(vec_f32('[1,2]')), "
                                + "vec_type(d.quantized), vec_quantize_int8(vec_f32('[0.5,-0.5]'), 'unit'), vec_version(), "
                                + "vec_length(vec_int8(d.quantized)), vec_length(vec_bit(d.bits)) from Document d where d.id = :id",
                        Object[].class)
                .setParameter("q", queryFloats).setParameter("id", document.id).getSingleResult());
        float[] sum = (float[]) row[0];
        float[] difference = (float[]) row[1];
        for (int i = 0; i < DIMENSIONS; i++) {
            assertEquals(document.embedding[i] + queryFloats[i], sum[i]);
            assertEquals(document.embedding[i] - queryFloats[i], difference[i]);
        }
        assertEquals("[1.000000,2.000000]", row[2]);
        assertEquals("int8", row[3]);
        assertArrayEquals(new byte[] {63, -64}, (byte[]) row[4]);
        assertTrue(((String) row[5]).startsWith("v0.1."), (String) row[5]);
        assertEquals(DIMENSIONS, ((Number) row[6]).intValue());
        assertEquals(DIMENSIONS, ((Number) row[7]).intValue());
    }

    @Test
    void distanceCanOrderAndFilterAnHqlQuery() {
        List<Long> nearest = factory.fromSession(session -> session.createQuery(
                        "select d.id from Document d where l2_distance(d.embedding, :q) < 100 order by l2_distance(d.embedding, :q), d.id",
                        Long.class)
                .setParameter("q", queryFloats).setMaxResults(3).getResultList());
        List<Long> expected = documents.stream()
                .sorted(java.util.Comparator.comparingDouble((Document d) -> VectorOracle.l2(VectorOracle.widen(d.embedding), VectorOracle.widen(queryFloats))))
                .limit(3).map(d -> d.id).toList();
        assertEquals(expected, nearest);
    }

    private static void assertMatchesOracle(String function, List<Object[]> rows, Object query,
                                            BiFunction<Document, Object, Double> oracle, BiFunction<Document, Object, Double> scale) {
        assertEquals(documents.size(), rows.size());
        for (Object[] row : rows) {
            Document document = byId((Long) row[0]);
            double expected = oracle.apply(document, query);
            if (Double.isNaN(expected)) {
                assertEquals(null, row[1], function + " of an undefined case");
                continue;
            }
            double actual = ((Number) row[1]).doubleValue();
            assertWithin(function, expected, actual, Math.max(Math.max(1, Math.abs(expected)), scale.apply(document, query)));
        }
    }

    private static void assertWithin(String function, double expected, double actual, double scale) {
        double relative = Math.abs(actual - expected) / scale;
        assertTrue(relative <= RELATIVE_TOLERANCE,
                function + ": expected " + expected + " but SQL returned " + actual + " (error " + relative + " of scale " + scale + ")");
    }

    private static Object queryFor(String column) {
        return switch (column) {
            case "embedding" -> queryFloats;
            case "quantized" -> queryInt8;
            default -> queryBits;
        };
    }

    private static Document byId(long id) {
        return documents.stream().filter(d -> d.id == id).findFirst().orElseThrow();
    }

    private static float[] randomFloats() {
        float[] v = new float[DIMENSIONS];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (random.nextGaussian() * 3);
        }
        return v;
    }

    private static byte[] randomBytes(int length) {
        byte[] b = new byte[length];
        random.nextBytes(b);
        return b;
    }
}
