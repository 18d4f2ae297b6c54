package io.github.sqlitevec.jooq;

import io.github.sqlitevec.jdbc.schema.DistanceMetric;
import io.github.sqlitevec.jdbc.schema.VectorElementType;

import static io.github.sqlitevec.jooq.SqliteVecDSL.binaryQuantizedSearch;
import static io.github.sqlitevec.jooq.SqliteVecDSL.int8QuantizedSearch;
import static io.github.sqlitevec.jooq.SqliteVecDSL.vecQuantizeBinary;
import static io.github.sqlitevec.jooq.SqliteVecDSL.vecQuantizeInt8;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;
import static org.jooq.impl.DSL.val;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Record2;
import org.jooq.Result;
import org.jooq.Table;
import org.jooq.impl.SQLDataType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Quantized search with re-scoring, checked against Java: the coarse pass is recomputed by brute
 * force over the quantized vectors sqlite-vec stored, the re-ranking over the float vectors.
 */
class QuantizedSearchTest {

    private static final int ROWS = 300;
    private static final int DIMS = 32;

    private static final Table<Record> DOCS = table(name("docs"));
    private static final Field<Long> ID = field(name("docs", "id"), SQLDataType.BIGINT);
    private static final Field<float[]> EMBEDDING = field(name("docs", "embedding"), SqliteVecDataTypes.float32(DIMS));
    private static final Field<boolean[]> EMBEDDING_BQ = field(name("docs", "embedding_bq"), SqliteVecDataTypes.bit(DIMS));
    private static final Field<byte[]> EMBEDDING_I8 = field(name("docs", "embedding_i8"), SqliteVecDataTypes.int8(DIMS));
    private static final Field<String> CATEGORY = field(name("docs", "category"), SQLDataType.VARCHAR);

    private final float[][] vectors = new float[ROWS][];
    private final float[] query = Vectors.normalized(Vectors.random(1, DIMS, 99)[0]);

    @TempDir
    Path dir;
    TestDatabase db;
    final Map<Long, boolean[]> storedBits = new HashMap<>();
    final Map<Long, byte[]> storedInt8 = new HashMap<>();

    @BeforeEach
    void open() throws Exception {
        db = TestDatabase.open(dir);
        db.ctx.execute(SqliteVecDSL.createVec0Table("docs")
                .primaryKey("id")
                .vector("embedding", VectorElementType.FLOAT32, DIMS, DistanceMetric.COSINE)
                .vector("embedding_bq", VectorElementType.BIT, DIMS)
                .vector("embedding_i8", VectorElementType.INT8, DIMS)
                .metadata("category", SQLDataType.VARCHAR)
                .toQuery());
        float[][] raw = Vectors.random(ROWS, DIMS, 5);
        var insert = db.ctx.insertInto(DOCS, ID, EMBEDDING, EMBEDDING_BQ, EMBEDDING_I8, CATEGORY);
        for (int i = 0; i < ROWS; i++) {
            vectors[i] = Vectors.normalized(raw[i]);
            // The quantized columns are filled by sqlite-vec's own quantizers, as in production.
            insert = insert.values(val((long) i), val(vectors[i], EMBEDDING.getDataType()),
                    vecQuantizeBinary(vectors[i]), vecQuantizeInt8(vectors[i]), val(i % 2 == 0 ? "even" : "odd"));
        }
        insert.execute();
        for (var row : db.ctx.select(ID, EMBEDDING_BQ, EMBEDDING_I8).from(DOCS).fetch()) {
            storedBits.put(row.value1(), row.value2());
            storedInt8.put(row.value1(), row.value3());
        }
    }

    @AfterEach
    void close() throws Exception {
        db.close();
    }

    private double hamming(long id, boolean[] q) {
        boolean[] v = storedBits.get(id);
        int n = 0;
        for (int d = 0; d < DIMS; d++) {
            n += v[d] != q[d] ? 1 : 0;
        }
        return n;
    }

    private double int8L2(long id, byte[] q) {
        byte[] v = storedInt8.get(id);
        double sum = 0;
        for (int d = 0; d < DIMS; d++) {
            sum += (double) (v[d] - q[d]) * (v[d] - q[d]);
        }
        return Math.sqrt(sum);
    }

    private double exact(DistanceMetric metric, long id) {
        return Vectors.distance(metric, vectors[(int) id], query);
    }

    /**
     * The result must be the exact top k of a candidate set that sqlite-vec's coarse pass may
     * pick: every row strictly inside the coarse boundary, plus any of the rows tied on it.
     */
    private void assertRescoredTopK(Result<Record2<Long, Double>> result, int k, int candidates, DistanceMetric metric,
            ToDoubleFunction<Long> coarse, java.util.function.LongPredicate filter) {
        List<Long> eligible = storedBits.keySet().stream().filter(filter::test)
                .sorted(Comparator.comparingDouble(coarse::applyAsDouble)).collect(Collectors.toList());
        double boundary = coarse.applyAsDouble(eligible.get(Math.min(candidates, eligible.size()) - 1));
        assertEquals(Math.min(k, eligible.size()), result.size());
        List<Double> distances = result.getValues(1, Double.class);
        for (int i = 0; i < result.size(); i++) {
            long id = result.get(i).value1();
            assertTrue(filter.test(id), "row " + id + " does not pass the filter");
            assertTrue(coarse.applyAsDouble(id) <= boundary, "row " + id + " is outside the coarse candidates");
            assertEquals(exact(metric, id), distances.get(i), 1e-5, "exact distance of row " + id);
            if (i > 0) {
                assertTrue(distances.get(i - 1) <= distances.get(i), "results are ordered by exact distance");
            }
        }
        double kth = distances.get(distances.size() - 1);
        List<Long> returned = result.getValues(0, Long.class);
        for (long id : eligible) {
            if (coarse.applyAsDouble(id) < boundary && exact(metric, id) < kth - 1e-6) {
                assertTrue(returned.contains(id), "row " + id + " is a sure candidate and closer than the k-th result");
            }
        }
    }

