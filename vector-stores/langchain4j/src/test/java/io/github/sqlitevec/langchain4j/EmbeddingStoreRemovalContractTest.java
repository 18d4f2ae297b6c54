package io.github.sqlitevec.langchain4j;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.store.embedding.EmbeddingStore;
import dev.langchain4j.store.embedding.EmbeddingStoreWithRemovalIT;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** LangChain4j's {@link EmbeddingStoreWithRemovalIT}, unmodified: remove, removeAll(ids), removeAll(Filter), removeAll(). */
class EmbeddingStoreRemovalContractTest extends EmbeddingStoreWithRemovalIT {

    @TempDir
    static Path dir;

    private static SqliteVecEmbeddingStore store;

    @BeforeAll
    static void openStore() {
        store = TestStores.open(TestStores.dataSource(dir.resolve("removal.db")), "embeddings");
    }

    /** The removal suite has no clean-up hook of its own; every test expects an empty store. */
    @BeforeEach
    void emptyStore() {
        store.removeAll();
    }

    @Override
    protected EmbeddingStore<TextSegment> embeddingStore() {
        return store;
    }

    @Override
    protected EmbeddingModel embeddingModel() {
        return TestStores.MODEL;
    }
}
