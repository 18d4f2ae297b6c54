package io.github.sqlitevec.jooq;

import io.github.sqlitevec.jdbc.schema.VectorElementType;

import static io.github.sqlitevec.jooq.SqliteVecDSL.distance;
import static io.github.sqlitevec.jooq.SqliteVecDSL.knn;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.function.IntPredicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.SQLDataType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** KNN on vec0 through jOOQ, checked against a brute-force search in Java. */
class KnnTest {

    private static final int ROWS = 60;
    private static final int DIMS = 8;
    private static final String[] CATEGORIES = {"news", "blog", "docs"};

    private static final Table<Record> DOCS = table(name("docs"));
    private static final Field<Long> ID = field(name("docs", "id"), SQLDataType.BIGINT);
    private static final Field<float[]> EMBEDDING = field(name("docs", "embedding"), SqliteVecDataTypes.float32(DIMS));
    private static final Field<byte[]> EMBEDDING_I8 = field(name("docs", "embedding_i8"), SqliteVecDataTypes.int8(DIMS));
    private static final Field<boolean[]> EMBEDDING_BQ = field(name("docs", "embedding_bq"), SqliteVecDataTypes.bit(DIMS));
    private static final Field<String> CATEGORY = field(name("docs", "category"), SQLDataType.VARCHAR);
    private static final Field<Long> USER_ID = field(name("docs", "user_id"), SQLDataType.BIGINT);
    private static final Field<String> TITLE = field(name("docs", "title"), SQLDataType.VARCHAR);

    private final float[][] vectors = Vectors.random(ROWS, DIMS, 42);
    private final float[] query = Vectors.random(1, DIMS, 7)[0];

    @TempDir
    Path dir;
    TestDatabase db;

    @BeforeEach
    void open() throws Exception {
        db = TestDatabase.open(dir);
        db.ctx.execute(SqliteVecDSL.createVec0Table("docs")
                .primaryKey("id")
                .vector("embedding", VectorElementType.FLOAT32, DIMS)
                .vector("embedding_i8", VectorElementType.INT8, DIMS)
                .vector("embedding_bq", VectorElementType.BIT, DIMS)
                .metadata("category", SQLDataType.VARCHAR)
                .partitionKey("user_id", SQLDataType.BIGINT)
                .auxiliary("title", SQLDataType.VARCHAR)
                .chunkSize(16)
                .toQuery());
        var insert = db.ctx.insertInto(DOCS, ID, EMBEDDING, EMBEDDING_I8, EMBEDDING_BQ, CATEGORY, USER_ID, TITLE);
        for (int i = 0; i < ROWS; i++) {
            insert = insert.values((long) i, vectors[i], int8(vectors[i]), bits(vectors[i]), category(i), userId(i), "title " + i);
        }
        insert.execute();
    }

    @AfterEach
    void close() throws Exception {
        db.close();
    }

    private static String category(int i) {
        return CATEGORIES[i % 3];
    }

    private static long userId(int i) {
        return i % 2;
    }

    /** A crude int8 image of v (not sqlite-vec's quantizer): what matters is that the KNN over it matches Java. */
    private static byte[] int8(float[] v) {
        byte[] q = new byte[v.length];
        for (int i = 0; i < v.length; i++) {
            q[i] = (byte) Math.max(-128, Math.min(127, Math.round(v[i] * 100)));
        }
        return q;
    }

    private static boolean[] bits(float[] v) {
        boolean[] b = new boolean[v.length];
        for (int i = 0; i < v.length; i++) {
            b[i] = v[i] > 0;
        }
        return b;
    }

