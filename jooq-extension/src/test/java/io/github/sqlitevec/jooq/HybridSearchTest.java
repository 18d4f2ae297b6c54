package io.github.sqlitevec.jooq;

import io.github.sqlitevec.jdbc.schema.VectorElementType;

import static io.github.sqlitevec.jooq.SqliteVecDSL.hybridSearch;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.SQLDataType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hybrid search checked against Java: vector ranks by brute force, full-text ranks from FTS5's
 * own BM25 order (queried separately), fused in Java by reciprocal rank.
 */
class HybridSearchTest {

    private static final int ROWS = 120;
    private static final int DIMS = 16;
    private static final String[] WORDS = {"sqlite", "vector", "search", "java", "jooq", "index", "query", "table",
        "embedding", "fast", "local", "file", "model", "text", "rank", "fusion"};

    private static final Table<Record> DOCS = table(name("docs"));
    private static final Table<Record> DOCS_FTS = table(name("docs_fts"));
    private static final Field<Long> ID = field(name("docs", "id"), SQLDataType.BIGINT);
    private static final Field<float[]> EMBEDDING = field(name("docs", "embedding"), SqliteVecDataTypes.float32(DIMS));
    private static final Field<Long> USER_ID = field(name("docs", "user_id"), SQLDataType.BIGINT);

    private final float[][] vectors = Vectors.random(ROWS, DIMS, 11);
    private final float[] query = Vectors.random(1, DIMS, 12)[0];

    @TempDir
    Path dir;
    TestDatabase db;

    @BeforeEach
    void open() throws Exception {
        db = TestDatabase.open(dir);
        db.ctx.execute(SqliteVecDSL.createVec0Table("docs").primaryKey("id").vector("embedding", VectorElementType.FLOAT32, DIMS)
                .partitionKey("user_id", SQLDataType.BIGINT).toQuery());
        db.ctx.execute("create virtual table docs_fts using fts5(body)");
        Random random = new Random(3);
        var insert = db.ctx.insertInto(DOCS, ID, EMBEDDING, USER_ID);
        var text = db.ctx.insertInto(DOCS_FTS, field(name("rowid"), SQLDataType.BIGINT), field(name("body"), SQLDataType.VARCHAR));
        for (int i = 0; i < ROWS; i++) {
            insert = insert.values((long) i, vectors[i], (long) (i % 3));
            text = text.values((long) i, IntStream.range(0, 4 + random.nextInt(12)).mapToObj(w -> WORDS[random.nextInt(WORDS.length)])
                    .collect(Collectors.joining(" ")));
        }
        insert.execute();
        text.execute();
    }

    @AfterEach
    void close() throws Exception {
        db.close();
    }

    private List<Long> vectorRanking(int n, java.util.function.IntPredicate filter) {
        return IntStream.range(0, ROWS).filter(filter).boxed()
                .sorted(Comparator.comparingDouble(i -> Vectors.l2(vectors[i], query)))
                .limit(n).map(Integer::longValue).collect(Collectors.toList());
    }

    private List<Long> fullTextRanking(String match, int n) {
        return db.ctx.fetchValues("select rowid from docs_fts where docs_fts match ? order by rank, rowid limit ?", match, n)
                .stream().map(v -> ((Number) v).longValue()).collect(Collectors.toList());
    }

