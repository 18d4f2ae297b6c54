package io.github.sqlitevec.jooq;

import io.github.sqlitevec.jdbc.schema.DistanceMetric;

import static io.github.sqlitevec.jooq.SqliteVecDSL.*;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.table;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.SQLDataType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every sqlite-vec SQL function, called through jOOQ on a real database, with Fields and with Java values. */
class SqliteVecFunctionsTest {

    private static final Table<Record> PAIRS = table(name("pairs"));
    private static final Field<float[]> A = field(name("pairs", "a"), SqliteVecDataTypes.float32(3));
    private static final Field<float[]> B = field(name("pairs", "b"), SqliteVecDataTypes.float32(3));
    private static final Field<byte[]> QA = field(name("pairs", "qa"), SqliteVecDataTypes.int8(3));
    private static final Field<byte[]> QB = field(name("pairs", "qb"), SqliteVecDataTypes.int8(3));
    private static final Field<boolean[]> BA = field(name("pairs", "ba"), SqliteVecDataTypes.bit(8));
    private static final Field<boolean[]> BB = field(name("pairs", "bb"), SqliteVecDataTypes.bit(8));

    private static final float[] VA = {1f, 2f, 2f};
    private static final float[] VB = {4f, -2f, 2f};
    private static final byte[] IA = {1, -2, 3};
    private static final byte[] IB = {4, 5, -6};
    private static final boolean[] BITS_A = bits(0b1111_0000);
    private static final boolean[] BITS_B = bits(0b1010_1010);

    @TempDir
    Path dir;
    TestDatabase db;

    @BeforeEach
    void open() throws Exception {
        db = TestDatabase.open(dir);
        // A vec0 table, because it hands int8 and bit columns back tagged with their element
        // type; an ordinary table stores only the bytes (see ordinaryTablesNeedTheTypeConstructor...).
        db.ctx.execute("create virtual table pairs using vec0(a float[3], b float[3], qa int8[3], qb int8[3], ba bit[8], bb bit[8])");
        db.ctx.insertInto(PAIRS, A, B, QA, QB, BA, BB).values(VA, VB, IA, IB, BITS_A, BITS_B).execute();
    }

    @AfterEach
    void close() throws Exception {
        db.close();
    }

    private <T> T one(Field<T> expression) {
        return db.ctx.select(expression).from(PAIRS).fetchOne(expression);
    }

    @Test
    void l2DistanceMatchesJavaForFieldsAndValues() {
        double expected = Vectors.l2(VA, VB);
        assertEquals(expected, one(vecDistanceL2(A, B)), 1e-6);
        assertEquals(expected, one(vecDistanceL2(A, VB)), 1e-6);
        assertEquals(Math.sqrt(9 + 49 + 81), one(vecDistanceL2(QA, QB)), 1e-6);
        assertEquals(Math.sqrt(9 + 49 + 81), one(vecDistanceL2(QA, IB)), 1e-6);
    }

    @Test
    void cosineDistanceMatchesJavaForFieldsAndValues() {
        double expected = Vectors.cosine(VA, VB);
        assertEquals(expected, one(vecDistanceCosine(A, B)), 1e-6);
        assertEquals(expected, one(vecDistanceCosine(A, VB)), 1e-6);
        assertEquals(0.0, one(vecDistanceCosine(A, new float[] {2f, 4f, 4f})), 1e-6);
    }

    @Test
    void l1DistanceMatchesJavaForFieldsAndValues() {
        assertEquals(Vectors.l1(VA, VB), one(vecDistanceL1(A, B)), 1e-6);
        assertEquals(Vectors.l1(VA, VB), one(vecDistanceL1(A, VB)), 1e-6);
        assertEquals(3 + 7 + 9, one(vecDistanceL1(QA, QB)), 1e-6);
    }

    @Test
    void hammingDistanceCountsDifferingBits() {
        assertEquals(4.0, one(vecDistanceHamming(BA, BB)));
        assertEquals(8.0, one(vecDistanceHamming(BA, bits(0b0000_1111))));
    }

