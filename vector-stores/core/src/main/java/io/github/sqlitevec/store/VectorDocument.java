package io.github.sqlitevec.store;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One stored document: a string id (unique in its collection), optional text, metadata and one embedding.
 *
 * <pre>{@code
 * var doc = new VectorDocument("doc-1", "Paris is in France", Map.of("country", "FR", "year", 2024), embedding);
 * }</pre>
 *
 * <p>Immutable (metadata is copied; the embedding array is not, so do not change it after handing it over)
 * and thread-safe.
 *
 * @param id        the document id, not null or empty
 * @param text      the text, or null for an embedding-only document
 * @param metadata  metadata values of the types {@link Filter} describes; null means none
 * @param embedding the embedding, as many floats as the collection has dimensions
 */
public record VectorDocument(String id, String text, Map<String, Object> metadata, float[] embedding) {
    public VectorDocument {
        metadata = metadata == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }

    @Override
    public String toString() {
        return "VectorDocument[id=" + id + ", text=" + text + ", metadata=" + metadata
                + ", embedding=" + (embedding == null ? "null" : embedding.length + " floats") + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VectorDocument d && java.util.Objects.equals(id, d.id) && java.util.Objects.equals(text, d.text)
                && metadata.equals(d.metadata) && Arrays.equals(embedding, d.embedding);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(id, text, metadata, Arrays.hashCode(embedding));
    }
}
