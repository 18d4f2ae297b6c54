package io.github.sqlitevec.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UpsertAndSearchTest {

    @TempDir
    Path dir;

    @Test
    void searchReturnsNearestFirstWithCosineDistances() {
        VectorCollection c = StoreFiles.collection(dir, 2, DistanceMetric.COSINE);
        c.upsertAll(List.of(
                new VectorDocument("x", "along x", Map.of(), new float[] {1, 0}),
                new VectorDocument("y", "along y", Map.of(), new float[] {0, 1}),
                new VectorDocument("d", "diagonal", Map.of(), new float[] {1, 1})));
        List<SearchHit> hits = c.search(SearchRequest.of(new float[] {1, 0}, 3));
        assertEquals(List.of("x", "d", "y"), hits.stream().map(h -> h.document().id()).toList());
        assertEquals(0.0, hits.get(0).distance(), 1e-6);
        assertEquals(1 - Math.sqrt(0.5), hits.get(1).distance(), 1e-6);
        assertEquals(1.0, hits.get(2).distance(), 1e-6);
        assertEquals(DistanceMetric.COSINE, hits.get(0).metric());
        assertEquals("along x", hits.get(0).document().text());
        assertArrayEquals(new float[] {1, 1}, hits.get(1).document().embedding());
    }

    @Test
    void euclideanAndManhattanDistancesAreTheTrueOnes() {
        VectorCollection l2 = VectorCollection.builder(StoreFiles.dataSource(dir.resolve("l2.db"))).dimensions(2)
                .metric(DistanceMetric.EUCLIDEAN).createTable(true).build();
        VectorCollection l1 = VectorCollection.builder(StoreFiles.dataSource(dir.resolve("l1.db"))).dimensions(2)
                .metric(DistanceMetric.MANHATTAN).createTable(true).build();
        for (VectorCollection c : List.of(l2, l1)) {
            c.upsert(new VectorDocument("p", null, null, new float[] {3, 4}));
        }
        assertEquals(5.0, l2.search(SearchRequest.of(new float[] {0, 0}, 1)).get(0).distance(), 1e-6);
        assertEquals(7.0, l1.search(SearchRequest.of(new float[] {0, 0}, 1)).get(0).distance(), 1e-6);
    }

    @Test
    void upsertReplacesTextMetadataAndVectorOfAnExistingId() {
        VectorCollection c = StoreFiles.collection(dir, 2, DistanceMetric.COSINE);
        c.upsert(new VectorDocument("a", "old", Map.of("v", 1, "gone", "yes"), new float[] {1, 0}));
        c.upsert(new VectorDocument("a", "new", Map.of("v", 2), new float[] {0, 1}));
        assertEquals(1, c.count());
        SearchHit hit = c.search(SearchRequest.of(new float[] {0, 1}, 5)).get(0);
        assertEquals("new", hit.document().text());
        assertEquals(Map.of("v", 2), hit.document().metadata());
        assertEquals(0.0, hit.distance(), 1e-6);
    }

    @Test
    void documentsWithoutTextKeepNullText() {
        VectorCollection c = StoreFiles.collection(dir, 2, DistanceMetric.COSINE);
        c.upsert(new VectorDocument("e", null, null, new float[] {1, 2}));
        assertNull(c.search(SearchRequest.of(new float[] {1, 2}, 1)).get(0).document().text());
    }

    @Test
    void metadataComesBackWithItsJavaTypesAndExtremeValues() {
        VectorCollection c = StoreFiles.collection(dir, 2, DistanceMetric.COSINE);
        UUID uuid = UUID.randomUUID();
        Map<String, Object> metadata = new java.util.LinkedHashMap<>();
        metadata.put("string", "text with 'quotes' and \"double\"");
        metadata.put("empty", "");
        metadata.put("space", " ");
        metadata.put("uuid", uuid);
        metadata.put("int", Integer.MIN_VALUE);
        metadata.put("long", Long.MIN_VALUE);
        metadata.put("bigLong", 1746714878034235396L);
        metadata.put("float", Float.MAX_VALUE);
        metadata.put("floatTenth", 1.1f);
        metadata.put("double", Double.MIN_VALUE);
        metadata.put("doubleMax", Double.MAX_VALUE);
        metadata.put("bool", true);
        metadata.put("json", new JsonText("[1,{\"a\":2}]"));
        c.upsert(new VectorDocument("m", "t", metadata, new float[] {1, 0}));
        Map<String, Object> back = c.search(SearchRequest.of(new float[] {1, 0}, 1)).get(0).document().metadata();
        assertEquals(metadata, back);
        for (String key : metadata.keySet()) {
            assertEquals(metadata.get(key).getClass(), back.get(key).getClass(), key);
        }
    }

    @Test
    void deleteByIdsAndDeleteAllRemoveEverythingOfTheDocument() {
        VectorCollection c = StoreFiles.collection(dir, 2, DistanceMetric.COSINE);
        c.upsertAll(List.of(new VectorDocument("a", "a", Map.of("k", 1), new float[] {1, 0}),
                new VectorDocument("b", "b", Map.of("k", 2), new float[] {0, 1}),
                new VectorDocument("c", "c", Map.of("k", 3), new float[] {1, 1})));
        assertEquals(2, c.delete(List.of("a", "b", "unknown")));
        assertEquals(1, c.count());
        assertEquals(List.of("c"), c.search(SearchRequest.of(new float[] {1, 0}, 10)).stream().map(h -> h.document().id()).toList());
        assertEquals(1, c.deleteAll());
        assertEquals(0, c.count());
        assertTrue(c.search(SearchRequest.of(new float[] {1, 0}, 10)).isEmpty());
    }

    @Test
    void maxDistanceDropsFartherHits() {
        VectorCollection c = StoreFiles.collection(dir, 2, DistanceMetric.COSINE);
        c.upsertAll(List.of(new VectorDocument("x", null, null, new float[] {1, 0}),
                new VectorDocument("y", null, null, new float[] {0, 1})));
        assertEquals(List.of("x"), c.search(SearchRequest.of(new float[] {1, 0.1f}, 10).withMaxDistance(0.5))
                .stream().map(h -> h.document().id()).toList());
    }

    @Test
    void reopeningWithOtherDimensionsOrMetricIsRefused() {
        StoreFiles.collection(dir, 2, DistanceMetric.COSINE);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> VectorCollection
                .builder(StoreFiles.dataSource(dir.resolve("store.db"))).table("docs").dimensions(3).build());
        assertTrue(e.getMessage().contains("holds 2-dimensional COSINE vectors, but 3 dimensions"), e.getMessage());
        IllegalStateException missing = assertThrows(IllegalStateException.class, () -> VectorCollection
                .builder(StoreFiles.dataSource(dir.resolve("store.db"))).table("other").dimensions(2).build());
        assertTrue(missing.getMessage().contains("createTable(true)"), missing.getMessage());
        // The same settings open the existing collection.
        VectorCollection.builder(StoreFiles.dataSource(dir.resolve("store.db"))).table("docs").dimensions(2).build();
    }
}
