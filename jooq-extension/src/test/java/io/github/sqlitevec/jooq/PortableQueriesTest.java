package io.github.sqlitevec.jooq;

import static io.github.sqlitevec.jooq.SqliteVecDSL.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sqlitevec.jdbc.schema.DistanceMetric;
import io.github.sqlitevec.jdbc.schema.VectorElementType;
import io.github.sqlitevec.testing.postgres.PostgresTestServer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Result;
import org.jooq.ResultQuery;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same jOOQ code on SQLite (sqlite-vec) and on a live PostgreSQL 18 + pgvector: DDL, inserts,
 * every portable function and the KNN form, with the same rows and distances on both sides.
 */
class PortableQueriesTest {

    static final int DIMS = 16;
    static final int ROWS = 50;
    static final Table<?> DOCS = DSL.table(DSL.name("docs"));
    static final Field<Long> ID = DSL.field(DSL.name("docs", "id"), SQLDataType.BIGINT);
    static final Field<float[]> EMBEDDING = DSL.field(DSL.name("docs", "embedding"), SqliteVecDataTypes.float32(DIMS));
    static final Field<boolean[]> BQ = DSL.field(DSL.name("docs", "bq"), SqliteVecDataTypes.bit(DIMS));
    static final Field<byte[]> Q8 = DSL.field(DSL.name("docs", "q8"), SqliteVecDataTypes.int8(DIMS));
    static final Field<String> CATEGORY = DSL.field(DSL.name("docs", "category"), SQLDataType.VARCHAR);
    /** float32 on SQLite against double sums on PostgreSQL. */
    static final double TOLERANCE = 1e-5;

    @TempDir
    static Path dir;
    static Connection sqliteConnection;
    static Connection pgConnection;
    static DSLContext sqlite;
    static DSLContext pg;
    static float[] query;

    @BeforeAll
    static void createTheSameTableOnBothSides() throws Exception {
        sqliteConnection = DriverManager.getConnection("jdbc:sqlitevec:" + dir.resolve("portable.db"));
        pgConnection = DriverManager.getConnection(PostgresTestServer.shared().createDatabase("jooq_portable"));
        sqlite = DSL.using(sqliteConnection, SQLDialect.SQLITE);
        pg = DSL.using(pgConnection, SQLDialect.POSTGRES);
        CreateVec0Table ddl = createVec0Table("docs").primaryKey("id")
                .vector("embedding", VectorElementType.FLOAT32, DIMS, DistanceMetric.COSINE)
                .vector("bq", VectorElementType.BIT, DIMS)
                .vector("q8", VectorElementType.INT8, DIMS, DistanceMetric.L2)
                .metadata("category", SQLDataType.VARCHAR);
        query = Vectors.random(1, DIMS, 7)[0];
        for (DSLContext ctx : List.of(sqlite, pg)) {
            ctx.execute(ddl.toQuery());
        }
        float[][] data = Vectors.random(ROWS, DIMS, 11);
        for (int i = 1; i <= ROWS; i++) {
            float[] e = data[i - 1];
            boolean[] bits = new boolean[DIMS];
            byte[] q8 = new byte[DIMS];
            for (int d = 0; d < DIMS; d++) {
                bits[d] = e[d] > 0;
                q8[d] = (byte) Math.max(-127, Math.min(127, Math.round(e[d] * 300)));
            }
            for (DSLContext ctx : List.of(sqlite, pg)) {
                ctx.insertInto(DOCS).columns(ID, EMBEDDING, BQ, Q8, CATEGORY).values((long) i, e, bits, q8, i % 3 == 0 ? "news" : "blog").execute();
            }
        }
    }

    @AfterAll
    static void close() throws Exception {
        sqliteConnection.close();
        pgConnection.close();
    }

