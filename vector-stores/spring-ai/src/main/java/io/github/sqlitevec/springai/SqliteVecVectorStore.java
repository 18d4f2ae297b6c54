package io.github.sqlitevec.springai;

import io.github.sqlitevec.store.DistanceMetric;
import io.github.sqlitevec.store.JsonText;
import io.github.sqlitevec.store.SearchHit;
import io.github.sqlitevec.store.VectorCollection;
import io.github.sqlitevec.store.VectorDocument;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

import org.springframework.ai.document.Document;
import org.springframework.ai.document.DocumentMetadata;
import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.ai.embedding.EmbeddingOptions;
import org.springframework.ai.observation.conventions.VectorStoreSimilarityMetric;
import org.springframework.ai.util.json.JsonParser;
import org.springframework.ai.vectorstore.AbstractVectorStoreBuilder;
import org.springframework.ai.vectorstore.SearchRequest;
import org.springframework.ai.vectorstore.filter.Filter;
import org.springframework.ai.vectorstore.observation.AbstractObservationVectorStore;
import org.springframework.ai.vectorstore.observation.VectorStoreObservationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A Spring AI {@code VectorStore} in a {@code jdbc:sqlitevec:} database file, built like {@code PgVectorStore}
 * and behaving like it where both can: {@code add} upserts by id, {@code delete} by ids or by filter (AST or
 * text), {@code similaritySearch} honours {@code topK}, {@code similarityThreshold} and the filter expression,
 * with score {@code 1 - distance} and the distance in the metadata under {@code "distance"}, best first. Filters
 * run inside the KNN (docs/vector-stores.md). Observations come from {@link AbstractObservationVectorStore}
 * (database system {@code sqlite}).
 *
 * <pre>{@code
 * JdbcTemplate jdbc = new JdbcTemplate(dataSourceOver("jdbc:sqlitevec:app.db"));
 * VectorStore store = SqliteVecVectorStore.builder(jdbc, embeddingModel)
 *         .tableName("vector_store").initializeSchema(true).build();
 * store.add(List.of(new Document("Paris is in France", Map.of("country", "FR"))));
 * List<Document> hits = store.similaritySearch(SearchRequest.builder().query("France").topK(3)
 *         .filterExpression("country == 'FR'").build());
 * }</pre>
 *
 * <p>Metadata values are kept with their Java type (String, UUID, Integer, Long, Float, Double, Boolean; other
 * numbers are stored as Long or Double). Lists and maps are stored as JSON and come back as lists and maps, as
 * from {@code PgVectorStore}; a filter compares each element of a list ({@code tags == 'a'} matches
 * {@code ["a", "b"]}), as pgvector's JSON path does, and never a map.
 *
 * <p>Thread-safe: every call borrows its own connection from the {@code JdbcTemplate}'s {@link DataSource};
 * writes are one SQLite transaction per {@code add}/{@code delete} call (not joined to Spring-managed transactions).
 */
public class SqliteVecVectorStore extends AbstractObservationVectorStore {

    /** The table name when none is given, the same as {@code PgVectorStore}'s. */
    public static final String DEFAULT_TABLE_NAME = "vector_store";

    /** How distances are measured; fixed when the table is created. Score is {@code 1 - distance} for each, as in {@code PgVectorStore}. */
    public enum SqliteVecDistanceType {
        /** Cosine distance in [0, 2]; score = cosine similarity. The default. */
        COSINE(DistanceMetric.COSINE, VectorStoreSimilarityMetric.COSINE),
        /** Euclidean (L2) distance. */
        EUCLIDEAN(DistanceMetric.EUCLIDEAN, VectorStoreSimilarityMetric.EUCLIDEAN),
        /** Manhattan (L1) distance. */
        MANHATTAN(DistanceMetric.MANHATTAN, VectorStoreSimilarityMetric.MANHATTAN);

        final DistanceMetric metric;
        final VectorStoreSimilarityMetric observed;

        SqliteVecDistanceType(DistanceMetric metric, VectorStoreSimilarityMetric observed) {
            this.metric = metric;
            this.observed = observed;
        }
    }

    private final JdbcTemplate jdbcTemplate;
    private final VectorCollection collection;
    private final SqliteVecDistanceType distanceType;

    protected SqliteVecVectorStore(Builder builder) {
        super(builder);
        this.jdbcTemplate = builder.jdbcTemplate;
        this.distanceType = builder.distanceType;
        int dimensions = builder.dimensions > 0 ? builder.dimensions : builder.getEmbeddingModel().dimensions();
        try {
            this.collection = VectorCollection.builder(builder.jdbcTemplate.getDataSource()).table(builder.tableName)
                    .dimensions(dimensions).metric(builder.distanceType.metric).createTable(builder.initializeSchema).build();
        } catch (IllegalStateException e) {
            throw new IllegalStateException(e.getMessage() + " (Spring: initializeSchema(true), or the property "
                    + "spring.ai.vectorstore.sqlite-vec.initialize-schema=true)", e);
        }
    }

    /** A builder over {@code jdbcTemplate}'s DataSource (a {@code jdbc:sqlitevec:} URL) and the embedding model. */
    public static Builder builder(JdbcTemplate jdbcTemplate, EmbeddingModel embeddingModel) {
        return new Builder(jdbcTemplate, embeddingModel);
    }

