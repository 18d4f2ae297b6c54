package io.github.sqlitevec.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BadInputTest {

    @TempDir
    Path dir;
    VectorCollection c;

    @BeforeEach
    void oneDocument() {
        c = StoreFiles.collection(dir, 3, DistanceMetric.COSINE);
        c.upsert(new VectorDocument("kept", "kept", Map.of("k", 1), new float[] {1, 2, 3}));
    }

    private void assertRejected(String expectedPart, List<VectorDocument> batch) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> c.upsertAll(batch));
        assertTrue(e.getMessage().contains(expectedPart), e.getMessage());
        assertTrue(e.getMessage().contains("nothing was written"), e.getMessage());
        assertEquals(1, c.count());
        assertEquals("kept", c.search(SearchRequest.of(new float[] {1, 2, 3}, 5)).get(0).document().text());
    }

    @Test
    void wrongDimensionsNameTheDocumentAndWriteNothing() {
        assertRejected("document 'bad' has 2 dimensions; collection 'docs' expects 3", List.of(
                new VectorDocument("good", null, null, new float[] {1, 1, 1}),
                new VectorDocument("bad", null, null, new float[] {1, 1})));
    }

    @Test
    void nanNamesTheIndex() {
        assertRejected("document 'n' has NaN at index 1", List.of(new VectorDocument("n", null, null, new float[] {1, Float.NaN, 1})));
    }

    @Test
    void duplicateIdsInOneBatchAreRefused() {
        assertRejected("id 'twice' appears twice", List.of(
                new VectorDocument("twice", null, null, new float[] {1, 1, 1}),
                new VectorDocument("twice", null, null, new float[] {1, 0, 1})));
    }

    @Test
    void unsupportedMetadataTypesNameKeyAndType() {
        assertRejected("metadata 'price' has a value of type java.math.BigDecimal", List.of(
                new VectorDocument("p", null, Map.of("price", new BigDecimal("1.5")), new float[] {1, 1, 1})));
    }

    @Test
    void missingIdAndMissingEmbeddingAreRefused() {
        assertRejected("null id", List.of(new VectorDocument(null, null, null, new float[] {1, 1, 1})));
        assertRejected("document 'e' has no embedding", List.of(new VectorDocument("e", null, null, null)));
    }

    @Test
    void aFailureInsideTheTransactionRollsBackTheWholeBatch() throws Exception {
        // A trigger makes the database itself fail on the second document, after the first was written.
        try (var conn = StoreFiles.dataSource(dir.resolve("store.db")).getConnection(); var s = conn.createStatement()) {
            s.execute("CREATE TRIGGER refuse BEFORE INSERT ON docs WHEN NEW.id = 'second' BEGIN SELECT RAISE(ABORT, 'refused'); END");
        }
        StoreException e = assertThrows(StoreException.class, () -> c.upsertAll(List.of(
                new VectorDocument("first", null, Map.of("a", 1), new float[] {1, 1, 1}),
                new VectorDocument("second", null, null, new float[] {1, 0, 1}))));
        assertTrue(e.getMessage().contains("nothing was written"), e.getMessage());
        assertEquals(1, c.count());
        assertEquals(List.of("kept"), c.search(SearchRequest.of(new float[] {1, 1, 1}, 5)).stream().map(h -> h.document().id()).toList());
    }

    @Test
    void badQueriesAndFiltersAreRefusedWithTheValue() {
        IllegalArgumentException dims = assertThrows(IllegalArgumentException.class,
                () -> c.search(SearchRequest.of(new float[] {1}, 1)));
        assertTrue(dims.getMessage().contains("query vector has 1 dimensions"), dims.getMessage());
        IllegalArgumentException k = assertThrows(IllegalArgumentException.class, () -> SearchRequest.of(new float[] {1, 2, 3}, 5000));
        assertTrue(k.getMessage().contains("5000"), k.getMessage());
        IllegalArgumentException value = assertThrows(IllegalArgumentException.class, () -> Filter.eq("k", new Object()));
        assertTrue(value.getMessage().contains("filter on 'k' compares with a java.lang.Object"), value.getMessage());
        IllegalArgumentException order = assertThrows(IllegalArgumentException.class, () -> Filter.gt("k", true));
        assertTrue(order.getMessage().contains("booleans support only eq and ne"), order.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Filter.in("k", List.of()));
        IllegalArgumentException table = assertThrows(IllegalArgumentException.class,
                () -> VectorCollection.builder(StoreFiles.dataSource(dir.resolve("x.db"))).table("a;drop").dimensions(3).build());
        assertTrue(table.getMessage().contains("'a;drop'"), table.getMessage());
    }
}