    @Test
    void theDdlRendersAVec0TableOnSqliteAndATableWithIndexesOnPostgres() {
        CreateVec0Table ddl = createVec0Table("docs").primaryKey("id").vector("embedding", VectorElementType.FLOAT32, 384, DistanceMetric.COSINE)
                .metadata("category", SQLDataType.VARCHAR);
        assertEquals(List.of("create virtual table docs using vec0(id integer primary key, embedding float[384] distance_metric=cosine, category text)"),
                ddl.getSQL(SQLDialect.SQLITE));
        assertEquals(List.of("create table \"docs\" (\"id\" bigint primary key, \"embedding\" vector(384), \"category\" text)",
                "create index \"docs_category_idx\" on \"docs\" (\"category\")",
                "create index \"docs_embedding_hnsw_idx\" on \"docs\" using hnsw (\"embedding\" vector_cosine_ops)"), ddl.getSQL(SQLDialect.POSTGRES));
    }

    @Test
    void vectorsRoundTripOnBothSides() {
        Function<DSLContext, Result<Record>> read = ctx -> ctx.select(List.<Field<?>>of(ID, EMBEDDING, BQ, Q8)).from(DOCS).orderBy(ID).fetch();
        Result<Record> a = read.apply(sqlite);
        Result<Record> b = read.apply(pg);
        assertEquals(ROWS, b.size());
        for (int i = 0; i < ROWS; i++) {
            assertArrayEquals(a.get(i).get(EMBEDDING), b.get(i).get(EMBEDDING));
            assertArrayEquals(a.get(i).get(BQ), b.get(i).get(BQ));
            assertArrayEquals(a.get(i).get(Q8), b.get(i).get(Q8));
        }
    }

    @Test
    void everyPortableFunctionGivesTheSameValuesOnBothSides() {
        boolean[] bits = new boolean[DIMS];
        byte[] q8 = new byte[DIMS];
        for (int d = 0; d < DIMS; d++) {
            bits[d] = d % 3 == 0;
            q8[d] = (byte) (d * 7 - 50);
        }
        List<Field<?>> fields = List.of(vecDistanceL2(EMBEDDING, query), vecDistanceCosine(EMBEDDING, query), vecDistanceL1(EMBEDDING, query),
                vecDistance(DistanceMetric.COSINE, EMBEDDING, vecNormalize(EMBEDDING)), vecDistanceHamming(BQ, bits), vecDistanceL2(Q8, q8),
                vecDistanceL1(Q8, q8), vecLength(EMBEDDING), vecLength(BQ), vecDistanceL2(vecAdd(EMBEDDING, query), vecSub(EMBEDDING, query)),
                vecDistanceHamming(vecQuantizeBinary(EMBEDDING), BQ), vecDistanceL2(vecSlice(EMBEDDING, 2, 6), vecSlice(query, 2, 6)),
                vecLength(vecSlice(BQ, 8, 16)), vecLength(vecF32("[1, 2, 3]")));
        Result<Record> a = sqlite.select(fields).from(DOCS).orderBy(ID).fetch();
        Result<Record> b = pg.select(fields).from(DOCS).orderBy(ID).fetch();
        for (int i = 0; i < ROWS; i++) {
            for (int f = 0; f < fields.size(); f++) {
                double x = ((Number) a.get(i).get(f)).doubleValue();
                double y = ((Number) b.get(i).get(f)).doubleValue();
                assertEquals(x, y, TOLERANCE * Math.max(1, Math.abs(x)), "row " + (i + 1) + ": " + fields.get(f));
            }
        }
        assertEquals(0.0, ((Number) a.get(0).get(3)).doubleValue(), TOLERANCE);
        assertEquals(8, a.get(0).get(12));
    }

    @Test
    void nearestReturnsTheSameRowsInTheSameOrderWithAndWithoutFilters() {
        for (Nearest n : List.of(nearest(EMBEDDING, query, DistanceMetric.COSINE, 7), nearest(EMBEDDING, query, DistanceMetric.COSINE, 5)
                .filter(CATEGORY.eq("news")), nearest(Q8, new byte[DIMS], DistanceMetric.L2, 6), nearest(BQ, new boolean[DIMS], DistanceMetric.HAMMING, 3))) {
            Result<Record> a = sqlite.fetch(n.select(ID, CATEGORY));
            Result<Record> b = pg.fetch(n.select(ID, CATEGORY));
            assertEquals(n.k(), a.size());
            List<Double> da = a.getValues("distance", Double.class);
            List<Double> db = b.getValues("distance", Double.class);
            for (int i = 0; i < a.size(); i++) {
                assertEquals(da.get(i), db.get(i), TOLERANCE * Math.max(1, da.get(i)));
            }
            if (n.k() != 3) { // Hamming distances of 16 bits tie; the cosine and L2 ones here do not.
                assertEquals(a.getValues(ID), b.getValues(ID));
            }
            if (n.k() == 5) {
                assertTrue(b.getValues(CATEGORY).stream().allMatch("news"::equals));
            }
        }
    }

