package io.github.sqlitevec.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ParallelKnn over a real file and a real HikariCP pool, checked against one query over the whole table. */
class ParallelKnnTest {
    private static final int DIMENSIONS = 64;
    private static final int ROWS = 6000;
    private static final int SHARDS = 6;
    private static final String SQL =
            "SELECT rowid, distance FROM items WHERE embedding MATCH ?1 AND k = ?2 AND shard = ?3";

    @TempDir
    static Path dir;
    static HikariDataSource pool;

    @BeforeAll
    static void fill() throws SQLException {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:sqlitevec:" + dir.resolve("items.db") + "?journal_mode=WAL");
        config.setMaximumPoolSize(4);
        pool = new HikariDataSource(config);
        Random random = new Random(42);
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE VIRTUAL TABLE items USING vec0(shard integer partition key, embedding float["
                    + DIMENSIONS + "], tag integer, chunk_size=256)");
            c.setAutoCommit(false);
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO items(rowid, shard, embedding, tag) VALUES (?1, ?1 % " + SHARDS + ", ?2, ?1 % 3)")) {
                for (int id = 1; id <= ROWS; id++) {
                    insert.setInt(1, id);
                    insert.setObject(2, vector(random));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            c.commit();
        }
    }

    @AfterAll
    static void close() {
        pool.close();
    }

    @Test
    void returnsTheTopKOfOneQueryOverTheWholeTable() throws SQLException {
        Random random = new Random(7);
        try (ParallelKnn knn = new ParallelKnn(pool, SQL, List.of(0, 1, 2, 3, 4, 5), 3)) {
            for (int k : new int[] {1, 10, 100, 1000, 4096}) {
                float[] query = vector(random);
                List<ParallelKnn.Hit> hits = knn.search(query, k);
                assertSameRows(wholeTable(query, k, ""), ids(hits), "k = " + k);
                for (ParallelKnn.Hit hit : hits) {
                    assertEquals((int) (hit.rowid() % SHARDS), hit.partition(), "partition of rowid " + hit.rowid());
                }
            }
        }
    }

    @Test
    void keepsTheStatementsFiltersAndSearchesAFewPartitions() throws SQLException {
        String filtered = "SELECT rowid, distance FROM items WHERE embedding MATCH ?1 AND k = ?2 AND shard = ?3 AND tag = 2";
        float[] query = vector(new Random(11));
        try (ParallelKnn knn = new ParallelKnn(pool, filtered, List.of(1, 4), 2)) {
            List<ParallelKnn.Hit> hits = knn.search(query, 50);
            // every tag = 2 row (2000 < 4096), nearest first, then the two shards' rows
            List<String> expected = wholeTable(query, 4096, " AND tag = 2").stream()
                    .filter(row -> Long.parseLong(row.split(" ")[0]) % SHARDS == 1 || Long.parseLong(row.split(" ")[0]) % SHARDS == 4)
                    .limit(50).collect(Collectors.toList());
            assertSameRows(expected, ids(hits), "tag = 2, shards 1 and 4");
            assertTrue(hits.stream().allMatch(h -> h.rowid() % 3 == 2 && (h.rowid() % SHARDS == 1 || h.rowid() % SHARDS == 4)));
        }
    }

    @Test
    void manyThreadsMaySearchAtOnce() throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(4);
        try (ParallelKnn knn = new ParallelKnn(pool, SQL, List.of(0, 1, 2, 3, 4, 5), 2)) {
            List<float[]> queries = new ArrayList<>();
            List<Future<List<ParallelKnn.Hit>>> answers = new ArrayList<>();
            Random random = new Random(3);
            for (int i = 0; i < 16; i++) {
                float[] query = vector(random);
                queries.add(query);
                answers.add(callers.submit(() -> knn.search(query, 20)));
            }
            for (int i = 0; i < queries.size(); i++) {
                assertSameRows(wholeTable(queries.get(i), 20, ""), ids(answers.get(i).get()), "query " + i);
            }
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void aStatementWithoutThePartitionParameterIsRejectedWithAnExample() {
        SQLException e = assertThrows(SQLException.class, () -> new ParallelKnn(pool,
                "SELECT rowid, distance FROM items WHERE embedding MATCH ?1 AND k = ?2", List.of(0), 1));
        assertEquals("42601", e.getSQLState());
        assertTrue(e.getMessage().contains("?3 (partition)"), e.getMessage());
    }

    @Test
    void aBadQueryVectorFailsTheSearchWithSqliteVecsMessage() throws SQLException {
        try (ParallelKnn knn = new ParallelKnn(pool, SQL, List.of(0, 1, 2), 2)) {
            SQLException e = assertThrows(SQLException.class, () -> knn.search(new float[3], 5));
            assertTrue(e.getMessage().contains("Dimension mismatch"), e.getMessage());
            assertEquals(5, knn.search(vector(new Random(1)), 5).size(), "still usable after a failed search");
        }
    }

    @Test
    void kOutsideSqliteVecsRangeIsRejected() throws SQLException {
        try (ParallelKnn knn = new ParallelKnn(pool, SQL, List.of(0), 1)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> knn.search(new float[DIMENSIONS], 4097));
            assertTrue(e.getMessage().contains("4097"), e.getMessage());
        }
    }

    /** rowid and distance of one KNN query over every partition at once (no parallelism). */
    private static List<String> wholeTable(float[] query, int k, String filter) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = pool.getConnection(); PreparedStatement p = c.prepareStatement(
                "SELECT rowid, distance FROM items WHERE embedding MATCH ? AND k = ?" + filter)) {
            p.setObject(1, query);
            p.setInt(2, k);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    rows.add(rs.getLong(1) + " " + rs.getDouble(2));
                }
            }
        }
        return rows;
    }

    /** Equal rows and distances; rows at equal distances (ties, which rank differently) in rowid order. */
    private static void assertSameRows(List<String> expectedRows, List<String> gotRows, String what) {
        List<String> expected = tiesByRowid(expectedRows);
        List<String> got = tiesByRowid(gotRows);
        for (int i = 0; i < Math.min(expected.size(), got.size()); i++) {
            assertEquals(expected.get(i), got.get(i), what + ": row " + i + " of " + expected.size());
        }
        assertEquals(expected.size(), got.size(), what + ": number of rows");
    }

    private static List<String> tiesByRowid(List<String> rows) {
        List<String> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparingDouble((String row) -> Double.parseDouble(row.split(" ")[1]))
                .thenComparingLong(row -> Long.parseLong(row.split(" ")[0])));
        return sorted;
    }

    private static List<String> ids(List<ParallelKnn.Hit> hits) {
        List<String> rows = new ArrayList<>();
        for (ParallelKnn.Hit hit : hits) {
            rows.add(hit.rowid() + " " + hit.distance());
        }
        return rows;
    }

    private static float[] vector(Random random) {
        float[] v = new float[DIMENSIONS];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) random.nextGaussian();
        }
        return v;
    }
}
