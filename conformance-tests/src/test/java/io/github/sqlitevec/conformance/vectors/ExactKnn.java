package io.github.sqlitevec.conformance.vectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * Brute-force nearest neighbours in double precision, and the comparison of a vec0 answer with
 * them. The comparison is exact about ids where the oracle's distances are clearly apart, and
 * tie-aware where they are not (hamming distances are integers and tie often): then any of the
 * tied ids is right, as long as each returned id really lies at the distance of its rank.
 */
final class ExactKnn {
    /** Distances closer than this (relative) count as a tie the float32 engine may order either way. */
    private static final double TIE = 1e-4;

    private ExactKnn() {}

    /** Every candidate, nearest first (ties by id), each with its exact distance. */
    static <T> List<Neighbor> ranked(Map<Long, T> candidates, ToDoubleFunction<T> distanceToQuery) {
        List<Neighbor> all = new ArrayList<>();
        candidates.forEach((id, vector) -> all.add(new Neighbor(id, distanceToQuery.applyAsDouble(vector))));
        all.sort(Comparator.comparingDouble(Neighbor::distance).thenComparingLong(Neighbor::id));
        return all;
    }

    /** Checks a KNN answer (rows of id, distance in the engine's order) against the oracle's ranking. */
    static void assertSameNeighbors(List<Neighbor> ranking, List<Neighbor> answer, int k) {
        int expectedSize = Math.min(k, ranking.size());
        assertEquals(expectedSize, answer.size(), "number of neighbours returned for k=" + k);
        Map<Long, Double> exact = new java.util.HashMap<>();
        ranking.forEach(n -> exact.put(n.id(), n.distance()));
        Set<Long> seen = new HashSet<>();
        double previous = Double.NEGATIVE_INFINITY;
        for (int rank = 0; rank < answer.size(); rank++) {
            Neighbor got = answer.get(rank);
            Neighbor want = ranking.get(rank);
            assertTrue(seen.add(got.id()), "id " + got.id() + " returned twice");
            assertTrue(exact.containsKey(got.id()), "id " + got.id() + " is not a candidate (filtered out or absent)");
            assertTrue(got.distance() >= previous, "distances ascend: " + previous + " then " + got.distance());
            previous = got.distance();
            Tolerance.assertClose(want.distance(), got.distance(), "distance at rank " + rank);
            Tolerance.assertClose(exact.get(got.id()), got.distance(), "reported distance of id " + got.id());
            if (clearlyAlone(ranking, rank)) {
                assertEquals(want.id(), got.id(), "id at rank " + rank + " (no near tie there)");
            }
        }
    }

    private static boolean clearlyAlone(List<Neighbor> ranking, int rank) {
        double d = ranking.get(rank).distance();
        double margin = TIE * Math.max(1.0, Math.abs(d));
        boolean apartFromPrevious = rank == 0 || d - ranking.get(rank - 1).distance() > margin;
        boolean apartFromNext = rank + 1 >= ranking.size() || ranking.get(rank + 1).distance() - d > margin;
        return apartFromPrevious && apartFromNext;
    }
}
