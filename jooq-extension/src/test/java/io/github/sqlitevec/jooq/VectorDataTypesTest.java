package io.github.sqlitevec.jooq;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Record2;
import org.jooq.Table;
import org.jooq.conf.ParamType;
import org.jooq.exception.DataAccessException;
import org.jooq.exception.DataTypeException;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VectorDataTypesTest {

    private static final Table<Record> ITEMS = table(name("items"));
    private static final Field<Long> ID = field(name("items", "id"), SQLDataType.BIGINT);
    private static final Field<float[]> EMBEDDING = field(name("items", "embedding"), SqliteVecDataTypes.float32(4));
    private static final Table<Record> CODED = table(name("coded"));
    private static final Field<Long> CODED_ID = field(name("coded", "id"), SQLDataType.BIGINT);
    private static final Field<float[]> CODED_EMBEDDING = field(name("coded", "embedding"), SqliteVecDataTypes.float32(4));
    private static final Field<byte[]> QUANTIZED = field(name("coded", "quantized"), SqliteVecDataTypes.int8(4));
    private static final Field<boolean[]> BITS = field(name("coded", "bits"), SqliteVecDataTypes.bit(8));

    @TempDir
    Path dir;
    TestDatabase db;

    @BeforeEach
    void open() throws Exception {
        db = TestDatabase.open(dir);
        db.ctx.execute("create virtual table items using vec0(id integer primary key, embedding float[4])");
        db.ctx.execute("create virtual table coded using vec0(id integer primary key, embedding float[4], quantized int8[4], bits bit[8])");
    }

    @AfterEach
    void close() throws Exception {
        db.close();
    }

    @Test
    void float32Int8AndBitVectorsRoundTripThroughAVec0Table() {
        float[] embedding = {0.5f, -1.25f, 3f, 0f};
        byte[] quantized = {-128, -1, 0, 127};
        boolean[] bits = {true, false, false, true, true, true, false, true};
        db.ctx.insertInto(CODED, CODED_ID, CODED_EMBEDDING, QUANTIZED, BITS).values(1L, embedding, quantized, bits).execute();

        Record row = db.ctx.select(CODED_EMBEDDING, QUANTIZED, BITS).from(CODED).where(CODED_ID.eq(1L)).fetchOne();

        assertArrayEquals(embedding, row.get(CODED_EMBEDDING));
        assertArrayEquals(quantized, row.get(QUANTIZED));
        assertArrayEquals(bits, row.get(BITS));
        // sqlite-vec itself sees the element types the bindings declared.
        assertEquals("float32,int8,bit", db.ctx.fetchValue(
                "select vec_type(embedding) || ',' || vec_type(quantized) || ',' || vec_type(bits) from coded"));
    }

    @Test
    void int8AndBitBindMarkersCarryTheirTypeConstructor() {
        String sql = TestDatabase.sql(db.ctx.insertInto(CODED, CODED_ID, QUANTIZED, BITS).values(1L, new byte[4], new boolean[8]));

        assertEquals("insert into coded (id, quantized, bits) values (?, vec_int8(?), vec_bit(?))", sql);
    }

    @Test
    void inlinedVectorsRenderAsBlobLiteralsThatSqliteReadsBack() {
        Field<float[]> inlined = DSL.inline(new float[] {1f, 2f}, SqliteVecDataTypes.FLOAT32);

        assertEquals("X'0000803f00000040'", TestDatabase.inlinedSql(inlined));
        assertEquals("vec_bit(X'81')", TestDatabase.inlinedSql(DSL.inline(new boolean[] {true, false, false, false, false, false, false, true}, SqliteVecDataTypes.BIT)));
        assertEquals("[1.000000,2.000000]", db.ctx.fetchValue(db.ctx.select(SqliteVecDSL.vecToJson(inlined)).getSQL(ParamType.INLINED)));
    }

    @Test
    void aVectorOfTheWrongLengthFailsBeforeSqlIsSentNamingBothLengths() {
        DataAccessException error = assertThrows(DataAccessException.class, () ->
                db.ctx.insertInto(ITEMS, ID, EMBEDDING).values(1L, new float[] {1f, 2f, 3f}).execute());

        // jOOQ wraps what a binding throws while binding; the DataTypeException is the cause.
        DataTypeException cause = error.getCause(DataTypeException.class);
        assertTrue(cause.getMessage().contains("vector has 3 dimensions, data type float[4] expects 4"), cause.getMessage());
        assertEquals(0, db.ctx.fetchCount(ITEMS));
    }

    @Test
    void aQueryVectorOfTheWrongLengthIsADataTypeExceptionWhereTheQueryIsBuilt() {
        DataTypeException error = assertThrows(DataTypeException.class, () -> SqliteVecDSL.knn(EMBEDDING, new float[] {1f, 2f}));

        assertTrue(error.getMessage().contains("vector has 2 dimensions, data type float[4] expects 4"), error.getMessage());
    }

    @Test
    void readingAVectorOfTheWrongLengthIsADataTypeException() {
        db.ctx.execute("insert into items(id, embedding) values (1, '[1,2,3,4]')");
        Field<float[]> declaredTooLong = field(name("items", "embedding"), SqliteVecDataTypes.float32(8));

        DataAccessException error = assertThrows(DataAccessException.class, () -> db.ctx.select(declaredTooLong).from(ITEMS).fetch());

        DataTypeException cause = error.getCause(DataTypeException.class);
        assertTrue(cause.getMessage().contains("vector has 4 dimensions, data type float[8] expects 8"), cause.getMessage());
    }

    @Test
    void nonFiniteElementsAreRejectedAsDataTypeExceptions() {
        DataTypeException error = assertThrows(DataTypeException.class, () ->
                SqliteVecDSL.vecDistanceL2(EMBEDDING, new float[] {1f, Float.NaN, 0f, 0f}));

        assertTrue(error.getMessage().contains("element 1 is NaN"), error.getMessage());
    }

    @Test
    void bitDataTypesNeedAMultipleOf8Dimensions() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> SqliteVecDataTypes.bit(12));

        assertTrue(error.getMessage().contains("multiple of 8"), error.getMessage());
    }

    @Test
    void aBlobColumnCanBeViewedAsVectorsWithAsConvertedDataType() {
        db.ctx.execute("create table docs(id integer primary key, body blob)");
        Field<byte[]> rawBody = field(name("docs", "body"), SQLDataType.BLOB);
        Field<float[]> body = field(rawBody.getQualifiedName(), rawBody.getDataType().asConvertedDataType(new Float32VectorBinding(3)));
        Table<Record> docs = table(name("docs"));

        db.ctx.insertInto(docs, field(name("docs", "id"), SQLDataType.BIGINT), body).values(7L, new float[] {1f, 2f, 3f}).execute();

        assertArrayEquals(new float[] {1f, 2f, 3f}, db.ctx.select(body).from(docs).fetchOne(body));
        assertEquals(12, db.ctx.fetchValue("select length(body) from docs"));
    }

    @Test
    void jsonTextColumnsAndNullsAreReadAsVectors() {
        db.ctx.execute("create table docs(id integer primary key, body text)");
        db.ctx.execute("insert into docs values (1, '[0.5, 2]'), (2, null)");
        Field<float[]> body = field(name("docs", "body"), SqliteVecDataTypes.FLOAT32);

        var rows = db.ctx.select(body).from(table(name("docs"))).orderBy(field(name("docs", "id"))).fetch(body);

        assertArrayEquals(new float[] {0.5f, 2f}, rows.get(0));
        assertNull(rows.get(1));
    }

    @Test
    void recordsCarryVectorsInBothDirections() {
        Record2<Long, float[]> record = db.ctx.newRecord(ID, EMBEDDING);
        record.value1(3L);
        record.value2(new float[] {4f, 3f, 2f, 1f});
        db.ctx.insertInto(ITEMS).set(record).execute();

        Record2<Long, float[]> back = db.ctx.select(ID, EMBEDDING).from(ITEMS).fetchOne();

        assertEquals(3L, back.value1());
        assertArrayEquals(new float[] {4f, 3f, 2f, 1f}, back.value2());
        assertArrayEquals(new float[] {4f, 3f, 2f, 1f}, EMBEDDING.getDataType().convert(EMBEDDING.getDataType().getConverter().to(back.value2())));
    }
}
