package io.github.sqlitevec.store;

import static io.github.sqlitevec.store.Filter.and;
import static io.github.sqlitevec.store.Filter.eq;
import static io.github.sqlitevec.store.Filter.exists;
import static io.github.sqlitevec.store.Filter.gt;
import static io.github.sqlitevec.store.Filter.in;
import static io.github.sqlitevec.store.Filter.ne;
import static io.github.sqlitevec.store.Filter.not;
import static io.github.sqlitevec.store.Filter.notIn;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A JSON array stored as metadata matches a comparison when one of its elements does (pgvector's JSON path
 * semantics, checked against PgVectorStore in the Spring AI module); a JSON object matches none. Each filter runs
 * both as the {@code rowid IN} set inside the KNN and as the per-row predicate of the chosen plan.
 */
class JsonArrayFilterTest {

    @TempDir
    static Path dir;
    static VectorCollection c;

    @BeforeAll
    static void documents() {
        c = StoreFiles.collection(dir, 2, DistanceMetric.COSINE);
        c.upsertAll(List.of(
                StoreFiles.idDocument("ab", Map.of("tags", new JsonText("[\"a\",\"b\"]"))),
                StoreFiles.idDocument("a", Map.of("tags", new JsonText("[\"a\"]"))),
                StoreFiles.idDocument("empty", Map.of("tags", new JsonText("[]"))),
                StoreFiles.idDocument("numbers", Map.of("tags", new JsonText("[1,2.5,[3]]"))),
                StoreFiles.idDocument("flag", Map.of("tags", new JsonText("[true]"))),
                StoreFiles.idDocument("object", Map.of("tags", new JsonText("{\"a\":\"a\"}"))),
                StoreFiles.idDocument("scalar", Map.of("tags", "a")),
                StoreFiles.idDocument("bracket", Map.of("tags", "[a]")),
                StoreFiles.idDocument("none", Map.of())));
    }

    static void assertMatches(Filter f, String... ids) {
        Set<String> expected = new TreeSet<>(List.of(ids));
        for (boolean choosePlan : new boolean[] {true, false}) {
            Set<String> found = new TreeSet<>();
            c.search(SearchRequest.of(new float[] {1, 1}, 100).withFilter(f), choosePlan)
                    .forEach(h -> found.add(h.document().id()));
            assertEquals(expected, found, f + (choosePlan ? " (planned)" : " (rowid IN)"));
        }
    }

    @Test
    void equalityAndMembershipMatchAnyElement() {
        assertMatches(eq("tags", "a"), "ab", "a", "scalar");
        assertMatches(eq("tags", "b"), "ab");
        assertMatches(eq("tags", 2.5), "numbers");
        assertMatches(eq("tags", 3), new String[0]); // nested arrays are not unwrapped twice
        assertMatches(eq("tags", true), "flag");
        assertMatches(eq("tags", "[a]"), "bracket");
        assertMatches(in("tags", List.of("b", 1)), "ab", "numbers");
    }

    @Test
    void rangesCompareElementsOfTheSameType() {
        assertMatches(gt("tags", 2), "numbers");
        assertMatches(gt("tags", "a"), "ab"); // "[a]" sorts before "a"
    }

    @Test
    void inequalityNeedsAnElementThatDiffers() {
        assertMatches(ne("tags", "a"), "ab", "bracket");
        assertMatches(notIn("tags", List.of("a")), "empty", "numbers", "flag", "object", "bracket");
        assertMatches(not(eq("tags", "a")), "empty", "numbers", "flag", "object", "bracket", "none");
    }

    @Test
    void presenceAndCompoundsSeeArraysLikeAnyValue() {
        assertMatches(exists("tags"), "ab", "a", "empty", "numbers", "flag", "object", "scalar", "bracket");
        assertMatches(and(eq("tags", "a"), eq("tags", "b")), "ab");
    }
}
