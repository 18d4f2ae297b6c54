package io.github.sqlitevec.springai.bench;

import io.github.sqlitevec.jdbc.SqliteVecDataSource;
import io.github.sqlitevec.springai.SqliteVecVectorStore;
import io.github.sqlitevec.testing.postgres.PostgresTestServer;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

import org.springframework.ai.document.Document;
import org.springframework.ai.embedding.Embedding;
import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.ai.embedding.EmbeddingRequest;
import org.springframework.ai.embedding.EmbeddingResponse;
import org.springframework.ai.vectorstore.SearchRequest;
import org.springframework.ai.vectorstore.SimpleVectorStore;
import org.springframework.ai.vectorstore.VectorStore;
import org.springframework.ai.vectorstore.pgvector.PgVectorStore;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Our store against Spring AI's {@code SimpleVectorStore} and {@code PgVectorStore} (HNSW) in one run, on the same
 * documents: add throughput (documents/s; embedding excluded: the model looks precomputed vectors up), search
 * latency unfiltered and at 50 % / 5 % / 0.1 % filter selectivity (median of {@code bench.rounds} queries, topK 10,
 * with the number of hits returned, since an HNSW index filters after its candidate list), heap held after the load,
 * and restart cost (SimpleVectorStore saves and reloads its JSON file; ours opens the file; PgVectorStore connects).
 * A program, not a test: {@code ./mvnw -B -pl vector-stores/spring-ai -am -Pbench verify -DskipTests}.
 */
public final class SpringAiStoreBenchmark {

    static final int DIMS = 384;
    static final int K = 10;
    static final String[] FILTERS = {null, "sel50 == 0", "sel5 == 0", "sel01 == 0"};
    static final String[] LABELS = {"unfiltered", "50 %", "5 %", "0.1 %"};

    /** Returns precomputed vectors by text: the embedding costs nothing, for every store alike. */
    static final class LookupModel implements EmbeddingModel {
        final Map<String, float[]> vectors = new HashMap<>();

        @Override
        public EmbeddingResponse call(EmbeddingRequest request) {
            List<Embedding> out = new ArrayList<>();
            for (String text : request.getInstructions()) {
                out.add(new Embedding(vectors.get(text), out.size()));
            }
            return new EmbeddingResponse(out);
        }

        @Override
        public float[] embed(Document document) {
            return vectors.get(document.getText());
        }

        @Override
        public int dimensions() {
            return DIMS;
        }
    }

