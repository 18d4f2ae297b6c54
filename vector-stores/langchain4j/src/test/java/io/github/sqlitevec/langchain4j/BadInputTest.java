package io.github.sqlitevec.langchain4j;

import static dev.langchain4j.store.embedding.filter.MetadataFilterBuilder.metadataKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.data.document.Metadata;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.store.embedding.EmbeddingSearchRequest;
import dev.langchain4j.store.embedding.filter.Filter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input gets a message that says what and how to fix it, and loses nothing that was stored. */
class BadInputTest {

    @TempDir
    Path dir;

    private DataSource dataSource;
    private SqliteVecEmbeddingStore store;
    private Embedding good;

    @BeforeEach
    void storeWithOneEntry() {
        dataSource = TestStores.dataSource(dir.resolve("bad-input.db"));
        store = TestStores.open(dataSource, "embeddings");
        good = TestStores.MODEL.embed("kept").content();
        store.addAll(List.of("kept"), List.of(good), List.of(TextSegment.from("kept", new Metadata().put("n", 1))));
    }

    @Test
    void aBatchWithOneWrongDimensionWritesNothing() {
        List<String> ids = List.of("a", "b");
        List<Embedding> embeddings = List.of(good, Embedding.from(new float[] {1, 2, 3}));

        assertThatThrownBy(() -> store.addAll(ids, embeddings, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'b' has 3 dimensions")
                .hasMessageContaining("expects 384")
                .hasMessageContaining("nothing was written");
        assertThat(allIds()).containsExactly("kept");
    }

    @Test
    void nanIsRefusedWithItsPosition() {
        float[] vector = good.vector().clone();
        vector[5] = Float.NaN;

        assertThatThrownBy(() -> store.add("nan", Embedding.from(vector)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("NaN at index 5");
        assertThat(allIds()).containsExactly("kept");
    }

    @Test
    void theSameIdTwiceInOneBatchIsRefused() {
        assertThatThrownBy(() -> store.addAll(List.of("x", "x"), List.of(good, good), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'x' appears twice");
        assertThat(allIds()).containsExactly("kept");
    }

    @Test
    void blankIdsAndMismatchedListsAreNamed() {
        assertThatThrownBy(() -> store.addAll(Arrays.asList("ok", " "), List.of(good, good), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("id 1 of the batch is blank; ids cannot be null or blank; nothing was written");
        assertThatThrownBy(() -> store.addAll(List.of("a", "b"), List.of(good), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ids (2), embeddings (1) and embedded (null) must have the same size; nothing was written");
        assertThat(allIds()).containsExactly("kept");
    }

    @Test
    void moreThanSqliteVecsLargestKIsRefusedWithTheLimit() {
        EmbeddingSearchRequest request =
                EmbeddingSearchRequest.builder().queryEmbedding(good).maxResults(5000).build();

        assertThatThrownBy(() -> store.search(request))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxResults is 5000; one search returns at most 4096 matches (sqlite-vec's largest k); ask for fewer");
    }

    @Test
    void aFilterClassOfOurOwnIsNamed() {
        Filter custom = object -> true;
        EmbeddingSearchRequest request =
                EmbeddingSearchRequest.builder().queryEmbedding(good).filter(custom).build();

        assertThatThrownBy(() -> store.search(request))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("is not supported by SqliteVecEmbeddingStore")
                .hasMessageContaining("MetadataFilterBuilder");
    }

    @Test
    void aTableOfAnotherDimensionIsNotOpened() {
        assertThatThrownBy(() -> SqliteVecEmbeddingStore.builder().dataSource(dataSource).table("embeddings")
                        .dimension(768).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("384-dimensional")
                .hasMessageContaining("768");
    }

    @Test
    void missingSettingsSayWhatIsNeeded() {
        assertThatThrownBy(() -> SqliteVecEmbeddingStore.builder().dimension(384).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("dataSource is required");
        assertThatThrownBy(() -> SqliteVecEmbeddingStore.builder().dataSource(dataSource).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("dimension is required");
        assertThatThrownBy(() -> SqliteVecEmbeddingStore.builder().dataSource(dataSource).table("absent")
                        .dimension(384).createTable(false).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("create it with createTable(true)");
    }

    @Test
    void aTypeMismatchInAFilterMatchesNothingInsteadOfFailing() {
        EmbeddingSearchRequest request = EmbeddingSearchRequest.builder()
                .queryEmbedding(good)
                .filter(metadataKey("n").isGreaterThan("a"))
                .build();

        assertThat(store.search(request).matches()).isEmpty();
    }

    private List<String> allIds() {
        return store.search(EmbeddingSearchRequest.builder().queryEmbedding(good).maxResults(100).build())
                .matches()
                .stream()
                .map(match -> match.embeddingId())
                .toList();
    }
}
