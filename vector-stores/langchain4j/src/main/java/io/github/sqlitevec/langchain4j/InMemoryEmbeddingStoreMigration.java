package io.github.sqlitevec.langchain4j;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.data.document.Metadata;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.store.embedding.EmbeddingStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Copies the JSON file that LangChain4j's {@code InMemoryEmbeddingStore.serializeToFile(...)} wrote into any
 * {@link EmbeddingStore}, without re-embedding anything: ids, vectors, segment texts and metadata arrive unchanged.
 *
 * <pre>{@code
 * SqliteVecEmbeddingStore store = SqliteVecEmbeddingStore.builder()
 *         .dataSource(dataSource).table("embeddings").dimension(384).createTable(true).build();
 * int copied = InMemoryEmbeddingStoreMigration.migrate(Path.of("embeddings.json"), store);
 * }</pre>
 *
 * <p>The whole file is read and checked before anything is written (every entry needs an id, all vectors the same
 * number of finite components, ids unique, metadata values strings or numbers), then handed to the target in one
 * {@code addAll} call — which {@link SqliteVecEmbeddingStore} runs as one transaction, so a bad file or a failing
 * write leaves the target as it was. Metadata numbers come back as LangChain4j's own {@code fromFile} returns them:
 * {@code Integer} when they fit, else {@code Long}, and {@code Double} for decimals (the file does not say whether a
 * value was a {@code float}); UUIDs come back as strings, which {@code Metadata.getUUID} reads.
 *
 * <p>The file is parsed entry by entry, so the JSON text is never held in memory as a whole; the entries are, as they
 * were in the {@code InMemoryEmbeddingStore} that wrote them.
 *
 * <p>Thread-safe: stateless.
 */
public final class InMemoryEmbeddingStoreMigration {

    private static final ObjectMapper JSON = new ObjectMapper();

    private InMemoryEmbeddingStoreMigration() {}

    /**
     * Adds every entry of {@code jsonFile} to {@code target}.
     *
     * @return the number of entries copied
     * @throws IllegalArgumentException when the file is not an {@code InMemoryEmbeddingStore} file or an entry is
     *     invalid; the message names the entry and what to fix, and nothing has been written
     * @throws UncheckedIOException when the file cannot be read
     */
    public static int migrate(Path jsonFile, EmbeddingStore<TextSegment> target) {
        if (jsonFile == null || target == null) {
            throw new IllegalArgumentException("jsonFile and target are required");
        }
        Entries entries = read(jsonFile);
        if (entries.ids.isEmpty()) {
            return 0;
        }
        target.addAll(entries.ids, entries.embeddings, entries.segments);
        return entries.ids.size();
    }

    private static final class Entries {
        final List<String> ids = new ArrayList<>();
        final List<Embedding> embeddings = new ArrayList<>();
        final List<TextSegment> segments = new ArrayList<>();
    }

    private static Entries read(Path file) {
        Entries entries = new Entries();
        try (InputStream in = Files.newInputStream(file);
                JsonParser parser = JSON.getFactory().createParser(in)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw notAStoreFile(file, "it does not start with a JSON object");
            }
            boolean sawEntries = false;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (!"entries".equals(field)) {
                    parser.skipChildren();
                    continue;
                }
                if (value != JsonToken.START_ARRAY) {
                    throw notAStoreFile(file, "\"entries\" is not an array");
                }
                sawEntries = true;
                Set<String> seen = new HashSet<>();
                int dimension = -1;
                for (int index = 0; parser.nextToken() == JsonToken.START_OBJECT; index++) {
                    JsonNode entry = JSON.readTree(parser);
                    dimension = add(file, index, entry, dimension, seen, entries);
                }
                if (parser.currentToken() != JsonToken.END_ARRAY) {
                    throw notAStoreFile(file, "\"entries\" holds something that is not an object");
                }
            }
            if (!sawEntries) {
                throw notAStoreFile(file, "it has no \"entries\" array");
            }
            return entries;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(
                    file + " is not valid JSON (" + e.getOriginalMessage() + "); nothing was written", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static int add(Path file, int index, JsonNode entry, int dimension, Set<String> seen, Entries entries) {
        String where = file + ", entry " + index;
        JsonNode id = entry.get("id");
        if (id == null || !id.isTextual() || id.asText().isBlank()) {
            throw invalid(where, "has no \"id\" string");
        }
        where += " (id " + id.asText() + ")";
        if (!seen.add(id.asText())) {
            throw invalid(where, "repeats an id of an earlier entry; ids must be unique");
        }
        float[] vector = vector(where, entry.path("embedding").get("vector"));
        if (dimension >= 0 && vector.length != dimension) {
            throw invalid(where, "has " + vector.length + " dimensions, the entries before it " + dimension);
        }
        entries.ids.add(id.asText());
        entries.embeddings.add(Embedding.from(vector));
        entries.segments.add(segment(where, entry.get("embedded")));
        return vector.length;
    }

    private static float[] vector(String where, JsonNode vector) {
        if (vector == null || !vector.isArray() || vector.isEmpty()) {
            throw invalid(where, "has no \"embedding\": {\"vector\": [...]} with numbers");
        }
        float[] values = new float[vector.size()];
        for (int i = 0; i < values.length; i++) {
            JsonNode component = vector.get(i);
            if (!component.isNumber() || !Float.isFinite(component.floatValue())) {
                throw invalid(where, "has vector component " + i + " = " + component + ", expected a finite number");
            }
            values[i] = component.floatValue();
        }
        return values;
    }

    private static TextSegment segment(String where, JsonNode embedded) {
        if (embedded == null || embedded.isNull()) {
            return null;
        }
        JsonNode text = embedded.get("text");
        if (text == null || !text.isTextual()) {
            throw invalid(where, "has an \"embedded\" object without a \"text\" string");
        }
        Map<String, Object> metadata = new LinkedHashMap<>();
        JsonNode values = embedded.path("metadata").path("metadata");
        for (Iterator<Map.Entry<String, JsonNode>> it = values.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            metadata.put(field.getKey(), metadataValue(where, field.getKey(), field.getValue()));
        }
        return TextSegment.from(text.asText(), Metadata.from(metadata));
    }

    private static Object metadataValue(String where, String key, JsonNode value) {
        if (value.isTextual()) {
            return value.asText();
        }
        if (value.isInt()) {
            return value.intValue();
        }
        if (value.isLong()) {
            return value.longValue();
        }
        if (value.isFloatingPointNumber()) {
            return value.doubleValue();
        }
        throw invalid(where, "has metadata \"" + key + "\" = " + value
                + ", which LangChain4j metadata cannot hold (strings, UUIDs, int, long, float and double only)");
    }

    private static IllegalArgumentException notAStoreFile(Path file, String why) {
        return new IllegalArgumentException(file + " is not an InMemoryEmbeddingStore file (" + why
                + "); expected what serializeToFile writes: {\"entries\": [{\"id\": ..., \"embedding\": {\"vector\": [...]},"
                + " \"embedded\": {\"text\": ..., \"metadata\": {\"metadata\": {...}}}}]}; nothing was written");
    }

    private static IllegalArgumentException invalid(String where, String what) {
        return new IllegalArgumentException(where + " " + what + "; nothing was written");
    }
}
