package io.github.sqlitevec.langchain4j.bench;

import static dev.langchain4j.store.embedding.filter.MetadataFilterBuilder.metadataKey;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.langchain4j.data.document.Metadata;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.store.embedding.EmbeddingSearchRequest;
import dev.langchain4j.store.embedding.EmbeddingStore;
import dev.langchain4j.store.embedding.filter.Filter;
import dev.langchain4j.store.embedding.inmemory.InMemoryEmbeddingStore;
import io.github.sqlitevec.langchain4j.SqliteVecEmbeddingStore;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * {@link SqliteVecEmbeddingStore} against LangChain4j's {@link InMemoryEmbeddingStore}, side by side in one run:
 * {@code addAll} throughput (embedding excluded: seeded random unit vectors), search latency unfiltered and with
 * filters of 50 %, 5 % and 0.1 % selectivity, heap held by each store, and restart cost (our file reopened versus
 * {@code serializeToFile} / {@code fromFile}). Run with {@code -Pbench} (docs/benchmarks.md); knobs:
 * {@code -Dbench.rows=10000,100000 -Dbench.queries=40 -Dbench.dir=...}.
 */
public final class EmbeddingStoreBenchmark {

    private static final int DIMENSION = 384;
    private static final int BATCH = 1000;
    private static final int TOP_K = 10;

    /** {@code bucket} is {@code row % 1000}, so these filters keep 50 %, 5 % and 0.1 % of the rows. */
    private static final Map<String, Filter> FILTERS = new LinkedHashMap<>();

    static {
        FILTERS.put("unfiltered", null);
        FILTERS.put("50 %", metadataKey("bucket").isLessThan(500));
        FILTERS.put("5 %", metadataKey("bucket").isLessThan(50));
        FILTERS.put("0.1 %", metadataKey("bucket").isEqualTo(7));
    }

    public static void main(String[] args) throws Exception {
        int[] sizes = Arrays.stream(System.getProperty("bench.rows", "10000,100000").split(","))
                .mapToInt(s -> Integer.parseInt(s.trim()))
                .toArray();
        int queries = Integer.getInteger("bench.queries", 40);
        Path dir = Files.createDirectories(Path.of(System.getProperty("bench.dir", "target/bench")));
        System.out.printf(Locale.ROOT, "# LangChain4j stores, %d dims, top-%d, %d queries per cell; load average %.2f at start%n",
                DIMENSION, TOP_K, queries, loadAverage());
        for (int rows : sizes) {
            run(rows, queries, dir);
        }
        System.out.printf(Locale.ROOT, "load average %.2f at end%n", loadAverage());
    }

    private static void run(int rows, int queries, Path dir) throws IOException {
        Random random = new Random(42);
        List<Embedding> queryVectors = new ArrayList<>();
        for (int q = 0; q < queries; q++) {
            queryVectors.add(Embedding.from(unitVector(random)));
        }
        Path file = dir.resolve("langchain4j-bench-" + rows + ".db");
        Files.deleteIfExists(file);
        Path json = dir.resolve("langchain4j-bench-" + rows + ".json");
        System.out.printf(Locale.ROOT, "%n## %,d rows%n%n", rows);
        System.out.println("| | SqliteVecEmbeddingStore | InMemoryEmbeddingStore | ratio (in-memory / ours) |");
        System.out.println("|---|---|---|---|");

        long heapAtStart = usedHeap();
        Corpus corpus = new Corpus(rows, random);
        HikariDataSource pool = pool(file);
        SqliteVecEmbeddingStore ours = open(pool);
        double oursAdd = addAll(ours, corpus);
        InMemoryEmbeddingStore<TextSegment> memory = new InMemoryEmbeddingStore<>();
        double memoryAdd = addAll(memory, corpus);
        row("addAll, documents/s (batches of " + BATCH + ")", oursAdd, memoryAdd, "%,.0f");

        for (Map.Entry<String, Filter> filter : FILTERS.entrySet()) {
            double[] oursMs = latencies(ours, queryVectors, filter.getValue());
            double[] memoryMs = latencies(memory, queryVectors, filter.getValue());
            row("search " + filter.getKey() + ", median ms", median(oursMs), median(memoryMs), "%.2f");
            row("search " + filter.getKey() + ", p90 ms", p90(oursMs), p90(memoryMs), "%.2f");
        }

        // Heap: what stays reachable once the input is gone; ours keeps only a pool, the in-memory store everything.
        corpus = null;
        long heapBoth = usedHeap() - heapAtStart;
        long start = System.nanoTime();
        memory.serializeToFile(json);
        double serializeMs = (System.nanoTime() - start) / 1e6;
        memory = null;
        long heapOurs = usedHeap() - heapAtStart;
        // Ours holds a pool and prepared statements, below what a full GC measurement resolves: no ratio.
        System.out.printf(Locale.ROOT, "| heap held after a full GC, MB | %.1f | %.1f | |%n",
                heapOurs / 1e6, (heapBoth - heapOurs) / 1e6);
        pool.close();

        start = System.nanoTime();
        HikariDataSource reopenedPool = pool(file);
        SqliteVecEmbeddingStore reopened = open(reopenedPool);
        reopened.search(request(queryVectors.get(0), null));
        double oursReopenMs = (System.nanoTime() - start) / 1e6;
        start = System.nanoTime();
        InMemoryEmbeddingStore<TextSegment> reloaded = InMemoryEmbeddingStore.fromFile(json);
        reloaded.search(request(queryVectors.get(0), null));
        double memoryReloadMs = (System.nanoTime() - start) / 1e6;
        System.out.printf(Locale.ROOT, "| save before shutdown, ms | 0 (every write is already in the file) | %.0f (serializeToFile) | |%n",
                serializeMs);
        row("restart until the first answer, ms (ours: new pool + store; in-memory: fromFile)", oursReopenMs,
                memoryReloadMs, "%.0f");
        System.out.printf(Locale.ROOT, "| file size, MB | %.1f | %.1f (JSON) | |%n",
                Files.size(file) / 1e6, Files.size(json) / 1e6);
        reopenedPool.close();
        Files.deleteIfExists(json);
        Files.deleteIfExists(file);
    }

