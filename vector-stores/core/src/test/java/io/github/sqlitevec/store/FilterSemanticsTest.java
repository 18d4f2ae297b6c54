package io.github.sqlitevec.store;

import static io.github.sqlitevec.store.Filter.and;
import static io.github.sqlitevec.store.Filter.contains;
import static io.github.sqlitevec.store.Filter.eq;
import static io.github.sqlitevec.store.Filter.exists;
import static io.github.sqlitevec.store.Filter.gt;
import static io.github.sqlitevec.store.Filter.gte;
import static io.github.sqlitevec.store.Filter.in;
import static io.github.sqlitevec.store.Filter.lt;
import static io.github.sqlitevec.store.Filter.lte;
import static io.github.sqlitevec.store.Filter.missing;
import static io.github.sqlitevec.store.Filter.ne;
import static io.github.sqlitevec.store.Filter.not;
import static io.github.sqlitevec.store.Filter.notIn;
import static io.github.sqlitevec.store.Filter.or;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each filter on a small fixed collection, through search (inside the KNN), deleteWhere and count. */
class FilterSemanticsTest {

    static final UUID ID = UUID.fromString("5c9e2a41-0f6e-4b7a-9d0c-8e1f2a3b4c5d");

    @TempDir
    static Path dir;
    static VectorCollection c;

    @BeforeAll
    static void documents() {
        c = StoreFiles.collection(dir, 2, DistanceMetric.COSINE);
        c.upsertAll(List.of(
                StoreFiles.idDocument("de2020", Map.of("country", "DE", "year", 2020, "rating", 4.5, "active", true, "note", "it's \"quoted\"")),
                StoreFiles.idDocument("de2023", Map.of("country", "DE", "year", 2023L, "rating", 3.0f, "active", false)),
                StoreFiles.idDocument("nl2021", Map.of("country", "NL", "year", 2021, "owner", ID)),
                StoreFiles.idDocument("bg", Map.of("country", "BG", "year", "2020")),
                StoreFiles.idDocument("none", Map.of())));
    }

    static Set<String> matching(Filter f) {
        List<SearchHit> hits = c.search(SearchRequest.of(new float[] {1, 1}, 100).withFilter(f));
        Set<String> ids = new TreeSet<>();
        hits.forEach(h -> ids.add(h.document().id()));
        return ids;
    }

    static void assertMatches(Filter f, String... ids) {
        assertEquals(new TreeSet<>(List.of(ids)), matching(f), f.toString());
    }

    @Test
    void comparisonsMatchOnlyDocumentsThatHaveTheKey() {
        assertMatches(eq("country", "DE"), "de2020", "de2023");
        assertMatches(ne("country", "DE"), "nl2021", "bg");
        assertMatches(gt("year", 2020), "de2023", "nl2021");
        assertMatches(gte("year", 2020), "de2020", "de2023", "nl2021");
        assertMatches(lt("year", 2021.5), "de2020", "nl2021");
        assertMatches(lte("rating", 3), "de2023");
        assertMatches(in("country", List.of("DE", "BG")), "de2020", "de2023", "bg");
        assertMatches(notIn("country", List.of("DE", "BG")), "nl2021");
    }

    @Test
    void notAndMissingMatchDocumentsWithoutTheKey() {
        assertMatches(not(eq("country", "DE")), "nl2021", "bg", "none");
        assertMatches(not(in("country", List.of("DE"))), "nl2021", "bg", "none");
        assertMatches(missing("owner"), "de2020", "de2023", "bg", "none");
        assertMatches(exists("owner"), "nl2021");
        assertMatches(or(missing("country"), ne("country", "DE")), "nl2021", "bg", "none");
    }

    @Test
    void numbersTextAndBooleansCompareOnlyWithinTheirFamily() {
        assertMatches(eq("year", 2020), "de2020");
        assertMatches(eq("year", "2020"), "bg");
        assertMatches(eq("year", 2023), "de2023");
        assertMatches(eq("year", 2023.0), "de2023");
        assertMatches(eq("rating", 3.0), "de2023");
        assertMatches(eq("active", true), "de2020");
        assertMatches(eq("active", false), "de2023");
        assertMatches(eq("active", 1));
        assertMatches(gt("year", "2000"), "bg");
        assertMatches(ne("year", 2020), "de2023", "nl2021", "bg");
        assertMatches(eq("owner", ID), "nl2021");
        assertMatches(eq("owner", ID.toString()), "nl2021");
        assertMatches(in("year", List.of(2020, "2020")), "de2020", "bg");
    }

    @Test
    void andOrNotNestAndQuotesAreJustText() {
        assertMatches(and(eq("country", "DE"), gte("year", 2021)), "de2023");
        assertMatches(or(eq("country", "NL"), and(eq("country", "DE"), eq("active", true))), "nl2021", "de2020");
        assertMatches(not(or(eq("country", "DE"), missing("country"))), "nl2021", "bg");
        assertMatches(and(not(eq("country", "DE")), not(eq("country", "NL"))), "bg", "none");
        assertMatches(eq("note", "it's \"quoted\""), "de2020");
        assertMatches(contains("note", "s \"quo"), "de2020");
        assertMatches(contains("country", "E"), "de2020", "de2023");
        assertMatches(contains("country", "e"));
        assertMatches(contains("year", "20"), "bg");
    }

    @Test
    void topKCountsOnlyMatchingDocuments() {
        // Post-filtering the nearest two would find one DE document; inside the KNN both are found.
        List<SearchHit> hits = c.search(SearchRequest.of(new float[] {1, 2}, 2).withFilter(eq("country", "DE")));
        assertEquals(2, hits.size());
    }

    @Test
    void deleteWhereRemovesExactlyTheMatches(@TempDir Path other) {
        VectorCollection d = StoreFiles.collection(other, 2, DistanceMetric.COSINE);
        List<VectorDocument> docs = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            docs.add(new VectorDocument("d" + i, null, i % 3 == 0 ? Map.of() : Map.of("i", i), new float[] {1, i}));
        }
        d.upsertAll(docs);
        // Missing: 0, 3, 6, 9, 12, 15, 18; below 10 with the key: 1, 2, 4, 5, 7, 8.
        assertEquals(13, d.deleteWhere(or(lt("i", 10), missing("i"))));
        assertEquals(7, d.count());
        assertEquals(7, d.search(SearchRequest.of(new float[] {1, 1}, 50)).size());
        assertEquals(0, d.search(SearchRequest.of(new float[] {1, 1}, 50).withFilter(lt("i", 10))).size());
    }
}
