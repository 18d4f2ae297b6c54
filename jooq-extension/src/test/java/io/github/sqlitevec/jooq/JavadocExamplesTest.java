package io.github.sqlitevec.jooq;

import static io.github.sqlitevec.jooq.SqliteVecDSL.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sqlitevec.jdbc.schema.DistanceMetric;
import io.github.sqlitevec.jdbc.schema.VectorElementType;
import java.nio.file.Path;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Result;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The examples of the public Javadoc, run as written (with the names they use: DOCS, q, ctx) on a
 * real file, so an example that does not compile or cannot run fails the build.
 */
class JavadocExamplesTest {

    static final int DIMS = 8;
    static final Table<?> DOCS_TABLE = DSL.table(DSL.name("docs"));

    /** The generated-code shape the examples assume. */
    static final class Docs {
        final Field<Long> ID = DSL.field(DSL.name("docs", "id"), SQLDataType.BIGINT);
        final Field<float[]> EMBEDDING = DSL.field(DSL.name("docs", "embedding"), SqliteVecDataTypes.float32(DIMS));
        final Field<boolean[]> EMBEDDING_BQ = DSL.field(DSL.name("docs", "embedding_bq"), SqliteVecDataTypes.bit(DIMS));
        final Field<String> CATEGORY = DSL.field(DSL.name("docs", "category"), SQLDataType.VARCHAR);
        final Field<Long> USER_ID = DSL.field(DSL.name("docs", "user_id"), SQLDataType.BIGINT);
        final Field<String> TITLE = DSL.field(DSL.name("docs", "title"), SQLDataType.VARCHAR);
    }

    static final Docs D = new Docs();

    @TempDir
    Path dir;
    TestDatabase db;
    DSLContext ctx;
    final float[] q = {0.1f, 0.2f, -0.3f, 0.4f, 0.5f, -0.6f, 0.7f, 0.8f};

    @BeforeEach
    void docs() throws Exception {
        db = TestDatabase.open(dir);
        ctx = db.ctx;
        // SqliteVecDSL#createVec0Table's example, at this test's size
        ctx.execute(createVec0Table("docs")
                .primaryKey("id")
                .vector("embedding", VectorElementType.FLOAT32, DIMS, DistanceMetric.COSINE)
                .vector("embedding_bq", VectorElementType.BIT, DIMS)
                .metadata("category", SQLDataType.VARCHAR)
                .partitionKey("user_id", SQLDataType.BIGINT)
                .auxiliary("title", SQLDataType.VARCHAR)
                .chunkSize(256)
                .toQuery());
        float[][] vectors = Vectors.random(40, DIMS, 3);
        for (int i = 0; i < vectors.length; i++) {
            boolean[] bits = new boolean[DIMS];
            for (int d = 0; d < DIMS; d++) {
                bits[d] = vectors[i][d] > 0;
            }
            ctx.insertInto(DOCS_TABLE).columns(D.ID, D.EMBEDDING, D.EMBEDDING_BQ, D.CATEGORY, D.USER_ID, D.TITLE)
                    .values((long) i + 1, vectors[i], bits, i % 2 == 0 ? "news" : "blog", 42L, "t" + i).execute();
        }
    }

    @AfterEach
    void close() throws Exception {
        db.close();
    }

    @Test
    void sqliteVecDslClassExample() {
        Result<?> r = ctx.select(D.ID, distance(DOCS_TABLE))
                .from(DOCS_TABLE)
                .where(knn(D.EMBEDDING, q).k(10).and(D.CATEGORY.eq("news")))
                .fetch();
        assertEquals(10, r.size());
    }

    @Test
    void knnAndKnnClassExamples() {
        assertEquals(10, ctx.selectFrom(DOCS_TABLE).where(knn(D.EMBEDDING, q).k(10)).fetch().size());
        Result<?> filtered = ctx.select(D.ID).from(DOCS_TABLE).where(knn(D.EMBEDDING, q).k(10).and(D.CATEGORY.eq("news"))
                .and(D.USER_ID.eq(42L)).and(distance(DOCS_TABLE).lt(0.8))).fetch();
        assertTrue(filtered.size() <= 10);
    }

    @Test
    void binaryQuantizedSearchExample() {
        Result<?> r = ctx.fetch(binaryQuantizedSearch(D.ID, D.EMBEDDING_BQ, D.EMBEDDING, q).oversample(4).k(10));
        assertEquals(10, r.size());
        Result<?> filtered = ctx.fetch(binaryQuantizedSearch(D.ID, D.EMBEDDING_BQ, D.EMBEDDING, q)
                .oversample(4).rescoreMetric(DistanceMetric.COSINE).filter(D.CATEGORY.eq("news")).k(10));
        assertEquals(10, filtered.size());
    }

    @Test
    void vecEachExample() {
        VecEach e = vecEach(new float[] {1, 2, 3});
        assertEquals(3, ctx.select(e.index(), e.value()).from(e.asTable()).fetch().size());
    }

    @Test
    void nearestExample() {
        Result<Record> r = ctx.fetch(nearest(D.EMBEDDING, q, DistanceMetric.COSINE, 10).filter(D.CATEGORY.eq("news")).select(D.ID));
        assertEquals(10, r.size());
        Nearest n = nearest(D.EMBEDDING, q, DistanceMetric.COSINE, 10).filter(D.CATEGORY.eq("news"));
        assertEquals(r.getValues(D.ID), ctx.fetch(n.select(D.ID, D.TITLE)).getValues(D.ID));
    }
}