    /** The documents of one run: seeded random unit vectors (no embedding model in the timings) and metadata. */
    private static final class Corpus {
        final List<String> ids;
        final List<Embedding> embeddings;
        final List<TextSegment> segments;

        Corpus(int rows, Random random) {
            ids = new ArrayList<>(rows);
            embeddings = new ArrayList<>(rows);
            segments = new ArrayList<>(rows);
            for (int i = 0; i < rows; i++) {
                ids.add(UUID.nameUUIDFromBytes(("row-" + i).getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString());
                embeddings.add(Embedding.from(unitVector(random)));
                segments.add(TextSegment.from("segment number " + i + " of the benchmark corpus",
                        new Metadata().put("bucket", i % 1000).put("kind", i % 2 == 0 ? "even" : "odd")));
            }
        }
    }

    private static double addAll(EmbeddingStore<TextSegment> store, Corpus corpus) {
        int rows = corpus.ids.size();
        long start = System.nanoTime();
        for (int from = 0; from < rows; from += BATCH) {
            int to = Math.min(rows, from + BATCH);
            store.addAll(corpus.ids.subList(from, to), corpus.embeddings.subList(from, to), corpus.segments.subList(from, to));
        }
        return rows / ((System.nanoTime() - start) / 1e9);
    }

    private static double[] latencies(EmbeddingStore<TextSegment> store, List<Embedding> queries, Filter filter) {
        for (int warm = 0; warm < 3; warm++) {
            store.search(request(queries.get(warm % queries.size()), filter));
        }
        double[] ms = new double[queries.size()];
        for (int q = 0; q < queries.size(); q++) {
            long start = System.nanoTime();
            int found = store.search(request(queries.get(q), filter)).matches().size();
            ms[q] = (System.nanoTime() - start) / 1e6;
            if (found != TOP_K) {
                throw new IllegalStateException("expected " + TOP_K + " matches, got " + found + " with filter " + filter);
            }
        }
        return ms;
    }

    private static EmbeddingSearchRequest request(Embedding query, Filter filter) {
        return EmbeddingSearchRequest.builder().queryEmbedding(query).maxResults(TOP_K).filter(filter).build();
    }

    private static SqliteVecEmbeddingStore open(HikariDataSource pool) {
        return SqliteVecEmbeddingStore.builder()
                .dataSource(pool)
                .table("embeddings")
                .dimension(DIMENSION)
                .createTable(true)
                .build();
    }

    private static HikariDataSource pool(Path file) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:sqlitevec:" + file + "?journal_mode=WAL");
        config.setMaximumPoolSize(2);
        return new HikariDataSource(config);
    }

    private static float[] unitVector(Random random) {
        float[] v = new float[DIMENSION];
        double norm = 0;
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) random.nextGaussian();
            norm += v[i] * v[i];
        }
        float scale = (float) (1 / Math.sqrt(norm));
        for (int i = 0; i < v.length; i++) {
            v[i] *= scale;
        }
        return v;
    }

    private static void row(String what, double ours, double memory, String format) {
        System.out.printf(Locale.ROOT, "| %s | " + format + " | " + format + " | %.2f |%n", what, ours, memory, memory / ours);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static double p90(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[(int) Math.ceil(sorted.length * 0.9) - 1];
    }

    private static long usedHeap() {
        Runtime runtime = Runtime.getRuntime();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            used = Math.min(used, runtime.totalMemory() - runtime.freeMemory());
        }
        return used;
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private EmbeddingStoreBenchmark() {}
}