    @Override
    public void doAdd(List<Document> documents) {
        List<float[]> embeddings = this.embeddingModel.embed(documents, EmbeddingOptions.builder().build(), this.batchingStrategy);
        List<VectorDocument> stored = new ArrayList<>(documents.size());
        for (int i = 0; i < documents.size(); i++) {
            Document d = documents.get(i);
            stored.add(new VectorDocument(d.getId(), d.getText(), storableMetadata(d), embeddings.get(i)));
        }
        this.collection.upsertAll(stored);
    }

    @Override
    public void doDelete(List<String> idList) {
        this.collection.delete(idList);
    }

    @Override
    protected void doDelete(Filter.Expression filterExpression) {
        this.collection.deleteWhere(SpringAiFilters.toStoreFilter(filterExpression));
    }

    @Override
    public List<Document> doSimilaritySearch(SearchRequest request) {
        float[] query = this.embeddingModel.embed(request.getQuery());
        // PgVectorStore keeps rows whose distance is strictly below 1 - threshold; so do we.
        double maxDistance = 1.0 - request.getSimilarityThreshold();
        io.github.sqlitevec.store.SearchRequest search = io.github.sqlitevec.store.SearchRequest.of(query, request.getTopK())
                .withMaxDistance(maxDistance)
                .withFilter(request.getFilterExpression() == null ? null : SpringAiFilters.toStoreFilter(request.getFilterExpression()));
        List<Document> documents = new ArrayList<>();
        for (SearchHit hit : this.collection.search(search)) {
            // PgVectorStore reads the distance as a float; the same rounding keeps scores comparable.
            float distance = (float) hit.distance();
            if (distance >= maxDistance) {
                continue;
            }
            Map<String, Object> metadata = new LinkedHashMap<>();
            hit.document().metadata().forEach((key, value) ->
                    metadata.put(key, value instanceof JsonText json ? JsonParser.fromJson(json.json(), Object.class) : value));
            metadata.put(DocumentMetadata.DISTANCE.value(), distance);
            documents.add(Document.builder().id(hit.document().id()).text(hit.document().text()).metadata(metadata)
                    .score(1.0 - distance).build());
        }
        return documents;
    }

    @Override
    public VectorStoreObservationContext.Builder createObservationContextBuilder(String operationName) {
        return VectorStoreObservationContext.builder("sqlite", operationName)
                .collectionName(this.collection.table())
                .dimensions(this.collection.dimensions())
                .similarityMetric(this.distanceType.observed.value());
    }

    /** The store core collection underneath (also reachable through {@code getNativeClient()}). */
    public VectorCollection collection() {
        return this.collection;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> Optional<T> getNativeClient() {
        return Optional.of((T) this.collection);
    }

    /** The JdbcTemplate this store was built with. */
    public JdbcTemplate getJdbcTemplate() {
        return this.jdbcTemplate;
    }

    private static Map<String, Object> storableMetadata(Document d) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : d.getMetadata().entrySet()) {
            Object v = e.getValue();
            if (v instanceof Short || v instanceof Byte || v instanceof BigInteger) {
                v = ((Number) v).longValue();
            } else if (v instanceof BigDecimal b) {
                v = b.doubleValue();
            } else if (v instanceof Collection<?> || v instanceof Map<?, ?> || v != null && v.getClass().isArray()) {
                v = new JsonText(JsonParser.toJson(v));
            }
            metadata.put(e.getKey(), v);
        }
        return metadata;
    }

    /** Builds a {@link SqliteVecVectorStore} in the style of {@code PgVectorStore.builder}; not thread-safe. */
    public static final class Builder extends AbstractVectorStoreBuilder<Builder> {
        private final JdbcTemplate jdbcTemplate;
        private String tableName = DEFAULT_TABLE_NAME;
        private int dimensions = -1;
        private SqliteVecDistanceType distanceType = SqliteVecDistanceType.COSINE;
        private boolean initializeSchema;

        private Builder(JdbcTemplate jdbcTemplate, EmbeddingModel embeddingModel) {
            super(embeddingModel);
            if (jdbcTemplate == null || jdbcTemplate.getDataSource() == null) {
                throw new IllegalArgumentException("SqliteVecVectorStore needs a JdbcTemplate with a DataSource over a jdbc:sqlitevec: URL");
            }
            this.jdbcTemplate = jdbcTemplate;
        }

        /** The table name (default {@value #DEFAULT_TABLE_NAME}); {@code <name>_meta} and {@code <name>_vec} go with it. */
        public Builder tableName(String tableName) {
            this.tableName = tableName;
            return this;
        }

        /** The embedding dimension; by default the embedding model's {@code dimensions()}. */
        public Builder dimensions(int dimensions) {
            this.dimensions = dimensions;
            return this;
        }

        /** The distance type (default COSINE). */
        public Builder distanceType(SqliteVecDistanceType distanceType) {
            if (distanceType == null) {
                throw new IllegalArgumentException("distanceType is null; use COSINE, EUCLIDEAN or MANHATTAN");
            }
            this.distanceType = distanceType;
            return this;
        }

        /** Create the tables when missing (default false, as in {@code PgVectorStore}). */
        public Builder initializeSchema(boolean initializeSchema) {
            this.initializeSchema = initializeSchema;
            return this;
        }

        @Override
        public SqliteVecVectorStore build() {
            return new SqliteVecVectorStore(this);
        }
    }
}
