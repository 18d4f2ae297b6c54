package io.github.sqlitevec.store;

/**
 * How a filtered search runs (docs/vector-stores.md, "Filtered search: two plans, both exact"), chosen per query
 * from how many documents the filter matches:
 * <ul>
 * <li><b>over-fetch</b>: when the filter matches many documents, the plain KNN with {@code k' = k × rows /
 * matches × MARGIN} candidates is cheaper than sqlite-vec's {@code rowid IN (...)}; the candidates are checked
 * against the filter and the first {@code k} that pass are the answer. Exact whenever at least {@code k} pass
 * (the {@code k} nearest matching rows are then all among the {@code k'} nearest rows); otherwise the search
 * runs again as {@code rowid IN};</li>
 * <li><b>rowid IN</b>: {@code rowid IN (<filter set>)} inside the vec0 KNN, for selective filters
 * (where {@code k'} would exceed {@link #MAX_CANDIDATES}).</li>
 * </ul>
 * The thresholds come from {@code FilterStrategyBenchmark} (docs/benchmarks.md). Immutable and thread-safe.
 *
 * @param candidates the over-fetch {@code k'}, or 0 for {@code rowid IN}
 */
record FilteredKnnPlan(int candidates) {

    /** Expected candidates per hit over the estimate: with 2, fewer than k pass only by a rare run of bad luck. */
    static final int MARGIN = 2;

    /**
     * The largest over-fetch; beyond it {@code rowid IN} is as fast (measured: 5 % selectivity, k = 10,
     * k' = 400 wins; 0.1 %, k' = 20,000, is past sqlite-vec's largest k of 4096 anyway).
     */
    static final int MAX_CANDIDATES = 4096;

    /**
     * The plan for a top-{@code k} search when the filter matches {@code matches} of at most {@code rows}
     * documents ({@code rows} may overestimate: {@code k'} only grows).
     */
    static FilteredKnnPlan choose(int k, long matches, long rows) {
        if (matches <= k || rows <= 0) {
            return new FilteredKnnPlan(0); // every match is a hit: rowid IN finds them without reading others
        }
        double candidates = Math.ceil((double) k * rows / matches) * MARGIN;
        return new FilteredKnnPlan(candidates > MAX_CANDIDATES ? 0 : (int) candidates);
    }

    boolean overFetch() {
        return candidates > 0;
    }
}
