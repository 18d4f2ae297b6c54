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
 * How far one file carries: KNN latency (k = 10) of float32, int8 and bit + float rescore at up to
 * a million rows, ours against the official sqlite-vec binary with memory-mapped I/O on both sides,
 * and recall@10 of the quantized searches against exact float32, on real sentence embeddings
 * ({@link SentenceCorpus}) and on clustered synthetic vectors.
 *
 * <pre>./mvnw -B -q -pl conformance-tests -am -Pbench verify -DskipTests \
 *     -Dbench.main=io.github.sqlitevec.conformance.bench.ScaleBenchmark \
 *     [-Dbench.scale.sets=sentences,1000000x384,1000000x1536] [-Dbench.rounds=5] [-Dbench.recallQueries=100]</pre>
 *
 * A set is {@code sentences} (every passage of the cached corpus; build the cache first, see
 * {@link SentenceCorpus}) or {@code ROWSxDIMS} (clustered synthetic). Files use
 * 64 KiB pages ({@code -Dbench.scale.pageSize}); the largest, 1M × 1536, takes ≈ 14 GB of disk
 * and of page cache.
 */
public final class ScaleBenchmark {
    /** What jdbc:sqlitevec: sets when the URL does not (MemoryMapping in the driver). */
    private static final long DEFAULT_MMAP = 4L << 30;

    private final OfficialSqliteVec official;
    private final int rounds = Integer.getInteger("bench.rounds", 5);
    private final int recallQueries = Integer.getInteger("bench.recallQueries", 100);
    private final int pageSize = Integer.getInteger("bench.scale.pageSize", 65536);
    private final int[] oversamples = Arrays.stream(System.getProperty("bench.scale.oversample", "2,5,10,20,50").split(","))
            .map(String::trim).mapToInt(Integer::parseInt).toArray();

    final MarkdownTable latency = new MarkdownTable(
            "KNN at scale, k = 10, memory-mapped I/O on both sides (median per query; recall@10 against exact float32)",
            "data", "query", "recall@10", "sqlitevec-jdbc", "official binary", "official ÷ ours",
            "sqlitevec-jdbc, default mmap_size (4 GiB)");
    final MarkdownTable setup = new MarkdownTable("databases (vf float32, vi int8, vb bit, plain float32 blobs for rescoring)",
            "data", "rows", "file size", "page size", "build time", "mmap_size granted", "load average");

    private ScaleBenchmark(OfficialSqliteVec official) {
        this.official = official;
    }

    public static void main(String[] args) throws Exception {
        System.out.println("load average at start: " + AllBenchmarks.loadAverage() + ", "
                + Runtime.getRuntime().availableProcessors() + " CPUs");
        ScaleBenchmark benchmark = new ScaleBenchmark(OfficialSqliteVec.fetch());
        Path dir = BenchWorkspace.scratch("scale");
        try {
            for (String set : System.getProperty("bench.scale.sets", "sentences,1000000x384,1000000x1536").split(",")) {
                benchmark.measure(dir, set.trim());
                System.out.println(benchmark.latency);
                System.out.println(benchmark.setup);
            }
        } finally {
            BenchWorkspace.deleteRecursively(dir);
        }
        System.out.println("load average at end: " + AllBenchmarks.loadAverage());
    }