    @Test
    void binaryQuantizedSearchReRanksTheHammingCandidatesByExactCosineDistance() {
        var result = db.ctx.fetch(binaryQuantizedSearch(ID, EMBEDDING_BQ, EMBEDDING, query).oversample(4).rescoreMetric(DistanceMetric.COSINE).k(10));

        boolean[] q = quantizeBinary(query);
        assertRescoredTopK(result, 10, 40, DistanceMetric.COSINE, id -> hamming(id, q), id -> true);
    }

    @Test
    void withEnoughOversamplingTheResultIsTheExactTopK() {
        var result = db.ctx.fetch(binaryQuantizedSearch(ID, EMBEDDING_BQ, EMBEDDING, query).oversample(ROWS / 5).rescoreMetric(DistanceMetric.L2).k(5));

        List<Long> exactTop = new ArrayList<>(storedBits.keySet());
        exactTop.sort(Comparator.comparingDouble(id -> exact(DistanceMetric.L2, id)));
        assertEquals(exactTop.subList(0, 5), result.getValues(0, Long.class));
    }

    @Test
    void int8QuantizedSearchReRanksTheInt8CandidatesByExactDistance() {
        byte[] q = db.ctx.select(vecQuantizeInt8(query)).fetchOne(0, byte[].class);

        var result = db.ctx.fetch(int8QuantizedSearch(ID, EMBEDDING_I8, EMBEDDING, query).oversample(3).rescoreMetric(DistanceMetric.L1).k(7));

        assertRescoredTopK(result, 7, 21, DistanceMetric.L1, id -> int8L2(id, q), id -> true);
    }

    @Test
    void filtersApplyToTheCoarsePass() {
        var result = db.ctx.fetch(binaryQuantizedSearch(ID, EMBEDDING_BQ, EMBEDDING, query)
                .filter(CATEGORY.eq("odd")).oversample(5).rescoreMetric(DistanceMetric.COSINE).k(6));

        boolean[] q = quantizeBinary(query);
        assertRescoredTopK(result, 6, 30, DistanceMetric.COSINE, id -> hamming(id, q), id -> id % 2 == 1);
    }

    @Test
    void theRecipeIsAnOrdinarySelectThatCanBeJoinedAndExtended() {
        var hits = binaryQuantizedSearch(ID, EMBEDDING_BQ, EMBEDDING, query).oversample(8).k(3).asTable("hits");
        Field<Long> hitRowid = field(name("hits", "id"), SQLDataType.BIGINT);
        Field<Double> hitDistance = field(name("hits", "distance"), SQLDataType.DOUBLE);

        var rows = db.ctx.select(hitRowid, CATEGORY).from(hits).join(DOCS).on(ID.eq(hitRowid)).orderBy(hitDistance).fetch();

        assertEquals(3, rows.size());
        for (var row : rows) {
            assertEquals(row.value1() % 2 == 0 ? "even" : "odd", row.value2());
        }
    }

    @Test
    void theRenderedSqlIsOneQueryWithACoarseCteAndAnExactReRank() {
        String sql = TestDatabase.sql(binaryQuantizedSearch(ID, EMBEDDING_BQ, EMBEDDING, query).oversample(8).rescoreMetric(DistanceMetric.COSINE).k(10));

        assertEquals("with coarse as (select docs.id from docs where (docs.embedding_bq match vec_quantize_binary(?) and docs.k = ?)) "
                + "select docs.id, vec_distance_cosine(docs.embedding, ?) as distance from coarse join docs on docs.id = coarse.id "
                + "order by distance asc, docs.id asc limit ?", sql);
    }

    @Test
    void withoutOversampleTwentyCandidatesPerResultWithinSqliteVecsLargestK() {
        assertEquals(200, coarseK(binaryQuantizedSearch(ID, EMBEDDING_BQ, EMBEDDING, query).k(10)));
        assertEquals(315 * 13, coarseK(binaryQuantizedSearch(ID, EMBEDDING_BQ, EMBEDDING, query).k(315))); // 4096 / 315
        assertEquals(10, db.ctx.fetch(binaryQuantizedSearch(ID, EMBEDDING_BQ, EMBEDDING, query).k(10)).size());
    }

    /** The coarse KNN's k, the second bind value of the recipe. */
    private static int coarseK(org.jooq.Select<?> search) {
        return ((Number) search.getBindValues().get(1)).intValue();
    }

    @Test
    void moreCandidatesThanSqliteVecsLargestKAreRejected() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> binaryQuantizedSearch(ID, EMBEDDING_BQ, EMBEDDING, query).oversample(500).k(10));

        assertTrue(error.getMessage().contains("10 × 500 = 5000 candidates"), error.getMessage());
    }

    private static boolean[] quantizeBinary(float[] v) {
        boolean[] bits = new boolean[v.length];
        for (int i = 0; i < v.length; i++) {
            bits[i] = v[i] > 0;
        }
        return bits;
    }
}
