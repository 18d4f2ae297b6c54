package io.github.sqlitevec.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One collection shared by threads over a real HikariCP pool: no lost writes, no lock errors. */
class ConcurrencyTest {

    @TempDir
    Path dir;

    @Test
    void concurrentWritersAndReadersOverAPoolLoseNothing() throws Exception {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:sqlitevec:" + dir.resolve("pool.db"));
        config.setMaximumPoolSize(4);
        try (HikariDataSource pool = new HikariDataSource(config)) {
            VectorCollection c = VectorCollection.builder(pool).table("shared").dimensions(4).createTable(true).build();
            ExecutorService threads = Executors.newFixedThreadPool(4);
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                futures.add(threads.submit(() -> {
                    for (int batch = 0; batch < 10; batch++) {
                        List<VectorDocument> docs = new ArrayList<>();
                        for (int i = 0; i < 10; i++) {
                            docs.add(new VectorDocument(thread + "-" + batch + "-" + i, null, Map.of("thread", thread),
                                    new float[] {1, thread, batch, i}));
                        }
                        c.upsertAll(docs);
                        c.search(SearchRequest.of(new float[] {1, 1, 1, 1}, 5).withFilter(Filter.eq("thread", thread)));
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
            threads.shutdown();
            assertEquals(400, c.count());
            assertEquals(100, c.search(SearchRequest.of(new float[] {1, 0, 0, 0}, 1000).withFilter(Filter.eq("thread", 2))).size());
        }
    }
}