    private void measure(Path dir, String set) throws Exception {
        Vectors data;
        int rows;
        if (set.equals("sentences")) {
            SentenceCorpus corpus = SentenceCorpus.load();
            data = corpus;
            rows = corpus.size();
        } else {
            String[] parts = set.split("x");
            rows = Integer.parseInt(parts[0]);
            data = new ClusteredEmbeddings(Integer.parseInt(parts[1]), 42);
        }
        String label = f("%s, %,d × %d", set.equals("sentences") ? "MiniLM sentences" : "synthetic", rows, data.dims());
        System.err.println("building " + label + " ...");
        KnnDatabase db = KnnDatabase.build(dir, data, rows, pageSize, KnnDatabase.Layout.VEC0_AND_RESCORE);
        long fileSize = Files.size(db.file);
        long mmap = Math.max(DEFAULT_MMAP, fileSize); // the whole file mapped, on both sides
        try (KnnSearcher ours = new KnnSearcher(DriverManager.getConnection("jdbc:sqlitevec:" + db.file), mmap);
             KnnSearcher theirs = new KnnSearcher(official.open(db.file), mmap);
             // only where the default maps less than the whole file; null (skipped by try) otherwise
             KnnSearcher oursAtDefault = fileSize > DEFAULT_MMAP
                     ? new KnnSearcher(DriverManager.getConnection("jdbc:sqlitevec:" + db.file), DEFAULT_MMAP) : null) {
            setup.add(label, f("%,d", rows), f("%.1f GB", fileSize / 1e9), f("%d KiB", pageSize / 1024),
                    f("%.0f s", db.buildSeconds), f("%.1f GB / %.1f GB", ours.mmapSize() / 1e9, theirs.mmapSize() / 1e9),
                    AllBenchmarks.loadAverage().split(" ")[0]);
            System.err.println("recall " + label + " ...");
            int n = data.dims() > 1000 && rows >= 500_000 ? Math.min(recallQueries, 30) : recallQueries; // exact float32 is the slow part
            float[][] queries = new float[n][];
            long[][] exact = new long[n][];
            for (int i = 0; i < n; i++) {
                queries[i] = data.query(i);
                exact[i] = ours.search(KnnQuery.FLOAT32, queries[i], 1);
            }
            sameAsOfficial(ours, theirs, queries);

            System.err.println("timing " + label + " ...");
            float[][] timing = Arrays.copyOf(queries, Math.min(16, n));
            row(label, KnnQuery.FLOAT32, 1, "1.000", ours, theirs, oursAtDefault, timing);
            row(label, KnnQuery.INT8, 1, f("%.3f", KnnBenchmark.recall(ours, KnnQuery.INT8, queries, exact, 1)),
                    ours, theirs, oursAtDefault, timing);
            for (int factor : oversamples) {
                row(label, KnnQuery.BIT_RESCORE, factor, f("%.3f", KnnBenchmark.recall(ours, KnnQuery.BIT_RESCORE, queries, exact, factor)),
                        ours, theirs, oursAtDefault, timing);
            }
        } finally {
            Files.delete(db.file);
        }
    }

    /** {@code oursAtDefault} is null where the driver's default mapping already covers the file. */
    private void row(String label, KnnQuery query, int oversample, String recall, KnnSearcher ours, KnnSearcher theirs,
            KnnSearcher oursAtDefault, float[][] queries) throws Exception {
        List<SideBySide.SelfTimed> variants = new ArrayList<>(List.of(KnnBenchmark.timed(ours, query, queries, oversample),
                KnnBenchmark.timed(theirs, query, queries, oversample)));
        if (oursAtDefault != null) {
            variants.add(KnnBenchmark.timed(oursAtDefault, query, queries, oversample));
        }
        double[] t = SideBySide.measureSelfTimed(variants, rounds);
        String name = query == KnnQuery.BIT_RESCORE ? f("vec0 bit ×%d + float rescore", oversample) : query.label;
        latency.add(label, name, recall, ms(t[0]), ms(t[1]), ratio(t[1] / t[0]),
                oursAtDefault == null ? "same (file < 4 GiB)" : ms(t[2]));
        System.err.println("  " + name + ": " + ms(t[0]) + " / " + ms(t[1]) + " ms, load " + AllBenchmarks.loadAverage());
    }

    /** The official binary must return our exact top 10, or the timings compare different work. */
    private static void sameAsOfficial(KnnSearcher ours, KnnSearcher theirs, float[][] queries) throws Exception {
        for (int i = 0; i < Math.min(5, queries.length); i++) {
            for (KnnQuery q : List.of(KnnQuery.FLOAT32, KnnQuery.INT8, KnnQuery.BIT_RESCORE)) {
                long[] a = ours.search(q, queries[i], 5);
                long[] b = theirs.search(q, queries[i], 5);
                if (!Arrays.equals(a, b)) {
                    throw new IllegalStateException(q + " query " + i + ": ours " + Arrays.toString(a) + ", official " + Arrays.toString(b));
                }
            }
        }
    }
}
