package io.github.sqlitevec.conformance.bench;

import static io.github.sqlitevec.conformance.bench.MarkdownTable.f;
import static io.github.sqlitevec.conformance.bench.MarkdownTable.ms;
import static io.github.sqlitevec.conformance.bench.MarkdownTable.ratio;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * KNN latency (k = 10) of sqlitevec-jdbc against the official sqlite-vec binary in plain
 * sqlite-jdbc and against the memory-bandwidth bound, for vec0 float32, int8, bit + float
 * rescoring and a plain table; the effect of {@code PRAGMA mmap_size}; recall@10 of the
 * quantized searches. One database per (rows, dims), built once and deleted at the end.
 *
 * <pre>./mvnw -B -pl conformance-tests -am -Pbench verify -DskipTests -Dbench.main=io.github.sqlitevec.conformance.bench.KnnBenchmark
 *   [-Dbench.knn.rows=10000,100000] [-Dbench.knn.dims=384,1536] [-Dbench.rounds=11] [-Dbench.oversample=20]</pre>
 */
public final class KnnBenchmark {
    private static final long MMAP_4GB = 4L << 30;
    private static final int TIMING_QUERIES = 16;
    private static final long TARGET_NANOS_PER_SAMPLE = 100_000_000L;
    private static final int[] OVERSAMPLES = {1, 2, 5, 10, 20, 50};

    private final OfficialSqliteVec official;
    private final int rounds = Integer.getInteger("bench.rounds", 11);
    private final int oversample = Integer.getInteger("bench.oversample", 20);
    private final int recallQueries = Integer.getInteger("bench.recallQueries", 100);

    final MarkdownTable latency = new MarkdownTable("KNN latency, k = 10, default settings (median per query)",
            "data", "query", "sqlitevec-jdbc", "official binary", "bandwidth bound", "ours ÷ bound", "official ÷ ours");
    final MarkdownTable mmap = new MarkdownTable("vec0 float32 KNN and PRAGMA mmap_size (0 = sqlite-jdbc's default)",
            "data", "ours, mmap 0", "ours, mmap 4 GB", "official, mmap 0", "official, mmap 4 GB", "bound",
            "ours: 0 ÷ 4 GB", "ours 4 GB ÷ bound", "official 4 GB ÷ ours 4 GB");
    final MarkdownTable recall = new MarkdownTable("recall@10 against exact float32 (clustered synthetic data), ours' latency in brackets (mmap 0 / 4 GB)",
            "data", "int8", "bit ×1 + rescore", "bit ×2 + rescore", "bit ×5 + rescore", "bit ×10 + rescore", "bit ×20 + rescore", "bit ×50 + rescore",
            "official float32 = ours", "plain cosine = vec0 L2", "plain bit table ×" + oversample + " + rescore");
    final MarkdownTable pageSize = new MarkdownTable("vec0 float32 KNN with PRAGMA page_size = 65536 (a second file with only the float32 table)",
            "data", "ours, 4 KiB pages, mmap 0", "ours, 64 KiB, mmap 0", "ours, 64 KiB, mmap 4 GB", "official, 64 KiB, mmap 0",
            "official, 64 KiB, mmap 4 GB", "bound", "ours mmap 0: 4 KiB ÷ 64 KiB", "ours 64 KiB mmap 0 ÷ bound",
            "official ÷ ours (64 KiB, mmap 0)", "build time (float32 only)");
    final MarkdownTable setup = new MarkdownTable("databases (built once per size through sqlitevec-jdbc, 4 tables, 1000-row batches, one transaction)",
            "data", "file size", "build time", "mmap_size granted for 4 GB");

    private KnnBenchmark(OfficialSqliteVec official) {
        this.official = official;
    }

    public static void main(String[] args) throws Exception {
        KnnBenchmark benchmark = run();
        System.out.println(benchmark.latency);
        System.out.println(benchmark.mmap);
        System.out.println(benchmark.recall);
        System.out.println(benchmark.pageSize);
        System.out.println(benchmark.setup);
    }

    static KnnBenchmark run() throws Exception {
        KnnBenchmark benchmark = new KnnBenchmark(OfficialSqliteVec.fetch());
        int[] rowCounts = ints(System.getProperty("bench.knn.rows", "10000,100000"));
        int[] dimensions = ints(System.getProperty("bench.knn.dims", "384,1536"));
        long maxBytes = (long) Arrays.stream(rowCounts).max().orElseThrow() * Arrays.stream(dimensions).max().orElseThrow() * 4;
        MemoryScan memory = new MemoryScan(maxBytes);
        Path dir = BenchWorkspace.scratch("knn");
        try {
            for (int rows : rowCounts) {
                for (int dims : dimensions) {
                    System.err.println("building " + rows + "×" + dims + " ...");
                    KnnDatabase db = KnnDatabase.build(dir, rows, dims);
                    System.err.println("measuring " + rows + "×" + dims + " (built in " + f("%.0f", db.buildSeconds) + " s) ...");
                    benchmark.measure(db, memory);
                    Files.delete(db.file);
                }
            }
        } finally {
            BenchWorkspace.deleteRecursively(dir);
        }
        return benchmark;
    }

