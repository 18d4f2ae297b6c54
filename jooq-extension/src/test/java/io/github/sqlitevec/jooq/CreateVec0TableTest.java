package io.github.sqlitevec.jooq;

import io.github.sqlitevec.jdbc.schema.DistanceMetric;
import io.github.sqlitevec.jdbc.schema.VectorElementType;

import static io.github.sqlitevec.jooq.SqliteVecDSL.createVec0Table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.SQLDataType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CreateVec0TableTest {

    @TempDir
    Path dir;
    TestDatabase db;

    @BeforeEach
    void open() throws Exception {
        db = TestDatabase.open(dir);
    }

    @AfterEach
    void close() throws Exception {
        db.close();
    }

    private static CreateVec0Table withVector() {
        return createVec0Table("docs").vector("embedding", VectorElementType.FLOAT32, 4);
    }

    private static void assertRejected(String expectedFragment, Supplier<Object> step) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, step::get);
        assertTrue(error.getMessage().contains(expectedFragment), "message was: " + error.getMessage());
    }

    @Test
    void everyKindOfColumnRendersInVec0SyntaxAndSqliteVecAcceptsIt() {
        CreateVec0Table ddl = createVec0Table("docs")
                .primaryKey("id")
                .vector("embedding", VectorElementType.FLOAT32, 384, DistanceMetric.COSINE)
                .vector("embedding_i8", VectorElementType.INT8, 384, DistanceMetric.L1)
                .vector("embedding_bq", VectorElementType.BIT, 384)
                .metadata("category", SQLDataType.VARCHAR)
                .metadata("score", SQLDataType.DOUBLE)
                .metadata("published", SQLDataType.BOOLEAN)
                .metadata("year", SQLDataType.INTEGER)
                .partitionKey("user_id", SQLDataType.BIGINT)
                .auxiliary("title", SQLDataType.CLOB)
                .auxiliary("raw", SQLDataType.BLOB)
                .chunkSize(256);

        assertEquals("create virtual table docs using vec0(id integer primary key, embedding float[384] distance_metric=cosine, "
                + "embedding_i8 int8[384] distance_metric=l1, embedding_bq bit[384], category text, score float, published boolean, "
                + "year integer, user_id integer partition key, +title text, +raw blob, chunk_size=256)", ddl.getSQL());
        db.ctx.execute(ddl.toQuery());
        assertEquals(List.of("id", "embedding", "embedding_i8", "embedding_bq", "category", "score", "published", "year", "user_id", "title", "raw"),
                db.ctx.fetchValues("select name from pragma_table_info('docs')"));
    }

    @Test
    void ifNotExistsMakesTheStatementIdempotent() {
        CreateVec0Table ddl = createVec0Table("docs").ifNotExists().primaryKey("id", SQLDataType.VARCHAR).vector("e", VectorElementType.FLOAT32, 2);

        db.ctx.execute(ddl.toQuery());
        db.ctx.execute(ddl.toQuery());

        assertEquals("create virtual table if not exists docs using vec0(id text primary key, e float[2])", ddl.getSQL());
        assertEquals(1, db.ctx.fetchValue("select count(*) from sqlite_master where name = 'docs'"));
    }

    @Test
    void withoutIfNotExistsCreatingTwiceIsSqliteVecsError() {
        db.ctx.execute(withVector().toQuery());

        DataAccessException error = assertThrows(DataAccessException.class, () -> db.ctx.execute(withVector().toQuery()));
        assertEquals("42P07", error.sqlState());
    }

    @Test
    void aTableWithoutVectorColumnIsRejected() {
        assertRejected("has no vector column", () -> createVec0Table("docs").primaryKey("id").toQuery());
    }

    @Test
    void namesMustBePlainIdentifiersThatVec0DoesNotReserve() {
        assertRejected("table name 'my docs' is not a plain identifier", () -> createVec0Table("my docs"));
        assertRejected("column name '\"e\"' is not a plain identifier", () -> createVec0Table("docs").vector("\"e\"", VectorElementType.FLOAT32, 2));
        assertRejected("column name distance is taken by vec0", () -> withVector().metadata("distance", SQLDataType.DOUBLE));
        assertRejected("column name K is taken by vec0", () -> withVector().metadata("K", SQLDataType.INTEGER));
        assertRejected("already has a column named embedding", () -> withVector().auxiliary("EMBEDDING", SQLDataType.VARCHAR));
    }

    @Test
    void dimensionsMustBeWithinSqliteVecsRange() {
        assertRejected("has 0 dimensions; sqlite-vec supports 1 to 8192", () -> createVec0Table("docs").vector("e", VectorElementType.FLOAT32, 0));
        assertRejected("has 8193 dimensions", () -> createVec0Table("docs").vector("e", VectorElementType.INT8, 8193));
        assertRejected("use a multiple of 8", () -> createVec0Table("docs").vector("e", VectorElementType.BIT, 12));
        db.ctx.execute(createVec0Table("docs").vector("e", VectorElementType.FLOAT32, 8192).toQuery());
    }

    @Test
    void distanceMetricsMustFitTheElementType() {
        assertRejected("always uses hamming distance", () -> createVec0Table("docs").vector("e", VectorElementType.BIT, 8, DistanceMetric.COSINE));
        assertRejected("cannot use hamming distance; make it a BIT column", () -> createVec0Table("docs").vector("e", VectorElementType.FLOAT32, 8, DistanceMetric.HAMMING));
    }

    @Test
    void columnTypesMustBeOnesVec0AcceptsForTheirRole() {
        assertRejected("vec0 supports one primary key column", () -> withVector().primaryKey("id").primaryKey("id2"));
        assertRejected("for a primary key; use one of integer, text", () -> withVector().primaryKey("id", SQLDataType.DOUBLE));
        assertRejected("for a metadata column; use one of integer, float, text, boolean", () -> withVector().metadata("m", SQLDataType.BLOB));
        assertRejected("for a partition key; use one of integer, text, boolean", () -> withVector().partitionKey("p", SQLDataType.REAL));
        assertRejected("for an auxiliary column; use one of integer, float, text, blob", () -> withVector().auxiliary("a", SQLDataType.BOOLEAN));
    }

    @Test
    void chunkSizeMustBeAPositiveMultipleOf8() {
        assertRejected("chunk_size of vec0 table docs is 12", () -> withVector().chunkSize(12));
        assertRejected("chunk_size of vec0 table docs is 0", () -> withVector().chunkSize(0));
    }

    /** Our column limits are sqlite-vec's: its own maximum is accepted by both, one more is refused by both. */
    @Test
    void columnCountLimitsAreExactlySqliteVecs() {
        assertLimit(16, "vector columns", (t, i) -> t.vector("v" + i, VectorElementType.FLOAT32, 2), i -> "v" + i + " float[2]");
        assertLimit(16, "metadata columns", (t, i) -> t.metadata("m" + i, SQLDataType.INTEGER), i -> "m" + i + " integer");
        assertLimit(16, "auxiliary columns", (t, i) -> t.auxiliary("a" + i, SQLDataType.INTEGER), i -> "+a" + i + " integer");
        assertLimit(4, "partition key columns", (t, i) -> t.partitionKey("p" + i, SQLDataType.INTEGER), i -> "p" + i + " integer partition key");
    }

    private void assertLimit(int max, String what, BiFunction<CreateVec0Table, Integer, CreateVec0Table> add,
            java.util.function.IntFunction<String> rawColumn) {
        CreateVec0Table atLimit = createVec0Table("at_limit_" + what.charAt(0)).vector("e", VectorElementType.FLOAT32, 2);
        StringBuilder raw = new StringBuilder("create virtual table over_limit_" + what.charAt(0) + " using vec0(e float[2]");
        int start = what.startsWith("vector") ? 1 : 0; // "e" already is one vector column
        for (int i = start; i < max; i++) {
            atLimit = add.apply(atLimit, i);
        }
        for (int i = start; i <= max; i++) {
            raw.append(", ").append(rawColumn.apply(i));
        }
        db.ctx.execute(atLimit.toQuery());
        CreateVec0Table full = atLimit;
        assertRejected("more than " + max + " " + what, () -> add.apply(full, max));
        assertThrows(DataAccessException.class, () -> db.ctx.execute(raw.append(")").toString()),
                "sqlite-vec should refuse " + (max + 1) + " " + what + " too");
    }
}
