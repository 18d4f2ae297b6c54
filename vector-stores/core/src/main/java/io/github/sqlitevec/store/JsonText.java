package io.github.sqlitevec.store;

/**
 * A metadata value an adapter has serialized to JSON itself (a nested list or map). The store keeps the
 * text as it is and hands it back as a {@code JsonText}. Filters compare the elements of an array, as
 * pgvector's JSON path does ({@code eq("tags", "a")} matches {@code ["a","b"]}), when its text starts with
 * {@code [} as every JSON serializer writes it; objects, and text with leading whitespace, are never compared,
 * only tested for presence. Immutable and thread-safe.
 *
 * <pre>{@code
 * Map<String, Object> metadata = Map.of("tags", new JsonText("[\"a\",\"b\"]"));
 * }</pre>
 *
 * @param json the JSON text, not null
 */
public record JsonText(String json) {
    public JsonText {
        if (json == null) {
            throw new IllegalArgumentException("JsonText needs JSON text, got null");
        }
    }
}
