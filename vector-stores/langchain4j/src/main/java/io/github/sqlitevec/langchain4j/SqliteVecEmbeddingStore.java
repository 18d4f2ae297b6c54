package io.github.sqlitevec.langchain4j;

import dev.langchain4j.data.document.Metadata;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.store.embedding.EmbeddingMatch;
import dev.langchain4j.store.embedding.EmbeddingSearchRequest;
import dev.langchain4j.store.embedding.EmbeddingSearchResult;
import dev.langchain4j.store.embedding.EmbeddingStore;
import dev.langchain4j.store.embedding.RelevanceScore;
import dev.langchain4j.store.embedding.filter.Filter;
import io.github.sqlitevec.store.DistanceMetric;
import io.github.sqlitevec.store.SearchHit;
import io.github.sqlitevec.store.SearchRequest;
import io.github.sqlitevec.store.VectorCollection;
import io.github.sqlitevec.store.VectorDocument;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * A LangChain4j {@link EmbeddingStore} in one SQLite file: segments, metadata and embeddings survive restarts, so
 * nothing is re-embedded, and metadata filters run inside sqlite-vec's KNN query.
 *
 * <pre>{@code
 * SqliteVecDataSource dataSource = new SqliteVecDataSource();
 * dataSource.setUrl("jdbc:sqlitevec:embeddings.db");
 * EmbeddingStore<TextSegment> store = SqliteVecEmbeddingStore.builder()
 *         .dataSource(dataSource).table("embeddings").dimension(384).createTable(true).build();
 * store.add(embeddingModel.embed(segment).content(), segment);
 * }</pre>
 *
 * <p>It stores through the shared store core ({@link VectorCollection}), in the same table layout as the Spring AI
 * adapter, with cosine distance: scores are LangChain4j's {@code RelevanceScore.fromCosineSimilarity}, as in
 * {@code PgVectorEmbeddingStore}. Metadata keeps its Java types (String, UUID, Integer, Long, Float, Double). Filter
 * semantics follow LangChain4j's own stores: {@code isNotEqualTo}, {@code isNotIn} and {@code not(...)} also match
 * segments without the key, every other comparison needs the key; {@code containsString} is case-sensitive.
 * {@code add} with an existing id replaces that entry. One search returns at most {@value SearchRequest#MAX_TOP_K}
 * matches (sqlite-vec's largest {@code k}). See docs/langchain4j.md.
 *
 * <p><b>Thread-safety:</b> immutable and safe for concurrent use; every call borrows a connection from the
 * {@link DataSource} (use a pool for throughput), and every write is one transaction.
 */
public final class SqliteVecEmbeddingStore implements EmbeddingStore<TextSegment> {

    private final VectorCollection collection;

    private SqliteVecEmbeddingStore(VectorCollection collection) {
        this.collection = collection;
    }

    /** A builder; {@code dataSource} and {@code dimension} are required. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String add(Embedding embedding) {
        String id = UUID.randomUUID().toString();
        add(id, embedding);
        return id;
    }

    @Override
    public void add(String id, Embedding embedding) {
        addAll(List.of(id), List.of(embedding), null);
    }

    @Override
    public String add(Embedding embedding, TextSegment textSegment) {
        String id = UUID.randomUUID().toString();
        addAll(List.of(id), List.of(embedding), Collections.singletonList(textSegment));
        return id;
    }

    @Override
    public List<String> addAll(List<Embedding> embeddings) {
        if (embeddings == null) {
            throw new IllegalArgumentException("embeddings cannot be null");
        }
        List<String> ids = generateIds(embeddings.size());
        addAll(ids, embeddings, null);
        return ids;
    }

    /**
     * Adds (or, for an existing id, replaces) all entries in one transaction; {@code embedded} may be null or hold
     * nulls for embedding-only entries. On bad input (a null or blank id, an id twice, a wrong dimension, NaN) an
     * {@link IllegalArgumentException} says which entry, and nothing is written.
     */
    @Override
    public void addAll(List<String> ids, List<Embedding> embeddings, List<TextSegment> embedded) {
        if (ids == null || embeddings == null) {
            throw new IllegalArgumentException("ids and embeddings cannot be null");
        }
        if (ids.size() != embeddings.size() || embedded != null && embedded.size() != ids.size()) {
            throw new IllegalArgumentException("ids (" + ids.size() + "), embeddings (" + embeddings.size()
                    + ") and embedded (" + (embedded == null ? "null" : embedded.size())
                    + ") must have the same size; nothing was written");
        }
        List<VectorDocument> documents = new ArrayList<>(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            if (id == null || id.isBlank()) {
                throw new IllegalArgumentException("id " + i + " of the batch is " + (id == null ? "null" : "blank")
                        + "; ids cannot be null or blank; nothing was written");
            }
            Embedding embedding = embeddings.get(i);
            if (embedding == null) {
                throw new IllegalArgumentException("embedding " + i + " (id " + id + ") is null; nothing was written");
            }
            TextSegment segment = embedded == null ? null : embedded.get(i);
            documents.add(new VectorDocument(id, segment == null ? null : segment.text(),
                    segment == null ? null : segment.metadata().toMap(), embedding.vector()));
        }
        collection.upsertAll(documents);
    }

    /**
     * The {@code maxResults} nearest entries among those the filter matches (the filter runs inside the KNN, so a
     * selective filter still returns {@code maxResults} matches when that many exist), best first, with a score of
     * at least {@code minScore}.
     */
    @Override
    public EmbeddingSearchResult<TextSegment> search(EmbeddingSearchRequest request) {
        if (request == null) {
            throw new IllegalArgumentException("request cannot be null");
        }
        if (request.maxResults() > SearchRequest.MAX_TOP_K) {
            throw new IllegalArgumentException("maxResults is " + request.maxResults() + "; one search returns at most "
                    + SearchRequest.MAX_TOP_K + " matches (sqlite-vec's largest k); ask for fewer");
        }
        double minScore = request.minScore();
        SearchRequest query = SearchRequest.of(request.queryEmbedding().vector(), request.maxResults())
                .withMaxDistance(maxCosineDistance(minScore))
                .withFilter(FilterMapping.toStoreFilter(request.filter()));
        List<SearchHit> hits = collection.search(query);
        List<EmbeddingMatch<TextSegment>> matches = new ArrayList<>(hits.size());
        for (SearchHit hit : hits) {
            double score = RelevanceScore.fromCosineSimilarity(1 - hit.distance());
            if (score < minScore) {
                break; // hits come nearest first
            }
            VectorDocument document = hit.document();
            matches.add(new EmbeddingMatch<>(score, document.id(), Embedding.from(document.embedding()),
                    segment(document)));
        }
        return new EmbeddingSearchResult<>(matches);
    }

    /**
     * The cosine distance that {@code minScore} allows, a hair wider so that the exact comparison on the score
     * (above) decides, and a score equal to {@code minScore} is kept as LangChain4j requires.
     */
    private static Double maxCosineDistance(double minScore) {
        return minScore <= 0 ? null : 2 * (1 - minScore) + 1e-9;
    }

    @Override
    public void removeAll(Collection<String> ids) {
        if (ids == null || ids.isEmpty()) {
            throw new IllegalArgumentException("ids cannot be null or empty");
        }
        collection.delete(ids);
    }

    @Override
    public void removeAll(Filter filter) {
        if (filter == null) {
            throw new IllegalArgumentException("filter cannot be null");
        }
        collection.deleteWhere(FilterMapping.toStoreFilter(filter));
    }

    @Override
    public void removeAll() {
        collection.deleteAll();
    }

    private static TextSegment segment(VectorDocument document) {
        if (document.text() == null) {
            return null;
        }
        Map<String, Object> metadata = new LinkedHashMap<>();
        document.metadata().forEach((key, value) -> metadata.put(key, metadataValue(value)));
        return TextSegment.from(document.text(), new Metadata(metadata));
    }

    /**
     * LangChain4j metadata holds strings, UUIDs and four number types; a value the Spring AI adapter wrote into the
     * same file that LangChain4j cannot hold (a boolean, a nested list or map) is returned as its text.
     */
    private static Object metadataValue(Object value) {
        if (value instanceof String || value instanceof UUID || value instanceof Integer || value instanceof Long
                || value instanceof Float || value instanceof Double) {
            return value;
        }
        return String.valueOf(value);
    }

    /** Builds a {@link SqliteVecEmbeddingStore}; not thread-safe. */
    public static final class Builder {
        private DataSource dataSource;
        private String table;
        private Integer dimension;
        private boolean createTable = true;

        private Builder() {}

        /** Where the store lives: a {@code DataSource} over a {@code jdbc:sqlitevec:} URL, e.g. a pool (required). */
        public Builder dataSource(DataSource dataSource) {
            this.dataSource = dataSource;
            return this;
        }

        /**
         * The table name (default {@code vector_store}, as the Spring AI adapter's); the store also uses
         * {@code <table>_meta} and {@code <table>_vec}.
         */
        public Builder table(String table) {
            this.table = table;
            return this;
        }

        /** The embedding model's dimension, e.g. 384 for all-MiniLM-L6-v2 (required). */
        public Builder dimension(int dimension) {
            this.dimension = dimension;
            return this;
        }

        /**
         * Create the tables when they do not exist (default true, as {@code PgVectorEmbeddingStore}); existing
         * tables and their rows are always kept. With false the tables must exist.
         */
        public Builder createTable(boolean createTable) {
            this.createTable = createTable;
            return this;
        }

        /**
         * Creates the tables if asked and checks that they hold cosine vectors of this dimension.
         *
         * @throws IllegalArgumentException for a missing or bad setting
         * @throws IllegalStateException when the tables are missing (and not to be created) or differ
         */
        public SqliteVecEmbeddingStore build() {
            if (dataSource == null) {
                throw new IllegalArgumentException(
                        "dataSource is required: a DataSource over a jdbc:sqlitevec: URL, e.g. SqliteVecDataSource or a pool");
            }
            if (dimension == null) {
                throw new IllegalArgumentException("dimension is required: the embedding model's dimension, e.g. 384");
            }
            VectorCollection.Builder builder = VectorCollection.builder(dataSource)
                    .dimensions(dimension)
                    .metric(DistanceMetric.COSINE)
                    .createTable(createTable);
            if (table != null) {
                builder.table(table);
            }
            return new SqliteVecEmbeddingStore(builder.build());
        }
    }
}
