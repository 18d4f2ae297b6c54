package io.github.sqlitevec.langchain4j;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.store.embedding.EmbeddingStore;
import dev.langchain4j.store.embedding.EmbeddingStoreIT;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** LangChain4j's own minimum contract ({@link EmbeddingStoreIT}, unmodified) on a real SQLite file. */
class EmbeddingStoreContractTest extends EmbeddingStoreIT {

    @TempDir
    static Path dir;

    private static SqliteVecEmbeddingStore store;

    @BeforeAll
    static void openStore() {
        store = TestStores.open(TestStores.dataSource(dir.resolve("contract.db")), "embeddings");
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
}
