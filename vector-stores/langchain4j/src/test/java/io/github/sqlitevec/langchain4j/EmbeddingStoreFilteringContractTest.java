package io.github.sqlitevec.langchain4j;

import static dev.langchain4j.store.embedding.filter.MetadataFilterBuilder.metadataKey;
import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.data.document.Metadata;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.store.embedding.EmbeddingSearchRequest;
import dev.langchain4j.store.embedding.EmbeddingStore;
import dev.langchain4j.store.embedding.EmbeddingStoreWithFilteringIT;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * LangChain4j's {@link EmbeddingStoreWithFilteringIT} (which includes {@code EmbeddingStoreIT}), unmodified, with
 * {@code containsString} supported.
 */
class EmbeddingStoreFilteringContractTest extends EmbeddingStoreWithFilteringIT {

    @TempDir
    static Path dir;

    private static SqliteVecEmbeddingStore store;

    @BeforeAll
    static void openStore() {
        store = TestStores.open(TestStores.dataSource(dir.resolve("filtering.db")), "embeddings");
    }

    @Override
    protected EmbeddingStore<TextSegment> embeddingStore() {
        return store;
    }

    @Override
    protected EmbeddingModel embeddingModel() {
        return TestStores.MODEL;
    }

    @Override
    protected void clearStore() {
        store.removeAll();
    }

    @Override
    protected boolean supportsContains() {
        return true;
    }

    /**
     * The suite's check for stores <em>without</em> {@code containsString} (it expects an
     * {@link UnsupportedOperationException}); LangChain4j disables it itself when {@link #supportsContains()} is
     * true, which Surefire reports as a skipped test and our CI rejects. This store supports it, so the same request
     * is run and must answer instead of throwing. The two inherited tests that exercise {@code containsString}
     * ({@code should_filter_by_metadata_contains}, {@code should_filter_by_not_metadata_contains}) run unmodified.
     */
    @Override
    @Test
    protected void should_throw_exception_when_contains_is_not_supported() {
        store.add(TestStores.MODEL.embed("matching").content(),
                TextSegment.from("matching", new Metadata().put("key", "a value here")));

        EmbeddingSearchRequest request = EmbeddingSearchRequest.builder()
                .queryEmbedding(TestStores.MODEL.embed("matching").content())
                .filter(metadataKey("key").containsString("value"))
                .maxResults(100)
                .build();

        assertThat(store.search(request).matches())
                .singleElement()
                .satisfies(match -> assertThat(match.embedded().metadata().getString("key")).isEqualTo("a value here"));
    }
}