    @Test
    void postgresExplainShowsTheHnswIndexServingTheKnn() throws Exception {
        ResultQuery<Record> select = nearest(EMBEDDING, query, DistanceMetric.COSINE, 5).select(ID);
        pgConnection.setAutoCommit(false);
        try (Statement s = pgConnection.createStatement()) {
            // 50 rows fit one page, where a scan is rightly cheaper; the index wins by cost on tables of real size.
            s.execute("set local enable_seqscan = off");
            String plan = pg.explain(select).plan();
            assertTrue(plan.contains("Index Scan using docs_embedding_hnsw_idx on docs"), plan);
        } finally {
            pgConnection.rollback();
            pgConnection.setAutoCommit(true);
        }
    }

    @Test
    void renderedSqlOfBothSidesIsWhatTheJavadocShows() {
        ResultQuery<Record> select = nearest(EMBEDDING, query, DistanceMetric.COSINE, 10).filter(CATEGORY.eq("news")).select(ID);
        assertEquals("select docs.id, docs.distance as distance from docs where ((docs.embedding match ? and docs.k = ?) and docs.category = ?)"
                + " order by distance", render(SQLDialect.SQLITE, select));
        assertEquals("select docs.id, (docs.embedding <=> cast(? as vector)) as distance from docs where (true and docs.category = ?)"
                + " order by distance limit ?", render(SQLDialect.POSTGRES, select).replace("fetch next ? rows only", "limit ?"));
        assertEquals("select (docs.bq <~> cast(? as bit(16))), vector_dims(docs.embedding), l2_normalize(docs.embedding), binary_quantize(docs.embedding),"
                + " subvector(docs.embedding, (2 + 1), (6 - 2))", render(SQLDialect.POSTGRES, DSL.select(vecDistanceHamming(BQ, new boolean[DIMS]),
                vecLength(EMBEDDING), vecNormalize(EMBEDDING), vecQuantizeBinary(EMBEDDING), vecSlice(EMBEDDING, 2, 6))));
    }

    @Test
    void sqliteOnlyFunctionsFailOnPostgresNamingTheAlternative() {
        assertOneSided(DSL.select(vecVersion()), "pg_extension");
        assertOneSided(DSL.select(vecQuantizeInt8(EMBEDDING)).from(DOCS), "binary_quantize");
        assertOneSided(DSL.select(vecType(EMBEDDING)).from(DOCS), "pg_typeof");
        assertOneSided(DSL.select(ID).from(DOCS).where(knn(EMBEDDING, query).k(5)), "nearest(column, query, metric, k)");
        assertOneSided(DSL.select(distance(DOCS)).from(DOCS), "nearest(column, query, metric, k).distance()");
        VecEach each = vecEach(new float[] {1, 2, 3});
        assertOneSided(DSL.select(each.value()).from(each.asTable()), "unnest");
    }

    private static void assertOneSided(org.jooq.Select<?> select, String alternative) {
        RuntimeException e = assertThrows(RuntimeException.class, () -> pg.fetch((ResultQuery<?>) select));
        Throwable cause = e;
        while (!(cause instanceof UnsupportedOperationException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        assertTrue(cause.getMessage().contains("has no pgvector counterpart") || cause.getMessage().contains("exists only in sqlite-vec"), cause.getMessage());
        assertTrue(cause.getMessage().contains(alternative), cause.getMessage());
    }

    static String render(SQLDialect dialect, org.jooq.QueryPart part) {
        return DSL.using(dialect, new Settings().withRenderQuotedNames(RenderQuotedNames.NEVER)).render(part);
    }

    static List<Long> ids(Result<Record> result) {
        return new ArrayList<>(result.getValues(ID));
    }
}
