package io.github.sqlitevec.langchain4j;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.store.embedding.EmbeddingMatch;
import dev.langchain4j.store.embedding.EmbeddingSearchRequest;
import io.github.sqlitevec.store.DistanceMetric;
import io.github.sqlitevec.store.VectorCollection;
import io.github.sqlitevec.store.VectorDocument;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One file, one layout: what the store core (and so the Spring AI adapter) wrote, LangChain4j reads, and back. */
class SharedFileTest {

    @TempDir
    Path dir;

    @Test
    void documentsWrittenThroughTheCoreAreLangChain4jSegmentsWithTheirTypes() {
        DataSource dataSource = TestStores.dataSource(dir.resolve("shared.db"));
        VectorCollection core = VectorCollection.builder(dataSource)
                .table("vector_store")
                .dimensions(TestStores.DIMENSION)
                .metric(DistanceMetric.COSINE)
                .createTable(true)
                .build();
        UUID owner = UUID.randomUUID();
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("year", 2024);
        metadata.put("big", 1746714878034235396L);
        metadata.put("ratio", 0.25f);
        metadata.put("owner", owner);
        metadata.put("draft", true); // a Spring AI boolean: LangChain4j metadata has no booleans
        float[] vector = TestStores.MODEL.embed("Paris is in France").content().vector();
        core.upsert(new VectorDocument("doc-1", "Paris is in France", metadata, vector));

        SqliteVecEmbeddingStore store = SqliteVecEmbeddingStore.builder()
                .dataSource(dataSource)
                .dimension(TestStores.DIMENSION)
                .createTable(false)
                .build(); // default table: the core's and Spring AI's vector_store
        List<EmbeddingMatch<TextSegment>> matches = store.search(EmbeddingSearchRequest.builder()
                        .queryEmbedding(TestStores.MODEL.embed("Which country is Paris in?").content())
                        .build())
                .matches();

        assertThat(matches).singleElement().satisfies(match -> {
            assertThat(match.embeddingId()).isEqualTo("doc-1");
            Map<String, Object> read = match.embedded().metadata().toMap();
            assertThat(read).containsEntry("year", 2024).containsEntry("big", 1746714878034235396L)
                    .containsEntry("ratio", 0.25f).containsEntry("owner", owner).containsEntry("draft", "true");
        });

        store.removeAll(List.of("doc-1"));
        assertThat(core.count()).isZero();
    }
}
