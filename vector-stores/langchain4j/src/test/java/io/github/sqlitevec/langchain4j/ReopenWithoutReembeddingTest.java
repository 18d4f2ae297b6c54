package io.github.sqlitevec.langchain4j;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.langchain4j.data.document.loader.FileSystemDocumentLoader;
import dev.langchain4j.data.document.splitter.DocumentSplitters;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.store.embedding.EmbeddingMatch;
import dev.langchain4j.store.embedding.EmbeddingSearchRequest;
import dev.langchain4j.store.embedding.EmbeddingStoreIngestor;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Persistence is the point: index, close everything, reopen the file in a new store, search — nothing re-embedded. */
class ReopenWithoutReembeddingTest {

    @TempDir
    Path dir;

    @Test
    void aReopenedFileAnswersWithTheSameSegmentsAndEmbedsOnlyTheQuery() {
        Path file = dir.resolve("notes.db");
        CountingEmbeddingModel model = new CountingEmbeddingModel(TestStores.MODEL);
        List<EmbeddingMatch<TextSegment>> before;

        try (HikariDataSource pool = pool(file)) {
            SqliteVecEmbeddingStore store = TestStores.open(pool, "notes");
            EmbeddingStoreIngestor.builder()
                    .documentSplitter(DocumentSplitters.recursive(300, 0))
                    .embeddingModel(model)
                    .embeddingStore(store)
                    .build()
                    .ingest(FileSystemDocumentLoader.loadDocuments(Notes.writeTo(dir.resolve("notes"))));
            before = store.search(query(model, "bike tyre pressure")).matches();
        }
        assertThat(model.embeddedTexts()).isEqualTo(Notes.FILES.size() + 1);

        try (HikariDataSource pool = pool(file)) {
            SqliteVecEmbeddingStore reopened = SqliteVecEmbeddingStore.builder()
                    .dataSource(pool)
                    .table("notes")
                    .dimension(TestStores.DIMENSION)
                    .createTable(false)
                    .build();
            List<EmbeddingMatch<TextSegment>> after = reopened.search(query(model, "bike tyre pressure")).matches();

            assertThat(model.embeddedTexts()).as("only the new query was embedded").isEqualTo(Notes.FILES.size() + 2);
            assertThat(after).hasSize(Notes.FILES.size());
            assertThat(after.get(0).embedded().text()).isEqualTo(Notes.BIKE);
            assertThat(after.get(0).embedded().metadata().getString("file_name")).isEqualTo("bike.txt");
            for (int i = 0; i < after.size(); i++) {
                assertThat(after.get(i).embeddingId()).isEqualTo(before.get(i).embeddingId());
                assertThat(after.get(i).embedded()).isEqualTo(before.get(i).embedded());
                assertThat(after.get(i).embedding()).isEqualTo(before.get(i).embedding());
                assertThat(after.get(i).score()).isEqualTo(before.get(i).score());
            }
        }
    }

    private static EmbeddingSearchRequest query(CountingEmbeddingModel model, String text) {
        return EmbeddingSearchRequest.builder()
                .queryEmbedding(model.embed(text).content())
                .maxResults(10)
                .build();
    }

    private static HikariDataSource pool(Path file) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:sqlitevec:" + file);
        config.setMaximumPoolSize(2);
        return new HikariDataSource(config);
    }
}