    private List<Long> bruteForce(int k, IntPredicate filter, java.util.function.IntToDoubleFunction distance) {
        return IntStream.range(0, ROWS).filter(filter).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> distance.applyAsDouble(i)).thenComparing(i -> i))
                .limit(k).map(Integer::longValue).collect(Collectors.toList());
    }

    private List<Long> bruteForceL2(int k, IntPredicate filter) {
        return bruteForce(k, filter, i -> Vectors.l2(vectors[i], query));
    }

    @Test
    void knnReturnsTheKNearestRowsInDistanceOrderWithTheirDistances() {
        var rows = db.ctx.select(ID, distance(DOCS)).from(DOCS).where(knn(EMBEDDING, query).k(5)).orderBy(distance(DOCS)).fetch();

        assertEquals(bruteForceL2(5, i -> true), rows.getValues(ID));
        for (var row : rows) {
            assertEquals(Vectors.l2(vectors[row.value1().intValue()], query), row.value2(), 1e-5);
        }
    }

    @Test
    void theRenderedSqlIsWhatAnSqliteVecExpertWouldWrite() {
        var sql = TestDatabase.sql(select(ID, distance(DOCS)).from(DOCS)
                .where(knn(EMBEDDING, query).k(10).and(CATEGORY.eq("news")))
                .orderBy(distance(DOCS)));

        assertEquals("select docs.id, docs.distance from docs where (docs.embedding match ? and docs.k = ? and docs.category = ?)"
                + " order by docs.distance", sql);
    }

    @Test
    void metadataFiltersApplyInsideTheKnnSoKRowsOfThatCategoryComeBack() {
        var ids = db.ctx.select(ID).from(DOCS).where(knn(EMBEDDING, query).k(5).and(CATEGORY.eq("news"))).orderBy(distance(DOCS)).fetch(ID);

        assertEquals(bruteForceL2(5, i -> category(i).equals("news")), ids);
    }

    @Test
    void metadataInListsAndPartitionKeysCompose() {
        var ids = db.ctx.select(ID).from(DOCS)
                .where(knn(EMBEDDING, query).k(4).and(USER_ID.eq(1L)).and(CATEGORY.in("blog", "docs")))
                .orderBy(distance(DOCS)).fetch(ID);

        assertEquals(bruteForceL2(4, i -> userId(i) == 1 && !category(i).equals("news")), ids);
    }

    @Test
    void distanceConstraintsKeepOnlyRowsWithinTheRadius() {
        List<Long> nearest = bruteForceL2(20, i -> true);
        double radius = Vectors.l2(vectors[nearest.get(6).intValue()], query);

        var ids = db.ctx.select(ID).from(DOCS).where(knn(EMBEDDING, query).k(20).and(distance(DOCS).lt(radius))).orderBy(distance(DOCS)).fetch(ID);

        assertEquals(nearest.subList(0, 6), ids);
    }

    @Test
    void int8ColumnsAreSearchedWithAnInt8QueryVector() {
        byte[] q = int8(query);
        var rows = db.ctx.select(ID, distance(DOCS)).from(DOCS).where(knn(EMBEDDING_I8, q).k(5)).orderBy(distance(DOCS)).fetch();

        java.util.function.IntToDoubleFunction int8L2 = i -> {
            byte[] v = int8(vectors[i]);
            double sum = 0;
            for (int d = 0; d < DIMS; d++) {
                sum += (double) (v[d] - q[d]) * (v[d] - q[d]);
            }
            return Math.sqrt(sum);
        };
        // vec0 allows no tie-breaking order beside "order by distance", so compare distances, not ids.
        List<Double> expected = bruteForce(5, i -> true, int8L2).stream().map(i -> int8L2.applyAsDouble(i.intValue())).collect(Collectors.toList());
        List<Double> actual = rows.getValues(distance(DOCS));
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i), actual.get(i), 1e-4);
            assertEquals(int8L2.applyAsDouble(rows.get(i).value1().intValue()), actual.get(i), 1e-4);
        }
        assertTrue(TestDatabase.sql(knn(EMBEDDING_I8, q).k(5)).contains("docs.embedding_i8 match vec_int8(?)"));
    }

    @Test
    void bitColumnsAreSearchedByHammingDistance() {
        boolean[] q = bits(query);
        var rows = db.ctx.select(ID, distance(DOCS)).from(DOCS).where(knn(EMBEDDING_BQ, q).k(8)).orderBy(distance(DOCS)).fetch();

        java.util.function.IntToDoubleFunction hamming = i -> {
            boolean[] v = bits(vectors[i]);
            int differing = 0;
            for (int d = 0; d < DIMS; d++) {
                differing += v[d] != q[d] ? 1 : 0;
            }
            return differing;
        };
        List<Double> expected = bruteForce(8, i -> true, hamming).stream().map(i -> hamming.applyAsDouble(i.intValue())).collect(Collectors.toList());
        assertEquals(expected, rows.getValues(distance(DOCS)));
        for (var row : rows) {
            assertEquals(hamming.applyAsDouble(row.value1().intValue()), row.value2(), 1e-9);
        }
    }

    @Test
    void theQueryVectorCanBeAScalarSubqueryOnTheSameTable() {
        var source = DOCS.as("source");
        Field<float[]> sourceEmbedding = field(name("source", "embedding"), SqliteVecDataTypes.float32(DIMS));
        Field<Long> sourceId = field(name("source", "id"), SQLDataType.BIGINT);
        var ids = db.ctx.select(ID).from(DOCS)
                .where(knn(EMBEDDING, select(sourceEmbedding).from(source).where(sourceId.eq(17L)).<float[]>asField()).k(3))
                .orderBy(distance(DOCS)).fetch(ID);

        assertEquals(17L, ids.get(0));
        assertEquals(bruteForce(3, i -> true, i -> Vectors.l2(vectors[i], vectors[17])), ids);
    }

    @Test
    void knnOnAnAliasedTableJoinsOtherTablesUnambiguously() {
        db.ctx.execute("create table users(id integer primary key, name text)");
        db.ctx.execute("insert into users values (0, 'even'), (1, 'odd')");
        Table<Record> users = table(name("users"));
        Table<Record> d = DOCS.as("d");
        Field<Long> dId = field(name("d", "id"), SQLDataType.BIGINT);
        Field<float[]> dEmbedding = field(name("d", "embedding"), SqliteVecDataTypes.float32(DIMS));
        Field<String> userName = field(name("users", "name"), SQLDataType.VARCHAR);

        var rows = db.ctx.select(dId, userName).from(d)
                .join(users).on(field(name("users", "id"), SQLDataType.BIGINT).eq(field(name("d", "user_id"), SQLDataType.BIGINT)))
                .where(knn(dEmbedding, query).k(3))
                .orderBy(distance(d)).fetch();

        assertEquals(bruteForceL2(3, i -> true), rows.getValues(dId));
        for (var row : rows) {
            assertEquals(row.value1() % 2 == 0 ? "even" : "odd", row.value2());
        }
        assertTrue(TestDatabase.sql(knn(dEmbedding, query).k(3)).contains("d.embedding match ? and d.k = ?"));
    }

    @Test
    void matchAloneWorksWithLimitInsteadOfK() {
        var ids = db.ctx.select(ID).from(DOCS).where(knn(EMBEDDING, query).match()).orderBy(distance(DOCS)).limit(4).fetch(ID);

        assertEquals(bruteForceL2(4, i -> true), ids);
    }

    @Test
    void auxiliaryColumnsAreReturnedButCannotFilterAKnn() {
        var titles = db.ctx.select(TITLE).from(DOCS).where(knn(EMBEDDING, query).k(2)).orderBy(distance(DOCS)).fetch(TITLE);
        assertEquals(bruteForceL2(2, i -> true).stream().map(i -> "title " + i).collect(Collectors.toList()), titles);

        DataAccessException error = assertThrows(DataAccessException.class, () ->
                db.ctx.select(ID).from(DOCS).where(knn(EMBEDDING, query).k(2).and(TITLE.eq("title 1"))).fetch());
        assertTrue(error.getMessage().contains("auxiliary column"), error.getMessage());
    }

    @Test
    void kBelowOneIsRejectedBeforeSqlIsSent() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> knn(EMBEDDING, query).k(0));

        assertTrue(error.getMessage().contains("k = 0"), error.getMessage());
    }
}