    private void measure(KnnDatabase db, MemoryScan memory) throws Exception {
        String data = f("%dk × %d", db.rows / 1000, db.dims());
        float[][] queries = new float[TIMING_QUERIES][];
        for (int i = 0; i < queries.length; i++) {
            queries[i] = db.data.query(1_000_000 + i);
        }
        try (KnnSearcher ours = new KnnSearcher(DriverManager.getConnection("jdbc:sqlitevec:" + db.file), 0);
             KnnSearcher ours4g = new KnnSearcher(DriverManager.getConnection("jdbc:sqlitevec:" + db.file), MMAP_4GB);
             KnnSearcher theirs = new KnnSearcher(official.open(db.file), 0);
             KnnSearcher theirs4g = new KnnSearcher(official.open(db.file), MMAP_4GB)) {
            setup.add(data, f("%.0f MB", Files.size(db.file) / 1e6), f("%.0f s", db.buildSeconds), f("%.2f GB", ours4g.mmapSize() / 1e9));

            // float32: five variants in one alternation, so the mmap table and the latency table agree
            long floatBytes = KnnQuery.FLOAT32.bytesScanned(db, oversample);
            double[] t = SideBySide.measureSelfTimed(List.of(
                    timed(ours, KnnQuery.FLOAT32, queries, 1), timed(ours4g, KnnQuery.FLOAT32, queries, 1),
                    timed(theirs, KnnQuery.FLOAT32, queries, 1), timed(theirs4g, KnnQuery.FLOAT32, queries, 1),
                    scan(memory, floatBytes)), rounds);
            latency.add(data, KnnQuery.FLOAT32.label, ms(t[0]), ms(t[2]), ms(t[4]), ratio(t[0] / t[4]), ratio(t[2] / t[0]));
            mmap.add(data, ms(t[0]), ms(t[1]), ms(t[2]), ms(t[3]), ms(t[4]), ratio(t[0] / t[1]), ratio(t[1] / t[4]), ratio(t[3] / t[1]));

            for (KnnQuery q : List.of(KnnQuery.INT8, KnnQuery.BIT_RESCORE, KnnQuery.PLAIN_BIT_RESCORE, KnnQuery.PLAIN_COSINE)) {
                double[] m = SideBySide.measureSelfTimed(List.of(
                        timed(ours, q, queries, oversample), timed(theirs, q, queries, oversample),
                        scan(memory, q.bytesScanned(db, oversample))), rounds);
                String label = q == KnnQuery.BIT_RESCORE || q == KnnQuery.PLAIN_BIT_RESCORE ? q.label + " (×" + oversample + ")" : q.label;
                latency.add(data, label, ms(m[0]), ms(m[1]), ms(m[2]), ratio(m[0] / m[2]), ratio(m[1] / m[0]));
            }
            measureRecall(data, db, ours, ours4g, theirs);
            measurePageSize(data, db, ours, memory);
        }
    }

    /** The same float32 vectors in a file with 64 KiB pages: 16 times fewer pages per chunk blob. */
    private void measurePageSize(String data, KnnDatabase db, KnnSearcher ours4k, MemoryScan memory) throws Exception {
        System.err.println("building " + data + " float32 with 64 KiB pages ...");
        KnnDatabase big = KnnDatabase.buildFloat32Only(db.file.getParent(), db.rows, db.dims(), 65536);
        float[][] queries = new float[TIMING_QUERIES][];
        for (int i = 0; i < queries.length; i++) {
            queries[i] = db.data.query(1_000_000 + i);
        }
        try (KnnSearcher ours = new KnnSearcher(DriverManager.getConnection("jdbc:sqlitevec:" + big.file), 0);
             KnnSearcher ours4g = new KnnSearcher(DriverManager.getConnection("jdbc:sqlitevec:" + big.file), MMAP_4GB);
             KnnSearcher theirs = new KnnSearcher(official.open(big.file), 0);
             KnnSearcher theirs4g = new KnnSearcher(official.open(big.file), MMAP_4GB)) {
            double[] t = SideBySide.measureSelfTimed(List.of(
                    timed(ours4k, KnnQuery.FLOAT32, queries, 1),
                    timed(ours, KnnQuery.FLOAT32, queries, 1), timed(ours4g, KnnQuery.FLOAT32, queries, 1),
                    timed(theirs, KnnQuery.FLOAT32, queries, 1), timed(theirs4g, KnnQuery.FLOAT32, queries, 1),
                    scan(memory, KnnQuery.FLOAT32.bytesScanned(db, 1))), rounds);
            pageSize.add(data, ms(t[0]), ms(t[1]), ms(t[2]), ms(t[3]), ms(t[4]), ms(t[5]),
                    ratio(t[0] / t[1]), ratio(t[1] / t[5]), ratio(t[3] / t[1]), f("%.0f s", big.buildSeconds));
        } finally {
            Files.delete(big.file);
        }
    }