    /** Reciprocal-rank fusion in Java: the reference the single SQL query must match. */
    private static List<Map.Entry<Long, Double>> fuse(List<Long> fullText, List<Long> vector, int rrfK, double wText, double wVector, int k) {
        Map<Long, Double> scores = new LinkedHashMap<>();
        for (int r = 0; r < vector.size(); r++) {
            scores.merge(vector.get(r), wVector / (rrfK + r + 1), Double::sum);
        }
        for (int r = 0; r < fullText.size(); r++) {
            scores.merge(fullText.get(r), wText / (rrfK + r + 1), Double::sum);
        }
        List<Map.Entry<Long, Double>> ranked = new ArrayList<>(scores.entrySet());
        ranked.sort(Map.Entry.<Long, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        return ranked.subList(0, Math.min(k, ranked.size()));
    }

    private void assertMatches(List<Map.Entry<Long, Double>> expected, org.jooq.Result<org.jooq.Record2<Long, Double>> actual) {
        assertEquals(expected.stream().map(Map.Entry::getKey).collect(Collectors.toList()), actual.getValues(0, Long.class));
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i).getValue(), actual.get(i).value2(), 1e-12);
        }
    }

    @Test
    void fusesBm25AndVectorRanksExactlyAsReciprocalRankFusionInJava() {
        var actual = db.ctx.fetch(hybridSearch(DOCS_FTS, "vector OR sqlite", ID, EMBEDDING, query).candidates(20).k(10));

        var expected = fuse(fullTextRanking("vector OR sqlite", 20), vectorRanking(20, i -> true), 60, 1, 1, 10);
        assertMatches(expected, actual);
        assertTrue(actual.size() == 10);
    }

    @Test
    void weightsAndTheRrfConstantChangeTheFusion() {
        var actual = db.ctx.fetch(hybridSearch(DOCS_FTS, "jooq", ID, EMBEDDING, query).candidates(15).rrfK(5).weights(2.0, 0.5).k(8));

        assertMatches(fuse(fullTextRanking("jooq", 15), vectorRanking(15, i -> true), 5, 2.0, 0.5, 8), actual);
    }

    @Test
    void rowsFoundByOnlyOneListStillRank() {
        // A term no document has: the fusion is the vector ranking alone.
        var actual = db.ctx.fetch(hybridSearch(DOCS_FTS, "nonexistentterm", ID, EMBEDDING, query).candidates(6).k(6));

        assertEquals(vectorRanking(6, i -> true), actual.getValues(0, Long.class));
    }

    @Test
    void vectorFiltersRestrictTheKnnSide() {
        var actual = db.ctx.fetch(hybridSearch(DOCS_FTS, "fusion", ID, EMBEDDING, query).vectorFilter(USER_ID.eq(2L)).candidates(10).k(10));

        assertMatches(fuse(fullTextRanking("fusion", 10), vectorRanking(10, i -> i % 3 == 2), 60, 1, 1, 10), actual);
    }

    @Test
    void theRecipeIsOneSelectThatRendersTwoCtesAndAUnion() {
        String sql = TestDatabase.sql(hybridSearch(DOCS_FTS, "sqlite", ID, EMBEDDING, query).candidates(20).k(5));

        assertTrue(sql.startsWith("with vec_matches as (select docs.id as rowid, row_number() over (order by docs.distance) as rank_number from docs "
                + "where (docs.embedding match ? and docs.k = ?)), fts_matches as (select docs_fts.rowid, row_number() over (order by docs_fts.rank, docs_fts.rowid) as rank_number "
                + "from docs_fts where docs_fts match ? order by docs_fts.rank, docs_fts.rowid limit ?) select fused.rowid, sum(fused.score) as score from ("), sql);
        assertTrue(sql.endsWith(") as fused group by fused.rowid order by score desc, fused.rowid asc limit ?"), sql);
    }

    @Test
    void invalidParametersAreRejectedBeforeSqlIsSent() {
        assertThrows(IllegalArgumentException.class, () -> hybridSearch(DOCS_FTS, " ", ID, EMBEDDING, query));
        assertThrows(IllegalArgumentException.class, () -> hybridSearch(DOCS_FTS, "x", ID, EMBEDDING, query).candidates(5000));
        assertThrows(IllegalArgumentException.class, () -> hybridSearch(DOCS_FTS, "x", ID, EMBEDDING, query).weights(0, 0));
        assertThrows(IllegalArgumentException.class, () -> hybridSearch(DOCS_FTS, "x", ID, EMBEDDING, query).k(0));
    }
}
