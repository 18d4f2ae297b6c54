package io.github.sqlitevec.springai;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sqlitevec.jdbc.SqliteVecDataSource;
import io.github.sqlitevec.migrate.Main;
import io.github.sqlitevec.testing.postgres.PostgresTestServer;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.ai.document.Document;
import org.springframework.ai.vectorstore.SearchRequest;
import org.springframework.ai.vectorstore.VectorStore;
import org.springframework.ai.vectorstore.pgvector.PgVectorStore;
import org.springframework.ai.vectorstore.pgvector.PgVectorStore.PgIndexType;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Moving on: documents indexed here, {@code sqlitevec-migrate --spring-ai-store vector_store} into the live PostgreSQL,
 * and Spring AI's own {@code PgVectorStore} (swapped in, same table name) answers the same: same ids in the same
 * order, scores within 1e-5, same text and metadata.
 */
class MigrateToPgVectorStoreTest {

    @TempDir
    Path dir;

    @Test
    void pgVectorStoreAnswersLikeOurStoreAfterTheMigration() {
        SqliteVecDataSource ds = new SqliteVecDataSource();
        ds.setUrl("jdbc:sqlitevec:" + dir.resolve("app.db"));
        VectorStore ours = SqliteVecVectorStore.builder(new JdbcTemplate(ds), MiniLmEmbeddingModel.INSTANCE).initializeSchema(true).build();
        ours.add(PgVectorStoreDifferentialTest.documents());
        ours.add(List.of(new Document("A note with nothing but text."),
                new Document("5e1c7a0e-0000-4000-8000-0000000000b1", "Lisbon and Porto are cities of Portugal.",
                        Map.of("tags", List.of("cities", "PT"), "sizes", Map.of("Lisbon", 545_000, "Porto", 232_000)))));

        PostgresTestServer pg = PostgresTestServer.shared();
        String url = pg.createDatabase("springai_migrate");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = Main.run(new String[] {"--from", "jdbc:sqlitevec:" + dir.resolve("app.db"), "--to", url, "--spring-ai-store", "vector_store"},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(out, true, StandardCharsets.UTF_8), false);
        assertThat(code).as(out.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("as Spring AI PgVectorStore table vector_store");

        VectorStore theirs = PgVectorStore.builder(new JdbcTemplate(pg.dataSource("springai_migrate")), MiniLmEmbeddingModel.INSTANCE)
                .dimensions(384).indexType(PgIndexType.NONE).initializeSchema(false).build();
        for (String filter : new String[] {null, "country == 'BG'", "year >= 2000 && topic != 'food'", "tags == 'PT'"}) {
            SearchRequest.Builder b = SearchRequest.builder().query("cities of Europe").topK(10).similarityThresholdAll();
            SearchRequest request = filter == null ? b.build() : b.filterExpression(filter).build();
            List<Document> mine = ours.similaritySearch(request);
            List<Document> migrated = theirs.similaritySearch(request);
            assertThat(migrated).extracting(Document::getId).isEqualTo(mine.stream().map(Document::getId).toList());
            for (int i = 0; i < mine.size(); i++) {
                assertThat(migrated.get(i).getScore()).isCloseTo(mine.get(i).getScore(), Offset.offset(1e-5));
                assertThat(migrated.get(i).getText()).isEqualTo(mine.get(i).getText());
                Map<String, Object> expected = new java.util.HashMap<>(mine.get(i).getMetadata());
                Map<String, Object> actual = new java.util.HashMap<>(migrated.get(i).getMetadata());
                expected.remove("distance");
                actual.remove("distance");
                assertThat(actual).isEqualTo(expected);
            }
        }
        // The list arrived as a JSON array: PgVectorStore's filter finds its element.
        assertThat(theirs.similaritySearch(SearchRequest.builder().query("Portugal").topK(10).similarityThresholdAll()
                .filterExpression("tags == 'PT'").build())).extracting(Document::getId)
                .containsExactly("5e1c7a0e-0000-4000-8000-0000000000b1");
    }
}