    private void measureRecall(String data, KnnDatabase db, KnnSearcher ours, KnnSearcher ours4g, KnnSearcher theirs) throws Exception {
        int n = db.rows >= 100_000 && db.dims() > 1000 ? Math.min(recallQueries, 50) : recallQueries; // exact float is the slow part
        float[][] queries = new float[n][];
        long[][] exact = new long[n][];
        for (int i = 0; i < n; i++) {
            queries[i] = db.data.query(i);
            exact[i] = ours.search(KnnQuery.FLOAT32, queries[i], 1);
        }
        List<String> row = new ArrayList<>(List.of(data, f("%.3f", recall(ours, KnnQuery.INT8, queries, exact, 1))));
        List<SideBySide.SelfTimed> bitTimings = new ArrayList<>();
        for (int factor : OVERSAMPLES) {
            bitTimings.add(timed(ours, KnnQuery.BIT_RESCORE, queries, factor));
            bitTimings.add(timed(ours4g, KnnQuery.BIT_RESCORE, queries, factor));
        }
        double[] bitNanos = SideBySide.measureSelfTimed(bitTimings, rounds);
        for (int i = 0; i < OVERSAMPLES.length; i++) {
            row.add(f("%.3f (%s / %s ms)", recall(ours, KnnQuery.BIT_RESCORE, queries, exact, OVERSAMPLES[i]),
                    ms(bitNanos[2 * i]), ms(bitNanos[2 * i + 1])));
        }
        int check = Math.min(10, n);
        row.add(f("%.3f", recall(theirs, KnnQuery.FLOAT32, Arrays.copyOf(queries, check), exact, 1)));
        row.add(f("%.3f", recall(ours, KnnQuery.PLAIN_COSINE, Arrays.copyOf(queries, check), exact, 1)));
        row.add(f("%.3f", recall(ours, KnnQuery.PLAIN_BIT_RESCORE, queries, exact, oversample)));
        recall.add(row.toArray());
    }

    /** Mean fraction of the exact 10 nearest that the search also returned. */
    static double recall(KnnSearcher searcher, KnnQuery query, float[][] queries, long[][] exact, int oversample) throws Exception {
        int hits = 0;
        for (int i = 0; i < queries.length; i++) {
            long[] found = searcher.search(query, queries[i], oversample);
            for (long id : found) {
                for (long e : exact[i]) {
                    if (id == e) {
                        hits++;
                        break;
                    }
                }
            }
        }
        return hits / (10.0 * queries.length);
    }

    /** Runs enough queries (cycling through {@code queries}) for ~100 ms and returns nanoseconds per query. */
    static SideBySide.SelfTimed timed(KnnSearcher searcher, KnnQuery query, float[][] queries, int oversample) throws Exception {
        int[] next = {0};
        SideBySide.Operation one = () -> searcher.search(query, queries[next[0]++ % queries.length], oversample);
        return repeated(one);
    }

    private static SideBySide.SelfTimed scan(MemoryScan memory, long bytes) throws Exception {
        return repeated(() -> memory.scan(bytes));
    }

    private static SideBySide.SelfTimed repeated(SideBySide.Operation one) throws Exception {
        one.run(); // first call pays for page cache and JIT
        long start = System.nanoTime();
        one.run();
        int reps = (int) Math.max(1, Math.min(1000, TARGET_NANOS_PER_SAMPLE / Math.max(1, System.nanoTime() - start)));
        return () -> {
            long t0 = System.nanoTime();
            for (int i = 0; i < reps; i++) {
                one.run();
            }
            return (System.nanoTime() - t0) / reps;
        };
    }

    private static int[] ints(String csv) {
        return Arrays.stream(csv.split(",")).map(String::trim).mapToInt(Integer::parseInt).toArray();
    }
}
