package io.github.sqlitevec.conformance.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Times variants of one operation in alternating rounds, so machine noise hits all alike,
 * and reports medians and their ratio. Our machines are noisy: only ratios measured side by side
 * in one run are worth recording.
 */
final class SideBySide {
    interface Operation {
        void run() throws Exception;
    }

    /** A variant that times only the part that matters itself (setup and cleanup stay outside). */
    interface SelfTimed {
        /** Runs the variant once and returns the nanoseconds of its measured part. */
        long runAndTime() throws Exception;
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
        double[] medians = measureEach(List.of(baseline, candidate), rounds, perRound);
        return new Result(name, medians[0], medians[1]);
    }

    /** Like {@link #measure}, for any number of variants; returns their medians in the given order. */
    static double[] measureEach(List<Operation> variants, int rounds, int perRound) throws Exception {
        List<SelfTimed> timed = new ArrayList<>();
        for (Operation op : variants) {
            timed.add(() -> time(op, perRound));
        }
        return measureSelfTimed(timed, rounds);
    }

    /**
     * Median nanoseconds of each variant over {@code rounds} rounds; each round starts with a
     * different variant, so none always runs right after the same neighbour (cache, GC, turbo).
     */
    static double[] measureSelfTimed(List<SelfTimed> variants, int rounds) throws Exception {
        int n = variants.size();
        for (int i = 0; i < Math.max(1, rounds / 4); i++) { // warm-up: JIT, page cache, native extraction
            for (SelfTimed v : variants) {
                v.runAndTime();
            }
        }
        double[][] samples = new double[n][rounds];
        for (int r = 0; r < rounds; r++) {
            for (int i = 0; i < n; i++) {
                int v = (r + i) % n;
                samples[v][r] = variants.get(v).runAndTime();
            }
        }
        double[] medians = new double[n];
        for (int v = 0; v < n; v++) {
            medians[v] = median(samples[v]);
        }
        return medians;
    }

    private static long time(Operation op, int times) throws Exception {
        long start = System.nanoTime();
        for (int i = 0; i < times; i++) {
            op.run();
        }
        return (System.nanoTime() - start) / times;
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