    public static void main(String[] args) throws Exception {
        int[] sizes = Arrays.stream(System.getProperty("bench.rows", "10000,100000").split(",")).mapToInt(Integer::parseInt).toArray();
        int rounds = Integer.getInteger("bench.rounds", 15);
        Path dir = Files.createDirectories(Path.of(System.getProperty("bench.dir", "target/bench")));
        System.out.printf(Locale.ROOT, "load average at start: %.2f (%d cores), max heap %d MiB%n",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20);
        PostgresTestServer pg = PostgresTestServer.shared();
        for (int n : sizes) {
            LookupModel model = new LookupModel();
            Random random = new Random(7);
            float[] common = gaussian(random, 1);
            List<Document> docs = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                String text = "doc-" + i;
                model.vectors.put(text, clustered(random, common));
                docs.add(Document.builder().id(new java.util.UUID(0, i + 1).toString()).text(text)
                        .metadata(Map.of("sel50", i % 2, "sel5", i % 20, "sel01", i % 1000)).build());
            }
            List<String> queries = new ArrayList<>();
            for (int q = 0; q < rounds + 3; q++) {
                queries.add("query-" + q);
                model.vectors.put("query-" + q, clustered(random, common));
            }
            System.out.printf(Locale.ROOT, "%n### %,d documents × %d dimensions%n%n", n, DIMS);
            System.out.println("| store | add (docs/s) | unfiltered | 50 % | 5 % | 0.1 % | heap held after add | restart |");
            System.out.println("|---|---|---|---|---|---|---|---|");

            Path file = dir.resolve("spring-ai-" + n + ".db");
            Files.deleteIfExists(file);
            SqliteVecDataSource ds = new SqliteVecDataSource();
            ds.setUrl("jdbc:sqlitevec:" + file);
            JdbcTemplate sqliteJdbc = new JdbcTemplate(ds);
            run("sqlitevec (this)", docs, queries, () -> SqliteVecVectorStore.builder(sqliteJdbc, model).initializeSchema(true).build(),
                    store -> {
                        long t = System.nanoTime();
                        VectorStore reopened = SqliteVecVectorStore.builder(sqliteJdbc, model).build();
                        reopened.similaritySearch(SearchRequest.builder().query(queries.get(0)).topK(K).build());
                        return (System.nanoTime() - t) / 1e6;
                    });
            Files.deleteIfExists(file);

            File json = dir.resolve("simple-" + n + ".json").toFile();
            run("SimpleVectorStore", docs, queries, () -> SimpleVectorStore.builder(model).build(), store -> {
                ((SimpleVectorStore) store).save(json);
                long t = System.nanoTime();
                SimpleVectorStore reloaded = SimpleVectorStore.builder(model).build();
                reloaded.load(json);
                reloaded.similaritySearch(SearchRequest.builder().query(queries.get(0)).topK(K).build());
                double ms = (System.nanoTime() - t) / 1e6;
                json.delete();
                return ms;
            });

            String database = "springai_bench";
            pg.createDatabase(database);
            JdbcTemplate pgJdbc = new JdbcTemplate(pg.dataSource(database));
            pgJdbc.execute("CREATE TABLE public.vector_store (id uuid DEFAULT gen_random_uuid() PRIMARY KEY, content text, "
                    + "metadata json, embedding vector(" + DIMS + "))");
            pgJdbc.execute("CREATE INDEX ON public.vector_store USING hnsw (embedding vector_cosine_ops)");
            run("PgVectorStore (HNSW, pgvector " + pg.pgvectorVersion() + ")", docs, queries,
                    () -> PgVectorStore.builder(pgJdbc, model).dimensions(DIMS).initializeSchema(false).build(), store -> {
                        long t = System.nanoTime();
                        JdbcTemplate fresh = new JdbcTemplate(pg.dataSource(database));
                        PgVectorStore.builder(fresh, model).dimensions(DIMS).initializeSchema(false).build()
                                .similaritySearch(SearchRequest.builder().query(queries.get(0)).topK(K).build());
                        return (System.nanoTime() - t) / 1e6;
                    });
        }
        System.out.printf(Locale.ROOT, "%nload average at end: %.2f%n", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    interface Restart {
        double ms(VectorStore store) throws Exception;
    }

    static void run(String name, List<Document> docs, List<String> queries, Supplier<VectorStore> create, Restart restart) throws Exception {
        long heapBefore = usedHeapAfterGc();
        VectorStore store = create.get();
        long t = System.nanoTime();
        for (int start = 0; start < docs.size(); start += 1000) {
            store.add(docs.subList(start, Math.min(docs.size(), start + 1000)));
        }
        double addSeconds = (System.nanoTime() - t) / 1e9;
        long heapHeld = usedHeapAfterGc() - heapBefore;
        StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "| %s | %,.0f |", name, docs.size() / addSeconds));
        for (String filter : FILTERS) {
            double[] ms = new double[queries.size() - 3];
            int hits = 0;
            for (int i = 0; i < queries.size(); i++) {
                SearchRequest.Builder b = SearchRequest.builder().query(queries.get(i)).topK(K);
                SearchRequest request = filter == null ? b.build() : b.filterExpression(filter).build();
                long q = System.nanoTime();
                List<Document> found = store.similaritySearch(request);
                if (i >= 3) {
                    ms[i - 3] = (System.nanoTime() - q) / 1e6;
                    hits += found.size();
                }
            }
            Arrays.sort(ms);
            row.append(String.format(Locale.ROOT, " %.2f ms (%.1f hits) |", ms[ms.length / 2], hits / (double) ms.length));
        }
        row.append(String.format(Locale.ROOT, " %,d MiB | %.0f ms |", heapHeld >> 20, restart.ms(store)));
        System.out.println(row);
        System.err.println(name + " done");
    }

    static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }

    static float[] gaussian(Random random, double scale) {
        float[] v = new float[DIMS];
        for (int i = 0; i < DIMS; i++) {
            v[i] = (float) (random.nextGaussian() * scale);
        }
        return v;
    }

    /** Vectors around a common direction, so cosine similarities stay positive as with real text embeddings. */
    static float[] clustered(Random random, float[] common) {
        float[] v = gaussian(random, 0.8);
        double norm = 0;
        for (int i = 0; i < DIMS; i++) {
            v[i] += common[i];
            norm += v[i] * v[i];
        }
        float inv = (float) (1 / Math.sqrt(norm));
        for (int i = 0; i < DIMS; i++) {
            v[i] *= inv;
        }
        return v;
    }

    private SpringAiStoreBenchmark() {}
}
