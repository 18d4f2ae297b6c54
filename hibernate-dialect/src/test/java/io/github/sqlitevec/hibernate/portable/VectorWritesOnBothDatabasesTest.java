package io.github.sqlitevec.hibernate.portable;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.util.stream.Stream;

import org.hibernate.SessionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

/** Inserts, updates (entity and HQL) and deletes of vector attributes give the same values back on both databases. */
class VectorWritesOnBothDatabasesTest {

    @TempDir
    static Path dir;

    private static SessionFactory sqlite;
    private static SessionFactory postgres;

    @BeforeAll
    static void boot() {
        sqlite = BothDatabases.sqlite(dir, Article.class);
        postgres = BothDatabases.postgres("hibernate_vector_writes", Article.class);
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

    static Stream<Arguments> databases() {
        return Stream.of(Arguments.of("sqlite", sqlite), Arguments.of("postgres", postgres));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void insertUpdateAndDeleteRoundTripExactFloat32Values(String name, SessionFactory factory) {
        float[] first = {1, 2, 3, 4, 5, 6, 7, 8};
        float[] second = {-0.5f, 0.25f, 1e-3f, 1e3f, 0, -8, 3.25f, 1.1754944e-38f};
        byte[] bits = {1, 2, 3, 4, 5, 6, 7, (byte) 0xFF};
        Long id = factory.fromTransaction(session -> {
            Article a = new Article("xx", 1999, first, bits);
            session.persist(a);
            return a.id;
        });
        Article stored = factory.fromSession(s -> s.find(Article.class, id));
        assertArrayEquals(first, stored.embedding);
        assertArrayEquals(bits, stored.fingerprint);

        factory.inTransaction(session -> session.find(Article.class, id).embedding = second);
        assertArrayEquals(second, factory.fromSession(s -> s.find(Article.class, id)).embedding);

        factory.inTransaction(session -> session.createMutationQuery("update Article a set a.embedding = :v where a.id = :id")
                .setParameter("v", first).setParameter("id", id).executeUpdate());
        assertArrayEquals(first, factory.fromSession(s -> s.find(Article.class, id)).embedding);

        // Only the float vector is set to NULL: hibernate-vector 7.4.13 cannot read a NULL bit(n) back on
        // PostgreSQL (its extractor parses the missing value as a bit string: NumberFormatException "1null").
        factory.inTransaction(session -> session.find(Article.class, id).embedding = null);
        assertNull(factory.fromSession(s -> s.find(Article.class, id)).embedding);

        factory.inTransaction(session -> session.remove(session.find(Article.class, id)));
        assertNull(factory.fromSession(s -> s.find(Article.class, id)));
    }
}
