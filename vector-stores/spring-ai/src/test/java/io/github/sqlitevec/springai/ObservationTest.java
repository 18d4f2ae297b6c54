package io.github.sqlitevec.springai;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sqlitevec.jdbc.SqliteVecDataSource;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.ai.document.Document;
import org.springframework.ai.vectorstore.SearchRequest;
import org.springframework.ai.vectorstore.observation.VectorStoreObservationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** Spring AI's vector-store observations come with the store, naming SQLite, the table, dimensions and metric. */
class ObservationTest {

    @TempDir
    Path dir;

    @Test
    void addAndSearchAreObservedAsSqliteOperations() {
        List<VectorStoreObservationContext> seen = new CopyOnWriteArrayList<>();
        ObservationRegistry registry = ObservationRegistry.create();
        registry.observationConfig().observationHandler(new ObservationHandler<Observation.Context>() {
            @Override
            public boolean supportsContext(Observation.Context context) {
                return context instanceof VectorStoreObservationContext;
            }

            @Override
            public void onStop(Observation.Context context) {
                seen.add((VectorStoreObservationContext) context);
            }
        });
        SqliteVecDataSource ds = new SqliteVecDataSource();
        ds.setUrl("jdbc:sqlitevec:" + dir.resolve("observed.db"));
        SqliteVecVectorStore store = SqliteVecVectorStore.builder(new JdbcTemplate(ds), MiniLmEmbeddingModel.INSTANCE)
                .tableName("observed").initializeSchema(true).observationRegistry(registry).build();

        store.add(List.of(new Document("observed text")));
        store.similaritySearch(SearchRequest.builder().query("observed").topK(1).build());

        assertThat(seen).extracting(VectorStoreObservationContext::getOperationName).containsExactly("add", "query");
        assertThat(seen).allSatisfy(c -> {
            assertThat(c.getDatabaseSystem()).isEqualTo("sqlite");
            assertThat(c.getCollectionName()).isEqualTo("observed");
            assertThat(c.getDimensions()).isEqualTo(384);
            assertThat(c.getSimilarityMetric()).isEqualTo("cosine");
        });
        assertThat(seen.get(1).getQueryResponse()).hasSize(1);
    }
}