    @Test
    void vecDistanceWithARuntimeMetricRendersThatMetricsFunction() {
        for (DistanceMetric metric : List.of(DistanceMetric.L2, DistanceMetric.COSINE, DistanceMetric.L1)) {
            assertEquals(Vectors.distance(metric, VA, VB), one(vecDistance(metric, A, B)), 1e-6, metric.toString());
        }
        assertEquals(4.0, one(vecDistance(DistanceMetric.HAMMING, BA, BB)));
        assertEquals("select vec_distance_cosine(pairs.a, pairs.b)", TestDatabase.sql(select(vecDistance(DistanceMetric.COSINE, A, B))));
    }

    @Test
    void lengthCountsElementsOrBits() {
        assertEquals(3, one(vecLength(A)));
        assertEquals(3, one(vecLength(QA)));
        assertEquals(8, one(vecLength(BA)));
        assertEquals(5, one(vecLength(new float[5])));
    }

    @Test
    void typeNamesTheElementTypeOfEachKind() {
        assertEquals("float32", one(vecType(A)));
        assertEquals("int8", one(vecType(QA)));
        assertEquals("bit", one(vecType(BA)));
    }

    @Test
    void toJsonRendersEachKind() {
        assertEquals("[1.000000,2.000000,2.000000]", one(vecToJson(A)));
        assertEquals("[1,-2,3]", one(vecToJson(QA)));
        assertEquals("[0,0,0,0,1,1,1,1]", one(vecToJson(BA)));
        assertEquals("[0.500000]", one(vecToJson(new float[] {0.5f})));
    }

    @Test
    void versionIsTheLoadedSqliteVec() {
        assertTrue(one(vecVersion()).matches("v\\d+\\.\\d+\\.\\d+.*"), one(vecVersion()));
    }

    @Test
    void constructorsBuildTypedVectorsFromJsonAndBlobs() {
        assertArrayEquals(new float[] {0.25f, -1f}, one(vecF32("[0.25, -1]")));
        assertArrayEquals(VA, one(vecF32(field(name("pairs", "a"), SQLDataType.BLOB))));
        assertArrayEquals(new byte[] {1, -2, 127}, one(vecInt8("[1, -2, 127]")));
        assertArrayEquals(IA, one(vecInt8(org.jooq.impl.DSL.val(new byte[] {1, -2, 3}, SQLDataType.BLOB))));
        assertArrayEquals(BITS_A, one(vecBit(org.jooq.impl.DSL.val(new byte[] {(byte) 0b1111_0000}, SQLDataType.BLOB))));
        assertArrayEquals(BITS_B, one(vecBit(BITS_B)));
        assertEquals("bit", one(vecType(vecBit(BITS_B))));
    }

    @Test
    void aMalformedJsonVectorFailsWithSqliteVecsMessage() {
        DataAccessException error = assertThrows(DataAccessException.class, () -> one(vecF32("[1, oops]")));

        assertEquals("22023", error.sqlState(), error.getMessage());
    }

    @Test
    void ordinaryTablesNeedTheTypeConstructorToReadInt8VectorsBackAsInt8() {
        db.ctx.execute("create table plain(q blob)");
        Field<byte[]> q = field(name("plain", "q"), SqliteVecDataTypes.int8(3));
        db.ctx.insertInto(table(name("plain")), q).values(IA).execute();

        // SQLite keeps only the bytes, not sqlite-vec's int8 tag, so the column alone reads as float32.
        assertThrows(DataAccessException.class, () -> db.ctx.select(vecType(q)).from(table(name("plain"))).fetch());
        Field<String> tagged = vecType(vecInt8(q));
        assertEquals("int8", db.ctx.select(tagged).from(table(name("plain"))).fetchOne(tagged));
        Field<Double> distance = vecDistanceL1(vecInt8(q), IB);
        assertEquals(19.0, db.ctx.select(distance).from(table(name("plain"))).fetchOne(distance));
    }

