package io.github.sqlitevec.store;

/**
 * How a filtered search runs (docs/vector-stores.md, "Filtered search: two plans, both exact"), chosen per query
 * from the share of documents the filter matches, estimated on a fixed sample of {@link #SAMPLE} documents:
 * <ul>
 * <li><b>over-fetch</b>, when the filter matches at least {@link #MIN_SELECTIVITY} of the documents: the plain
 * KNN for {@code k' = k / share × MARGIN} candidates, each checked against the filter by index probes, the first
 * {@code k} that pass are the answer. Exact whenever {@code k} pass (the {@code k} nearest matching rows are then
 * all among the {@code k'} nearest rows); otherwise the search runs again as {@code rowid IN};</li>
 * <li><b>rowid IN</b> otherwise: {@code rowid IN (<filter set>)} inside the vec0 KNN. sqlite-vec's cost grows
 * with the size of that set, the plain KNN's with {@code k'}; the crossover is measured by
 * {@code FilterStrategyBenchmark} (docs/benchmarks.md).</li>
 * </ul>
 * Immutable and thread-safe.
 *
 * @param candidates the over-fetch {@code k'}, or 0 for {@code rowid IN}
 */
record FilteredKnnPlan(int candidates) {

    /** Documents probed to estimate the filter's share: ±6 points at 50 % (two standard deviations). */
    static final int SAMPLE = 256;

    /**
     * Below this estimated share, {@code rowid IN} is as fast as a plain KNN for k / share × MARGIN rows
     * (measured: over-fetch wins at 50 % on 10k and 100k rows, 20 % is a wash).
     */
    static final double MIN_SELECTIVITY = 0.3;

    /** Candidates per expected hit: with 2, fewer than k of them pass only by a rare run of bad luck. */
    static final int MARGIN = 2;

    /** sqlite-vec's largest k. */
    static final int MAX_CANDIDATES = 4096;

    /** The plan for a top-{@code k} search when {@code passed} of {@code sampled} documents matched the filter. */
    static FilteredKnnPlan choose(int k, long sampled, long passed) {
        if (sampled == 0 || (double) passed / sampled < MIN_SELECTIVITY) {
            return new FilteredKnnPlan(0);
        }
        double candidates = Math.ceil((double) k * sampled / passed) * MARGIN;
        return new FilteredKnnPlan(candidates > MAX_CANDIDATES ? 0 : (int) candidates);
    }

    boolean overFetch() {
        return candidates > 0;
    }
}
