package io.github.sqlitevec.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every plan of a filtered search (over-fetch, over-fetch falling back to {@code rowid IN}, {@code rowid IN})
 * returns exactly the top-k a brute-force cosine computation in Java finds over the same rows, in the same order.
 * Random Gaussian vectors have no ties, so the order is unique.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FilteredSearchIsExactTest {

    static final int ROWS = 5000;
    static final int DIMS = 16;

    VectorCollection store;
    final List<VectorDocument> documents = new ArrayList<>();
    final float[] query = new float[DIMS];

    @BeforeAll
    void fill(@TempDir Path dir) {
        store = StoreFiles.collection(dir, DIMS, DistanceMetric.COSINE);
        Random random = new Random(7);
        for (int d = 0; d < DIMS; d++) {
            query[d] = (float) random.nextGaussian();
        }
        for (int i = 0; i < ROWS; i++) {
            boolean far = i % 2 == 1;
            float[] v = new float[DIMS];
            for (int d = 0; d < DIMS; d++) {
                // "far" documents point away from the query: none of them is among its nearest rows.
                v[d] = (float) random.nextGaussian() * 0.5f + (far ? -query[d] : query[d]);
            }
            documents.add(new VectorDocument("d" + i, null,
                    Map.of("m2", i % 2, "m20", i % 20, "m500", i % 500, "m2500", i % 2500, "far", far), v));
        }
        store.upsertAll(documents);
    }

    @Test
    void aFilterMatchingHalfTheRowsOverFetchesAndFindsTheTrueTopK() {
        assertTrue(FilteredKnnPlan.choose(10, 256, 128).overFetch());
        assertExact(10, Filter.eq("m2", 0), d -> meta(d, "m2").equals(0));
    }

    @Test
    void aFilterMatchingFivePercentRunsInsideTheKnnAndFindsTheTrueTopK() {
        assertFalse(FilteredKnnPlan.choose(10, 256, 13).overFetch());
        assertExact(10, Filter.eq("m20", 3), d -> meta(d, "m20").equals(3));
    }

    @Test
    void whenTheNearestCandidatesFailTheFilterTheSearchFallsBackAndStillFindsTheTopK() {
        // Half the rows match, so k' = 40; but every match points away from the query, so none of the 40 pass.
        assertTrue(FilteredKnnPlan.choose(10, 256, 128).overFetch());
        assertExact(10, Filter.eq("far", true), d -> meta(d, "far").equals(true));
    }

    @Test
    void aSelectiveFilterRunsInsideTheKnnAndFindsTheTrueTopK() {
        assertFalse(FilteredKnnPlan.choose(5, 256, 1).overFetch());
        assertExact(5, Filter.eq("m500", 17), d -> meta(d, "m500").equals(17));
    }

    @Test
    void aFilterMatchingFewerThanKRowsReturnsEveryMatch() {
        assertFalse(FilteredKnnPlan.choose(10, 256, 0).overFetch());
        assertExact(10, Filter.eq("m2500", 4), d -> meta(d, "m2500").equals(4));
    }

    @Test
    void aLargeTopKBeyondSqliteVecsLimitForCandidatesRunsInsideTheKnn() {
        assertFalse(FilteredKnnPlan.choose(3000, 256, 128).overFetch());
        // Among 3,000 hits some distances differ by less than float32 precision (sqlite-vec) resolves, so the
        // order of those near-ties may differ from the double computation: compare the set and the distances.
        List<SearchHit> hits = store.search(SearchRequest.of(query, 3000).withFilter(Filter.eq("m2", 1)));
        List<String> expected = documents.stream().filter(d -> meta(d, "m2").equals(1))
                .sorted(Comparator.comparingDouble(d -> cosineDistance(query, d.embedding()))).limit(3000).map(VectorDocument::id).toList();
        assertEquals(new java.util.HashSet<>(expected), new java.util.HashSet<>(ids(hits)));
        for (int i = 1; i < hits.size(); i++) {
            assertTrue(hits.get(i - 1).distance() <= hits.get(i).distance());
        }
    }

    @Test
    void compoundFiltersAreExactUnderEveryPlan() {
        // Half of the rows, and 1/20 + 1/5 of them: over-fetch, then rowid IN; missing keys go through not().
        assertExact(20, Filter.or(Filter.eq("m20", 1), Filter.not(Filter.lt("m500", 400))),
                d -> meta(d, "m20").equals(1) || (int) meta(d, "m500") >= 400);
        assertExact(20, Filter.and(Filter.eq("far", false), Filter.in("m20", List.of(2, 4, 6))),
                d -> meta(d, "far").equals(false) && List.of(2, 4, 6).contains(meta(d, "m20")));
        assertExact(20, Filter.or(Filter.missing("nowhere"), Filter.eq("m2", 0)), d -> true);
        assertExact(20, Filter.and(Filter.not(Filter.eq("m2", 0)), Filter.exists("m20")), d -> meta(d, "m2").equals(1));
    }

    @Test
    void maxDistanceCutsTheOverFetchedHitsLikeTheOthers() {
        List<SearchHit> all = store.search(SearchRequest.of(query, 10).withFilter(Filter.eq("m2", 0)));
        double limit = (all.get(4).distance() + all.get(5).distance()) / 2;
        List<SearchHit> near = store.search(SearchRequest.of(query, 10).withFilter(Filter.eq("m2", 0)).withMaxDistance(limit));
        assertEquals(ids(all.subList(0, 5)), ids(near));
    }

    private void assertExact(int k, Filter filter, Predicate<VectorDocument> matches) {
        List<SearchHit> hits = store.search(SearchRequest.of(query, k).withFilter(filter));
        Map<String, Double> distance = new HashMap<>();
        List<VectorDocument> expected = documents.stream().filter(matches)
                .peek(d -> distance.put(d.id(), cosineDistance(query, d.embedding())))
                .sorted(Comparator.comparingDouble(d -> distance.get(d.id()))).limit(k).toList();
        assertEquals(expected.stream().map(VectorDocument::id).toList(), ids(hits));
        for (SearchHit h : hits) {
            assertEquals(distance.get(h.document().id()), h.distance(), 1e-5, h.document().id());
        }
    }

    private static Object meta(VectorDocument d, String key) {
        return d.metadata().get(key);
    }

    private static List<String> ids(List<SearchHit> hits) {
        return hits.stream().map(h -> h.document().id()).toList();
    }

    private static double cosineDistance(float[] a, float[] b) {
        double dot = 0, na = 0, nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
            na += (double) a[i] * a[i];
            nb += (double) b[i] * b[i];
        }
        return 1 - dot / Math.sqrt(na * nb);
    }
}
