package io.github.sqlitevec.langchain4j;

import static dev.langchain4j.store.embedding.filter.MetadataFilterBuilder.metadataKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.langchain4j.data.document.Metadata;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.store.embedding.EmbeddingMatch;
import dev.langchain4j.store.embedding.EmbeddingSearchRequest;
import dev.langchain4j.store.embedding.filter.Filter;
import dev.langchain4j.store.embedding.inmemory.InMemoryEmbeddingStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Users have InMemoryEmbeddingStore JSON files today; they move into one SQLite file without re-embedding. */
class InMemoryEmbeddingStoreMigrationTest {

    private static final String[] TOPICS = {
        "bike tyres and air pressure", "tomatoes in the garden", "sourdough bread", "the tax return",
        "a broken laptop screen", "learning the guitar", "a trip to the mountains", "the cat's vet appointment"
    };

    @TempDir
    Path dir;

    @Test
    void everyEntryArrivesAndSearchesAnswerLikeTheInMemoryStore() {
        InMemoryEmbeddingStore<TextSegment> memory = new InMemoryEmbeddingStore<>();
        UUID owner = UUID.randomUUID();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String text = "Note " + i + " about " + TOPICS[i % TOPICS.length];
            Metadata metadata = new Metadata()
                    .put("topic", TOPICS[i % TOPICS.length])
                    .put("index", i)
                    .put("stamp", 1746714878034235396L + i)
                    .put("weight", i / 8.0)
                    .put("owner", owner);
            ids.add(memory.add(TestStores.MODEL.embed(text).content(), TextSegment.from(text, metadata)));
        }
        String bare = memory.add(TestStores.MODEL.embed("an embedding without a segment").content());
        Path json = dir.resolve("embeddings.json");
        memory.serializeToFile(json);

        SqliteVecEmbeddingStore store = TestStores.open(TestStores.dataSource(dir.resolve("migrated.db")), "embeddings");
        int copied = InMemoryEmbeddingStoreMigration.migrate(json, store);

        assertThat(copied).isEqualTo(41);
        // what LangChain4j itself reads back from its file is the reference
        InMemoryEmbeddingStore<TextSegment> reloaded = InMemoryEmbeddingStore.fromFile(json);
        for (Filter filter : new Filter[] {
            null, metadataKey("topic").isEqualTo("sourdough bread"), metadataKey("index").isGreaterThan(30)
        }) {
            for (String question : new String[] {"How do I pump up a tyre?", "When is the tax deadline?"}) {
                EmbeddingSearchRequest request = EmbeddingSearchRequest.builder()
                        .queryEmbedding(TestStores.MODEL.embed(question).content())
                        .filter(filter)
                        .maxResults(50)
                        .build();
                assertSameMatches(store.search(request).matches(), reloaded.search(request).matches());
            }
        }
        EmbeddingMatch<TextSegment> first = store.search(EmbeddingSearchRequest.builder()
                        .queryEmbedding(TestStores.MODEL.embed("Note 0 about bike tyres and air pressure").content())
                        .maxResults(1)
                        .build())
                .matches()
                .get(0);
        assertThat(first.embeddingId()).isEqualTo(ids.get(0));
        assertThat(first.embedded().metadata().getLong("stamp")).isEqualTo(1746714878034235396L);
        assertThat(first.embedded().metadata().getUUID("owner")).isEqualTo(owner);
        assertThat(store.search(EmbeddingSearchRequest.builder()
                        .queryEmbedding(TestStores.MODEL.embed("an embedding without a segment").content())
                        .maxResults(1)
                        .build())
                .matches())
                .singleElement()
                .satisfies(match -> {
                    assertThat(match.embeddingId()).isEqualTo(bare);
                    assertThat(match.embedded()).isNull();
                });
    }

    private static void assertSameMatches(List<EmbeddingMatch<TextSegment>> ours, List<EmbeddingMatch<TextSegment>> theirs) {
        assertThat(ours).hasSameSizeAs(theirs).isNotEmpty();
        for (int i = 0; i < ours.size(); i++) {
            assertThat(ours.get(i).embeddingId()).isEqualTo(theirs.get(i).embeddingId());
            assertThat(ours.get(i).embedded()).isEqualTo(theirs.get(i).embedded());
            assertThat(ours.get(i).embedding()).isEqualTo(theirs.get(i).embedding());
            // sqlite-vec computes the cosine in float32, LangChain4j in double
            assertThat(ours.get(i).score()).isCloseTo(theirs.get(i).score(), within(1e-6));
        }
    }

    @Test
    void aBadEntryIsNamedAndNothingIsWritten() throws IOException {
        SqliteVecEmbeddingStore store = TestStores.open(TestStores.dataSource(dir.resolve("target.db")), "embeddings");
        float[] ok = TestStores.MODEL.embed("fine").content().vector();
        InMemoryEmbeddingStore<TextSegment> memory = new InMemoryEmbeddingStore<>();
        memory.add("first", Embedding.from(ok));
        memory.add("second", Embedding.from(new float[] {0.1f, 0.2f, 0.3f}));
        Path json = dir.resolve("mixed.json");
        memory.serializeToFile(json);

        assertThatThrownBy(() -> InMemoryEmbeddingStoreMigration.migrate(json, store))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("entry 1 (id second) has 3 dimensions, the entries before it 384")
                .hasMessageContaining("nothing was written");
        assertThat(everything(store)).isEmpty();

        Path notJson = Files.writeString(dir.resolve("notes.txt"), "this is not JSON");
        assertThatThrownBy(() -> InMemoryEmbeddingStoreMigration.migrate(notJson, store))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not valid JSON");

        Path otherJson = Files.writeString(dir.resolve("other.json"), "{\"documents\": []}");
        assertThatThrownBy(() -> InMemoryEmbeddingStoreMigration.migrate(otherJson, store))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not an InMemoryEmbeddingStore file (it has no \"entries\" array)");
        assertThat(everything(store)).isEmpty();
    }

    @Test
    void aVectorOfTheWrongDimensionForTheStoreIsRefusedWhole() throws IOException {
        SqliteVecEmbeddingStore store = TestStores.open(TestStores.dataSource(dir.resolve("small.db")), "embeddings");
        InMemoryEmbeddingStore<TextSegment> memory = new InMemoryEmbeddingStore<>();
        memory.add("a", Embedding.from(new float[] {0.1f, 0.2f, 0.3f}));
        memory.add("b", Embedding.from(new float[] {0.3f, 0.2f, 0.1f}));
        Path json = dir.resolve("three-d.json");
        memory.serializeToFile(json);

        assertThatThrownBy(() -> InMemoryEmbeddingStoreMigration.migrate(json, store))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("3 dimensions")
                .hasMessageContaining("384");
        assertThat(everything(store)).isEmpty();
    }

    private static List<EmbeddingMatch<TextSegment>> everything(SqliteVecEmbeddingStore store) {
        return store.search(EmbeddingSearchRequest.builder()
                        .queryEmbedding(TestStores.MODEL.embed("anything").content())
                        .maxResults(1000)
                        .build())
                .matches();
    }
}