    @Test
    void normalizeScalesToUnitLength() {
        float[] unit = one(vecNormalize(A));
        assertArrayEquals(new float[] {1f / 3, 2f / 3, 2f / 3}, unit, 1e-6f);
        assertArrayEquals(new float[] {0.6f, 0.8f}, one(vecNormalize(new float[] {3f, 4f})), 1e-6f);
    }

    @Test
    void sliceTakesAHalfOpenRangeOfEachKind() {
        assertArrayEquals(new float[] {2f, 2f}, one(vecSlice(A, 1, 3)));
        assertArrayEquals(new byte[] {1, -2}, one(vecSlice(QA, 0, 2)));
        assertArrayEquals(new float[] {5f}, one(vecSlice(new float[] {4f, 5f, 6f}, 1, 2)));
        assertArrayEquals(new float[] {1f}, one(vecSlice(A, org.jooq.impl.DSL.val(0), org.jooq.impl.DSL.val(1))));
        assertEquals("select vec_slice(pairs.a, 1, 3)", TestDatabase.sql(select(vecSlice(A, 1, 3))));
    }

    @Test
    void addAndSubWorkElementWiseOnFloatAndInt8Vectors() {
        assertArrayEquals(new float[] {5f, 0f, 4f}, one(vecAdd(A, B)));
        assertArrayEquals(new float[] {-3f, 4f, 0f}, one(vecSub(A, B)));
        assertArrayEquals(new float[] {2f, 3f, 3f}, one(vecAdd(A, new float[] {1f, 1f, 1f})));
        assertArrayEquals(new float[] {0f, 1f, 1f}, one(vecSub(A, new float[] {1f, 1f, 1f})));
        assertArrayEquals(new byte[] {5, 3, -3}, one(vecAdd(QA, QB)));
        assertArrayEquals(new byte[] {-3, -7, 9}, one(vecSub(QA, IB)));
    }

    @Test
    void binaryQuantizationSetsTheBitsOfPositiveElements() {
        float[] v = {0.5f, -1f, 2f, 0f, -0.1f, 3f, 3f, -3f};
        boolean[] expected = new boolean[8];
        for (int i = 0; i < 8; i++) {
            expected[i] = v[i] > 0;
        }
        assertArrayEquals(expected, one(vecQuantizeBinary(v)));
        assertArrayEquals(expected, one(vecQuantizeBinary(org.jooq.impl.DSL.val(v, SqliteVecDataTypes.FLOAT32))));
    }

    @Test
    void int8QuantizationMapsTheUnitIntervalToSignedBytes() {
        assertArrayEquals(new byte[] {63, -64}, one(vecQuantizeInt8(new float[] {0.5f, -0.5f})));
        assertArrayEquals(one(vecQuantizeInt8(new float[] {1f, 2f, 2f})), one(vecQuantizeInt8(A)));
        assertEquals("select vec_quantize_int8(pairs.a, 'unit')", TestDatabase.sql(select(vecQuantizeInt8(A))));
    }

    @Test
    void vecEachYieldsOneRowPerElement() {
        VecEach each = vecEach(new float[] {1.5f, -2f, 3f});
        List<Double> values = db.ctx.select(each.value()).from(each.asTable()).orderBy(each.index()).fetch(each.value());
        List<Long> indexes = db.ctx.select(each.index()).from(each.asTable()).orderBy(each.index()).fetch(each.index());

        assertEquals(List.of(1.5, -2.0, 3.0), values);
        assertEquals(List.of(0L, 1L, 2L), indexes);
        VecEach ofColumn = vecEach(QA);
        assertEquals(2.0, db.ctx.select(org.jooq.impl.DSL.sum(ofColumn.value())).from(PAIRS, ofColumn.asTable()).fetchOne(0, Double.class));
        assertEquals("select vec_each.rowid, vec_each.value from vec_each(?) as vec_each",
                TestDatabase.sql(select(each.index(), each.value()).from(each.asTable())));
    }

    private static boolean[] bits(int packed) {
        boolean[] bits = new boolean[8];
        for (int i = 0; i < 8; i++) {
            bits[i] = (packed & (1 << i)) != 0;
        }
        return bits;
    }
}
