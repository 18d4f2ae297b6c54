package io.github.sqlitevec.springai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sqlitevec.jdbc.SqliteVecDataSource;
import io.github.sqlitevec.springai.SqliteVecVectorStore.SqliteVecDistanceType;
import io.github.sqlitevec.testing.postgres.PostgresTestServer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.springframework.ai.document.Document;
import org.springframework.ai.vectorstore.SearchRequest;
import org.springframework.ai.vectorstore.VectorStore;
import org.springframework.ai.vectorstore.filter.FilterExpressionBuilder;
import org.springframework.ai.vectorstore.pgvector.PgVectorStore;
import org.springframework.ai.vectorstore.pgvector.PgVectorStore.PgDistanceType;
import org.springframework.ai.vectorstore.pgvector.PgVectorStore.PgIndexType;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The cases Spring AI's own store ITs run, each against our store and against Spring AI's {@code PgVectorStore}
 * on the live PostgreSQL 18 + pgvector, with the same documents and the real MiniLM model: the same documents
 * come back in the same order with the same scores. Tolerance: {@value #SCORE_TOLERANCE} on the score, since
 * sqlite-vec computes distances in float32 and pgvector in double before both round to float.
 */
class PgVectorStoreDifferentialTest {

    static final double SCORE_TOLERANCE = 1e-5;
    static final int DIMENSIONS = 384;

    static DataSource postgres;

    @TempDir
    Path dir;

    @BeforeAll
    static void database() {
        PostgresTestServer pg = PostgresTestServer.shared();
        pg.createDatabase("springai_differential");
        postgres = pg.dataSource("springai_differential");
    }

    /** Both stores, emptied, with the same distance type. */
    record Pair(VectorStore ours, VectorStore theirs) {
    }

    Pair stores(SqliteVecDistanceType ours, PgDistanceType theirs) {
        SqliteVecDataSource ds = new SqliteVecDataSource();
        ds.setUrl("jdbc:sqlitevec:" + dir.resolve("diff-" + ours + ".db"));
        VectorStore sqlite = SqliteVecVectorStore.builder(new JdbcTemplate(ds), MiniLmEmbeddingModel.INSTANCE)
                .distanceType(ours).initializeSchema(true).build();
        JdbcTemplate pgJdbc = new JdbcTemplate(postgres);
        // PgVectorStore's initializeSchema wants the hstore and uuid-ossp extensions, which this build lacks.
        pgJdbc.execute("DROP TABLE IF EXISTS public.vector_store");
        pgJdbc.execute("CREATE TABLE public.vector_store (id uuid DEFAULT gen_random_uuid() PRIMARY KEY, content text, "
                + "metadata json, embedding vector(" + DIMENSIONS + "))");
        VectorStore pgStore = PgVectorStore.builder(pgJdbc, MiniLmEmbeddingModel.INSTANCE).dimensions(DIMENSIONS)
                .distanceType(theirs).indexType(PgIndexType.NONE).initializeSchema(false).build();
        return new Pair(sqlite, pgStore);
    }

    Pair cosine() {
        return stores(SqliteVecDistanceType.COSINE, PgDistanceType.COSINE_DISTANCE);
    }

    static List<Document> documents() {
        return List.of(
                doc("5e1c7a0e-0000-4000-8000-000000000001", "The Berlin Wall fell in 1989 and Germany reunited a year later.",
                        Map.of("country", "DE", "year", 1989, "topic", "history")),
                doc("5e1c7a0e-0000-4000-8000-000000000002", "Bulgaria joined the European Union in 2007.",
                        Map.of("country", "BG", "year", 2007, "topic", "history")),
                doc("5e1c7a0e-0000-4000-8000-000000000003", "Amsterdam's canals were dug in the seventeenth century.",
                        Map.of("country", "NL", "year", 1613, "topic", "cities", "foo bar 1", "bar.foo")),
                doc("5e1c7a0e-0000-4000-8000-000000000004", "Sofia is the capital and largest city of Bulgaria.",
                        Map.of("country", "BG", "year", 2023, "topic", "cities")),
                doc("5e1c7a0e-0000-4000-8000-000000000005", "Sourdough bread needs flour, water, salt and patience.",
                        Map.of("topic", "food", "year", 2020)),
                doc("5e1c7a0e-0000-4000-8000-000000000006", "Munich hosts the Oktoberfest every autumn.",
                        Map.of("country", "DE", "year", 2024, "topic", "cities", "rating", 4.5)));
    }

    static Document doc(String id, String text, Map<String, Object> metadata) {
        return Document.builder().id(id).text(text).metadata(metadata).build();
    }

    /** Runs the same search on both and asserts the same ids, order and scores; returns our ids. */
    static List<String> assertSameResults(Pair p, SearchRequest request) {
        List<Document> ours = p.ours().similaritySearch(request);
        List<Document> theirs = p.theirs().similaritySearch(request);
        assertThat(ids(ours)).as("ids for %s", request).isEqualTo(ids(theirs));
        for (int i = 0; i < ours.size(); i++) {
            assertThat(ours.get(i).getScore()).as("score of %s", ours.get(i).getId())
                    .isCloseTo(theirs.get(i).getScore(), org.assertj.core.data.Offset.offset(SCORE_TOLERANCE));
            assertThat(((Number) ours.get(i).getMetadata().get("distance")).doubleValue())
                    .isCloseTo(((Number) theirs.get(i).getMetadata().get("distance")).doubleValue(),
                            org.assertj.core.data.Offset.offset(SCORE_TOLERANCE));
            assertThat(ours.get(i).getText()).isEqualTo(theirs.get(i).getText());
        }
        return ids(ours);
    }

    static List<String> ids(List<Document> documents) {
        return documents.stream().map(Document::getId).toList();
    }

    static void addToBoth(Pair p, List<Document> documents) {
        p.ours().add(documents);
        p.theirs().add(documents);
    }

    static SearchRequest query(String text, int topK, String filter) {
        SearchRequest.Builder b = SearchRequest.builder().query(text).topK(topK).similarityThresholdAll();
        return filter == null ? b.build() : b.filterExpression(filter).build();
    }

    @ParameterizedTest
    @EnumSource(names = {"COSINE", "EUCLIDEAN"})
    void addAndSearchForEachDistanceTypeAgreeWithPgVector(SqliteVecDistanceType type) {
        Pair p = stores(type, type == SqliteVecDistanceType.COSINE ? PgDistanceType.COSINE_DISTANCE : PgDistanceType.EUCLIDEAN_DISTANCE);
        addToBoth(p, documents());
        // Both keep distances below 1 - threshold, also for EUCLIDEAN (PgVectorStore's rule): close texts only.
        List<String> ids = assertSameResults(p, query("Sofia is the capital of Bulgaria", 3, null));
        assertThat(ids).isNotEmpty();
        assertSameResults(p, query("German history", 6, null));
    }

    @Test
    void inAndNinFiltersAgree() {
        Pair p = cosine();
        addToBoth(p, documents());
        assertThat(assertSameResults(p, query("European countries", 10, "country in ['BG', 'NL']"))).hasSize(3);
        // nin also matches the document without a country, as in PgVectorStore.
        assertThat(assertSameResults(p, query("European countries", 10, "country nin ['BG', 'NL']"))).hasSize(3);
        assertSameResults(p, query("European countries", 10, "year in [1989, 2023]"));
    }

    @Test
    void andOrNotGroupsAgree() {
        Pair p = cosine();
        addToBoth(p, documents());
        assertSameResults(p, query("cities", 10, "country == 'BG' && year >= 2020"));
        assertSameResults(p, query("cities", 10, "(country == 'DE' || country == 'NL') && topic == 'cities'"));
        assertSameResults(p, query("cities", 10, "NOT (country == 'DE')"));
        assertSameResults(p, query("cities", 10, "NOT (country == 'DE' || year < 2000)"));
        assertSameResults(p, query("cities", 10, "year > 1700 && year <= 2020 || rating == 4.5"));
        FilterExpressionBuilder b = new FilterExpressionBuilder();
        assertSameResults(p, SearchRequest.builder().query("cities").topK(10).similarityThresholdAll()
                .filterExpression(b.and(b.eq("topic", "cities"), b.not(b.eq("country", "BG"))).build()).build());
    }

    @Test
    void missingKeysMatchNinButNotNotEqualNorNegatedEquality() {
        Pair p = cosine();
        addToBoth(p, documents());
        String bread = "5e1c7a0e-0000-4000-8000-000000000005";
        assertThat(assertSameResults(p, query("bread", 10, "country != 'DE'"))).doesNotContain(bread);
        // Spring AI rewrites NOT(a == b) to a != b before PgVectorStore renders it.
        assertThat(assertSameResults(p, query("bread", 10, "NOT (country == 'DE')"))).doesNotContain(bread);
        assertThat(assertSameResults(p, query("bread", 10, "country nin ['DE']"))).contains(bread);
        assertThat(assertSameResults(p, query("bread", 10, "NOT (country in ['DE'])"))).contains(bread);
    }

    @Test
    void comparisonsAcrossTypesAgree() {
        Pair p = cosine();
        addToBoth(p, documents());
        // jsonpath finds a number neither equal nor unequal to a string: no match, also under NOT.
        for (String filter : List.of("year != 'x'", "NOT (year == 'x')", "country != 5", "country == 5", "year > 'a'",
                "year != 2020 || country != 7")) {
            assertSameResults(p, query("European countries", 10, filter));
        }
        assertThat(assertSameResults(p, query("European countries", 10, "year != 2020 || country != 7"))).isNotEmpty();
        assertThat(assertSameResults(p, query("European countries", 10, "year != 'x'"))).isEmpty();
    }

    @Test
    void quotedKeysAgree() {
        Pair p = cosine();
        addToBoth(p, documents());
        assertThat(assertSameResults(p, query("canals", 10, "\"foo bar 1\" == 'bar.foo'"))).hasSize(1);
    }

    @Test
    void malformedFilterTextIsRefusedByBoth() {
        Pair p = cosine();
        for (VectorStore store : List.of(p.ours(), p.theirs())) {
            assertThatThrownBy(() -> store.similaritySearch(query("x", 3, "country == 'BG' &&"))).isInstanceOf(Exception.class);
        }
        // Both refuse before touching the data: ours with the parser's own exception type as PgVectorStore's.
        Exception ourError = catchFrom(() -> p.ours().similaritySearch(query("x", 3, "country == 'BG' &&")));
        Exception theirError = catchFrom(() -> p.theirs().similaritySearch(query("x", 3, "country == 'BG' &&")));
        assertThat(ourError.getClass()).isEqualTo(theirError.getClass());
    }

    static Exception catchFrom(Runnable r) {
        try {
            r.run();
        } catch (Exception e) {
            return e;
        }
        throw new AssertionError("no exception");
    }

    @Test
    void updatingADocumentByIdAgrees() {
        Pair p = cosine();
        addToBoth(p, documents());
        Document changed = doc("5e1c7a0e-0000-4000-8000-000000000005", "Rye bread is dense and dark.",
                Map.of("topic", "food", "year", 2025, "country", "DE"));
        addToBoth(p, List.of(changed));
        List<String> ids = assertSameResults(p, query("rye bread", 10, "country == 'DE'"));
        assertThat(ids).startsWith("5e1c7a0e-0000-4000-8000-000000000005");
        List<Document> ours = p.ours().similaritySearch(query("rye bread", 1, null));
        assertThat(ours.get(0).getText()).isEqualTo("Rye bread is dense and dark.");
        assertThat(ours.get(0).getMetadata()).containsEntry("year", 2025);
    }

    @Test
    void similarityThresholdBetweenTheTopTwoScoresAgrees() {
        Pair p = cosine();
        addToBoth(p, documents());
        List<Document> all = p.theirs().similaritySearch(query("Bulgaria", 6, null));
        double between = (all.get(0).getScore() + all.get(1).getScore()) / 2;
        List<String> ids = assertSameResults(p, SearchRequest.builder().query("Bulgaria").topK(6).similarityThreshold(between).build());
        assertThat(ids).containsExactly(all.get(0).getId());
    }

    @Test
    void deleteByFilterAndByIdsAgree() {
        Pair p = cosine();
        addToBoth(p, documents());
        for (VectorStore s : List.of(p.ours(), p.theirs())) {
            s.delete("topic == 'cities' && year > 2020");
            s.delete(List.of("5e1c7a0e-0000-4000-8000-000000000001"));
        }
        // Threshold "all" still drops distances >= 1 in both stores, so compare with a query close to what is left.
        assertThat(assertSameResults(p, query("Amsterdam canals, sourdough bread and Bulgaria", 10, null)))
                .doesNotContain("5e1c7a0e-0000-4000-8000-000000000001", "5e1c7a0e-0000-4000-8000-000000000004",
                        "5e1c7a0e-0000-4000-8000-000000000006")
                .isNotEmpty();
    }

    @Test
    void listAndMapMetadataComeBackAndFilterLikePgVector() {
        Pair p = cosine();
        addToBoth(p, List.of(
                doc("5e1c7a0e-0000-4000-8000-0000000000a1", "Rye bread with caraway seeds.",
                        Map.of("tags", List.of("bread", "rye"), "year", 1989)),
                doc("5e1c7a0e-0000-4000-8000-0000000000a2", "Wheat bread with a crisp crust.",
                        Map.of("tags", List.of("bread"), "scores", List.of(1, 2.5, List.of(3)))),
                doc("5e1c7a0e-0000-4000-8000-0000000000a3", "Flatbread baked on a hot stone.",
                        Map.of("tags", List.of(), "nested", Map.of("kind", "bread", "sizes", List.of(1, 2)))),
                doc("5e1c7a0e-0000-4000-8000-0000000000a4", "Sourdough bread needs patience.",
                        Map.of("tags", "bread", "flags", List.of(true, false)))));
        for (String filter : List.of("tags == 'bread'", "tags == 'rye'", "tags in ['rye', 'cake']", "tags != 'bread'",
                "tags nin ['bread']", "NOT (tags == 'bread')", "scores > 2", "scores == 1", "scores == 3", "scores in [2.5]",
                "nested == 'bread'", "flags == true", "tags == 'rye' || scores >= 2.5", "tags == 'bread' && year < 2000")) {
            assertSameResults(p, query("bread", 10, filter));
        }
        // Not vacuous: both find the list elements (two lists and the plain string).
        assertThat(assertSameResults(p, query("bread", 10, "tags == 'bread'"))).hasSize(3);
        assertThat(assertSameResults(p, query("bread", 10, "tags != 'bread'"))).containsExactly("5e1c7a0e-0000-4000-8000-0000000000a1");
        // The metadata itself: lists and maps come back as lists and maps, with the same element types.
        List<Document> ours = p.ours().similaritySearch(query("bread", 10, null));
        List<Document> theirs = p.theirs().similaritySearch(query("bread", 10, null));
        assertThat(ids(ours)).isEqualTo(ids(theirs)).hasSize(4);
        for (int i = 0; i < ours.size(); i++) {
            Map<String, Object> a = new java.util.HashMap<>(ours.get(i).getMetadata());
            Map<String, Object> b = new java.util.HashMap<>(theirs.get(i).getMetadata());
            a.remove("distance");
            b.remove("distance");
            assertThat(a).as("metadata of %s", ours.get(i).getId()).isEqualTo(b);
        }
    }

    static <T> List<T> collect(List<Document> docs, Function<Document, T> f) {
        List<T> out = new ArrayList<>();
        docs.forEach(d -> out.add(f.apply(d)));
        return out;
    }
}
