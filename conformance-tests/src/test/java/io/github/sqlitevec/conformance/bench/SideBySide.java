package io.github.sqlitevec.conformance.bench;

import java.util.Arrays;
import java.util.Locale;

/**
 * Times two variants of one operation in alternating rounds, so machine noise hits both alike,
 * and reports medians and their ratio. Our machines are noisy: only ratios measured side by side
 * in one run are worth recording.
 */
final class SideBySide {
    interface Operation {
        void run() throws Exception;
    }

    static final class Result {
        final String name;
        final double baselineNanos;
        final double candidateNanos;

        Result(String name, double baselineNanos, double candidateNanos) {
            this.name = name;
            this.baselineNanos = baselineNanos;
            this.candidateNanos = candidateNanos;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%-40s baseline %10.1f µs   candidate %10.1f µs   ratio %.2f   difference %+.1f µs",
                    name, baselineNanos / 1e3, candidateNanos / 1e3, candidateNanos / baselineNanos,
                    (candidateNanos - baselineNanos) / 1e3);
        }
    }

    private SideBySide() {}

    /** Median nanoseconds per operation of each variant over {@code rounds} alternating rounds of {@code perRound} operations. */
    static Result measure(String name, Operation baseline, Operation candidate, int rounds, int perRound) throws Exception {
        for (int i = 0; i < Math.max(1, rounds / 4); i++) { // warm-up: JIT, page cache, native extraction
            time(baseline, perRound);
            time(candidate, perRound);
        }
        double[] a = new double[rounds];
        double[] b = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            if (r % 2 == 0) {
                a[r] = time(baseline, perRound);
                b[r] = time(candidate, perRound);
            } else {
                b[r] = time(candidate, perRound);
                a[r] = time(baseline, perRound);
            }
        }
        return new Result(name, median(a), median(b));
    }

    private static double time(Operation op, int times) throws Exception {
        long start = System.nanoTime();
        for (int i = 0; i < times; i++) {
            op.run();
        }
        return (System.nanoTime() - start) / (double) times;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
