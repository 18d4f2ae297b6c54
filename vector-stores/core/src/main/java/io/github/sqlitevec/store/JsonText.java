package io.github.sqlitevec.store;

/**
 * A metadata value an adapter has serialized to JSON itself (a nested list or map). The store keeps the
 * text as it is and hands it back as a {@code JsonText}; filters can test its presence but never compare
 * it. Immutable and thread-safe.
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
