package io.github.sqlitevec.hibernate.portable;

import static io.github.sqlitevec.hibernate.portable.SameResults.assertSameRows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Function;

import io.github.sqlitevec.hibernate.entities.DocumentVector;
import io.github.sqlitevec.testing.postgres.PostgresTestServer;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code @Vec0Table} entity on PostgreSQL: an ordinary table with {@code vector(n)}/{@code bit(n)}
 * columns, B-tree indexes on the metadata and partition-key columns, and an HNSW index per vector column
 * with the operator class of its metric; the portable KNN form (order by the distance function, limit)
 * returns the same rows as on sqlite-vec. What has no PostgreSQL form fails with a message saying what
 * to write instead: {@code knn()} when used, an attribute on vec0's hidden {@code distance} column at boot.
 */
class Vec0EntitiesOnBothDatabasesTest {

    @TempDir
    static Path dir;

    private static SessionFactory sqlite;
    private static SessionFactory postgres;
    private static float[] query;

    @BeforeAll
    static void storeOnBoth() {
        sqlite = BothDatabases.sqlite(dir, MemoryVector.class);
        postgres = BothDatabases.postgres("hibernate_vec0_entities", MemoryVector.class);
        Random random = new Random(3);
        List<MemoryVector> rows = new ArrayList<>();
        for (int i = 1; i <= 30; i++) {
            byte[] sketch = new byte[8];
            random.nextBytes(sketch);
            rows.add(new MemoryVector(i, SameQueriesOnBothDatabasesTest.gaussian(random, 8), sketch,
                    i % 2 == 0 ? "en" : "de", i % 3, "memory " + i));
        }
        query = SameQueriesOnBothDatabasesTest.gaussian(new Random(4), 8);
        for (SessionFactory factory : List.of(sqlite, postgres)) {
            factory.inTransaction(session -> rows.forEach(r -> session.persist(
                    new MemoryVector(r.id, r.embedding, r.sketch, r.lang, r.tenant, r.body))));
        }
    }

    @AfterAll
    static void close() {
        if (sqlite != null) {
            sqlite.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void onPostgresTheTableGetsFilterIndexesAndHnswIndexesWithTheColumnsMetric() throws SQLException {
        Map<String, String> indexes = new TreeMap<>();
        try (Connection c = DriverManager.getConnection(PostgresTestServer.shared().url("hibernate_vec0_entities"));
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select indexname, indexdef from pg_indexes where tablename = 'memory_vectors'")) {
            while (rs.next()) {
                indexes.put(rs.getString(1), rs.getString(2));
            }
        }
        assertTrue(indexes.get("memory_vectors_embedding_hnsw_idx").contains("USING hnsw (embedding vector_cosine_ops)"), indexes.toString());
        assertTrue(indexes.get("memory_vectors_sketch_hnsw_idx").contains("USING hnsw (sketch bit_hamming_ops)"), indexes.toString());
        assertTrue(indexes.containsKey("memory_vectors_lang_idx"), indexes.toString());
        assertTrue(indexes.containsKey("memory_vectors_tenant_idx"), indexes.toString());
    }

    @Test
    void thePortableKnnFormReturnsTheSameRowsOnBoth() {
        onBoth(session -> session.createQuery(
                        "select v.id, v.body, cosine_distance(v.embedding, :q) from MemoryVector v"
                                + " where v.tenant = 1 order by cosine_distance(v.embedding, :q)", Object[].class)
                .setParameter("q", query).setMaxResults(4).getResultList());
        onBoth(session -> session.createQuery(
                        "select v.id, hamming_distance(v.sketch, :b) from MemoryVector v where v.lang = 'en'"
                                + " order by hamming_distance(v.sketch, :b), v.id", Object[].class)
                .setParameter("b", new byte[] {1, 2, 3, 4, 5, 6, 7, 8}).setMaxResults(4).getResultList());
    }

    @Test
    void onPostgresTheKnnQueryIsServedByTheHnswIndex() throws SQLException {
        String vector = java.util.Arrays.toString(query).replace(" ", "");
        StringBuilder plan = new StringBuilder();
        try (Connection c = DriverManager.getConnection(PostgresTestServer.shared().url("hibernate_vec0_entities"));
             Statement s = c.createStatement()) {
            // 30 rows: without this the planner rightly prefers a sequential scan.
            s.execute("set enable_seqscan = off");
            try (ResultSet rs = s.executeQuery("explain select id from memory_vectors order by embedding <=> '"
                    + vector + "'::vector limit 4")) {
                while (rs.next()) {
                    plan.append(rs.getString(1)).append('\n');
                }
            }
        }
        assertTrue(plan.toString().contains("Index Scan using memory_vectors_embedding_hnsw_idx"), plan.toString());
    }

    @Test
    void knnOnPostgresFailsWithThePortableAlternative() {
        Exception e = assertThrows(Exception.class, () -> postgres.fromSession(session -> session.createQuery(
                        "from MemoryVector v where knn(v.embedding, :q, 3)", MemoryVector.class)
                .setParameter("q", query).getResultList()));
        assertTrue(messages(e).contains("order by the distance of the column's metric"), messages(e));
    }

    @Test
    void aVec0EntityMappingTheHiddenDistanceColumnFailsAtBootOnPostgres() {
        Exception e = assertThrows(Exception.class, () -> BothDatabases.postgres("hibernate_vec0_distance", DocumentVector.class).close());
        assertTrue(messages(e).contains("DocumentVector.distance maps vec0's hidden 'distance' column"), messages(e));
        assertTrue(messages(e).contains("remove the attribute and select the distance instead"), messages(e));
    }

    private static List<Object[]> onBoth(Function<Session, List<Object[]>> query) {
        List<Object[]> onSqlite = sqlite.fromSession(query);
        assertSameRows(onSqlite, postgres.fromSession(query));
        assertEquals(4, onSqlite.size());
        return onSqlite;
    }

    private static String messages(Throwable error) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = error; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append(" | ");
        }
        return all.toString();
    }
}
