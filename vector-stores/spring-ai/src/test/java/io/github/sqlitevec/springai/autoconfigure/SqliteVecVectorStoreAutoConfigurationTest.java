package io.github.sqlitevec.springai.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sqlitevec.springai.SqliteVecVectorStore;
import io.github.sqlitevec.springai.SqliteVecVectorStore.SqliteVecDistanceType;
import io.github.sqlitevec.store.DistanceMetric;

import java.beans.Introspector;
import java.beans.PropertyDescriptor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.ai.document.Document;
import org.springframework.ai.embedding.Embedding;
import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.ai.embedding.EmbeddingRequest;
import org.springframework.ai.embedding.EmbeddingResponse;
import org.springframework.ai.vectorstore.SearchRequest;
import org.springframework.ai.vectorstore.SimpleVectorStore;
import org.springframework.ai.vectorstore.VectorStore;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.io.ClassPathResource;

/** The auto-configuration with real SQLite files: conditions, properties, back-off, metadata. */
class SqliteVecVectorStoreAutoConfigurationTest {

    @TempDir
    Path dir;

    /** A tiny deterministic model: character counts in 3 dimensions (the real model is in the other tests). */
    static final class LetterCountModel implements EmbeddingModel {
        @Override
        public EmbeddingResponse call(EmbeddingRequest request) {
            List<Embedding> out = new java.util.ArrayList<>();
            for (String text : request.getInstructions()) {
                out.add(new Embedding(embedText(text), out.size()));
            }
            return new EmbeddingResponse(out);
        }

        static float[] embedText(String text) {
            float[] v = new float[3];
            for (char c : text.toLowerCase().toCharArray()) {
                v[c % 3] += 1;
            }
            v[0] += 0.5f;
            return v;
        }

        @Override
        public float[] embed(Document document) {
            return embedText(document.getText());
        }
    }

    /** Boot's JDBC auto-configuration class: Boot 4 package first, then Boot 3.5's (the spring-ai-1.1-compat module). */
    static Class<?> bootClass(String simpleName) {
        for (String pkg : new String[] {"org.springframework.boot.jdbc.autoconfigure.", "org.springframework.boot.autoconfigure.jdbc."}) {
            try {
                return Class.forName(pkg + simpleName);
            } catch (ClassNotFoundException e) {
                // try the other Boot line
            }
        }
        throw new IllegalStateException("no " + simpleName + " in Boot 4's or Boot 3.5's package");
    }

    ApplicationContextRunner runner() {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(bootClass("DataSourceAutoConfiguration"),
                        bootClass("JdbcTemplateAutoConfiguration"), SqliteVecVectorStoreAutoConfiguration.class))
                .withBean(EmbeddingModel.class, LetterCountModel::new)
                // A full Boot app gets the driver class from the driver's EnvironmentPostProcessor; the runner skips those.
                .withPropertyValues("spring.datasource.url=jdbc:sqlitevec:" + dir.resolve("app.db"),
                        "spring.datasource.driver-class-name=io.github.sqlitevec.jdbc.SqliteVecDriver");
    }

    @Test
    void aDatasourceUrlAndInitializeSchemaGiveAWorkingVectorStore() {
        runner().withPropertyValues("spring.ai.vectorstore.sqlite-vec.initialize-schema=true").run(context -> {
            VectorStore store = context.getBean(VectorStore.class);
            assertThat(store).isInstanceOf(SqliteVecVectorStore.class);
            SqliteVecVectorStore sqlite = (SqliteVecVectorStore) store;
            assertThat(sqlite.collection().dimensions()).isEqualTo(3);
            assertThat(sqlite.collection().table()).isEqualTo("vector_store");
            store.add(List.of(new Document("abc", Map.of("k", "v"))));
            assertThat(store.similaritySearch(SearchRequest.builder().query("abc").topK(1).build())).hasSize(1);
        });
    }

    @Test
    void propertiesChooseTableDimensionsAndDistance() {
        runner().withPropertyValues("spring.ai.vectorstore.sqlite-vec.initialize-schema=true",
                "spring.ai.vectorstore.sqlite-vec.table-name=notes", "spring.ai.vectorstore.sqlite-vec.distance-type=euclidean",
                "spring.ai.vectorstore.sqlite-vec.dimensions=3", "spring.ai.vectorstore.type=sqlite-vec").run(context -> {
            SqliteVecVectorStore store = context.getBean(SqliteVecVectorStore.class);
            assertThat(store.collection().table()).isEqualTo("notes");
            assertThat(store.collection().metric()).isEqualTo(DistanceMetric.EUCLIDEAN);
            assertThat(context.getBean(SqliteVecVectorStoreProperties.class).getDistanceType()).isEqualTo(SqliteVecDistanceType.EUCLIDEAN);
        });
    }

    @Test
    void withoutInitializeSchemaAMissingTableFailsStartupWithTheProperty() {
        runner().run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).hasStackTraceContaining("spring.ai.vectorstore.sqlite-vec.initialize-schema=true");
        });
    }

    @Test
    void anotherVectorStoreTypeTurnsItOff() {
        runner().withPropertyValues("spring.ai.vectorstore.type=pgvector").run(context ->
                assertThat(context).doesNotHaveBean(VectorStore.class));
    }

    @Test
    void anApplicationVectorStoreWins() {
        runner().withBean("applicationStore", VectorStore.class, () -> SimpleVectorStore.builder(new LetterCountModel()).build())
                .run(context -> assertThat(context.getBean(VectorStore.class)).isInstanceOf(SimpleVectorStore.class));
    }

    @Test
    void theConfigurationMetadataNamesEveryProperty() throws Exception {
        String json = new String(new ClassPathResource("META-INF/spring-configuration-metadata.json").getInputStream().readAllBytes(),
                StandardCharsets.UTF_8);
        for (PropertyDescriptor p : Introspector.getBeanInfo(SqliteVecVectorStoreProperties.class, Object.class).getPropertyDescriptors()) {
            String kebab = p.getName().replaceAll("([A-Z])", "-$1").toLowerCase();
            assertThat(json).contains("\"" + SqliteVecVectorStoreProperties.PREFIX + "." + kebab + "\"");
        }
        assertThat(new ClassPathResource("META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports")
                .getContentAsString(StandardCharsets.UTF_8)).contains(SqliteVecVectorStoreAutoConfiguration.class.getName());
    }
}
