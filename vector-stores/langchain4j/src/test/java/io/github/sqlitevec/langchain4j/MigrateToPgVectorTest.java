package io.github.sqlitevec.langchain4j;

import static dev.langchain4j.store.embedding.filter.MetadataFilterBuilder.metadataKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.data.document.Metadata;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.store.embedding.EmbeddingMatch;
import dev.langchain4j.store.embedding.EmbeddingSearchRequest;
import dev.langchain4j.store.embedding.filter.Filter;
import io.github.sqlitevec.migrate.Main;
import io.github.sqlitevec.testing.postgres.PostgresTestServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Moving on: index here, run {@code sqlitevec-migrate --langchain4j-store}, and PostgreSQL + pgvector answers with the
 * same entries in LangChain4j's {@code PgVectorEmbeddingStore} schema.
 *
 * <p>{@code langchain4j-pgvector} is not served here at a version that matches LangChain4j 1.19.0 (1.11.0-beta19 is
 * the newest), so the PostgreSQL side runs the SQL that {@code PgVectorEmbeddingStore} 1.x runs for a search with
 * {@code COMBINED_JSON} metadata — {@code (2 - (embedding <=> q)) / 2} as the score, {@code ORDER BY embedding <=> q},
 * {@code metadata->>'key'} comparisons with casts — and parses the metadata JSON as it does (Jackson into a map).
 */
class MigrateToPgVectorTest {

    private static final String[] TOPICS = {"garden", "bike", "kitchen", "taxes"};

    @TempDir
    Path dir;

    @Test
    void pgvectorAnswersWithTheSameEntriesScoresAndMetadata() throws Exception {
        Path file = dir.resolve("store.db");
        SqliteVecEmbeddingStore store = TestStores.open(TestStores.dataSource(file), "embeddings");
        UUID owner = UUID.randomUUID();
        for (int i = 0; i < 24; i++) {
            String topic = TOPICS[i % TOPICS.length];
            String text = "Note " + i + " about the " + topic + (i % 3 == 0 ? ", with \"quotes\" and a backslash \\" : "");
            Metadata metadata = new Metadata()
                    .put("topic", topic)
                    .put("year", 2015 + i)
                    .put("stamp", 1746714878034235396L + i)
                    .put("ratio", i / 4.0f)
                    .put("weight", i * 1.23456789d)
                    .put("owner", owner);
            store.add(TestStores.MODEL.embed(text).content(), TextSegment.from(text, metadata));
        }
        String bare = store.add(TestStores.MODEL.embed("an entry without a segment").content());

        String url = PostgresTestServer.shared().createDatabase("langchain4j_to_pgvector");
        Run run = migrate("--from", "jdbc:sqlitevec:" + file, "--to", url, "--langchain4j-store", "embeddings");
        assertThat(run.code).as(run.err).isZero();
        assertThat(run.out).contains("copied 25 entries of store collection embeddings");

        try (Connection pg = DriverManager.getConnection(url)) {
            for (String question : new String[] {"Where do tomatoes grow?", "When is the tax deadline?"}) {
                Embedding query = TestStores.MODEL.embed(question).content();
                assertSame(store, pg, query, null, null);
                assertSame(store, pg, query, metadataKey("topic").isEqualTo("bike"), "metadata->>'topic' = 'bike'");
                assertSame(store, pg, query, metadataKey("year").isGreaterThanOrEqualTo(2030),
                        "(metadata->>'year')::int >= 2030");
            }
            List<PgMatch> bareMatch = pgSearch(pg, TestStores.MODEL.embed("an entry without a segment").content(), null, 1);
            assertThat(bareMatch).singleElement().satisfies(m -> {
                assertThat(m.id).isEqualTo(bare);
                assertThat(m.text).isNull();
                assertThat(m.metadataJson).isNull();
            });
        }
    }

    @Test
    void idsThatAreNotUuidsAreNamedAndNothingIsWritten() throws Exception {
        Path file = dir.resolve("named-ids.db");
        SqliteVecEmbeddingStore store = TestStores.open(TestStores.dataSource(file), "embeddings");
        store.add("note-1", TestStores.MODEL.embed("hello").content());

        String url = PostgresTestServer.shared().createDatabase("langchain4j_named_ids");
        Run run = migrate("--from", "jdbc:sqlitevec:" + file, "--to", url, "--langchain4j-store", "embeddings");

        assertThat(run.code).isEqualTo(2);
        assertThat(run.err).contains("has the id 'note-1', which is not a UUID").contains("Nothing was written");
        try (Connection pg = DriverManager.getConnection(url);
                ResultSet rs = pg.createStatement().executeQuery(
                        "select count(*) from information_schema.tables where table_name = 'embeddings'")) {
            rs.next();
            assertThat(rs.getInt(1)).isZero();
        }
    }

    private static void assertSame(SqliteVecEmbeddingStore store, Connection pg, Embedding query, Filter filter,
            String pgWhere) throws Exception {
        List<EmbeddingMatch<TextSegment>> ours = store.search(
                        EmbeddingSearchRequest.builder().queryEmbedding(query).filter(filter).maxResults(8).build())
                .matches();
        List<PgMatch> theirs = pgSearch(pg, query, pgWhere, 8);
        assertThat(ours).isNotEmpty().hasSameSizeAs(theirs);
        for (int i = 0; i < ours.size(); i++) {
            EmbeddingMatch<TextSegment> a = ours.get(i);
            PgMatch b = theirs.get(i);
            assertThat(b.id).isEqualTo(a.embeddingId());
            assertThat(b.score).isCloseTo(a.score(), within(1e-6));
            assertThat(b.text).isEqualTo(a.embedded().text());
            Metadata expected = a.embedded().metadata();
            // what PgVectorEmbeddingStore does with COMBINED_JSON: Jackson map -> Metadata
            Metadata actual = Metadata.from(new ObjectMapper().readValue(b.metadataJson, Map.class));
            assertThat(actual.getString("topic")).isEqualTo(expected.getString("topic"));
            assertThat(actual.getInteger("year")).isEqualTo(expected.getInteger("year"));
            assertThat(actual.getLong("stamp")).isEqualTo(expected.getLong("stamp"));
            assertThat(actual.getFloat("ratio")).isEqualTo(expected.getFloat("ratio"));
            assertThat(actual.getDouble("weight")).isEqualTo(expected.getDouble("weight"));
            assertThat(actual.getUUID("owner")).isEqualTo(expected.getUUID("owner"));
        }
    }

    private record PgMatch(String id, double score, String text, String metadataJson) {}

    private static List<PgMatch> pgSearch(Connection pg, Embedding query, String where, int limit) throws SQLException {
        String vector = java.util.Arrays.toString(query.vector());
        String sql = "select (2 - (embedding <=> ?::vector)) / 2 as score, embedding_id, text, metadata from embeddings"
                + (where == null ? "" : " where " + where) + " order by embedding <=> ?::vector limit ?";
        List<PgMatch> matches = new ArrayList<>();
        try (PreparedStatement ps = pg.prepareStatement(sql)) {
            ps.setString(1, vector);
            ps.setString(2, vector);
            ps.setInt(3, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    matches.add(new PgMatch(rs.getString(2), rs.getDouble(1), rs.getString(3), rs.getString(4)));
                }
            }
        }
        return matches;
    }

    private record Run(int code, String out, String err) {}

    private static Run migrate(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), false);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
