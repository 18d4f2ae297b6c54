package io.github.sqlitevec.hibernate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import io.github.sqlitevec.hibernate.entities.CosineVector;
import io.github.sqlitevec.hibernate.entities.DocumentVector;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Root;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KnnOnVec0Test {

    @TempDir
    static Path dir;

    private static SessionFactory factory;

    @BeforeAll
    static void storeVectors() {
        factory = SqliteVecHibernate.boot(dir, DocumentVector.class, CosineVector.class);
        factory.inTransaction(session -> {
            session.persist(new DocumentVector(1, new float[] {1, 0, 0, 0}, "en", 7, "one"));
            session.persist(new DocumentVector(2, new float[] {0, 1, 0, 0}, "de", 7, "two"));
            session.persist(new DocumentVector(3, new float[] {0.9f, 0.1f, 0, 0}, "de", 7, "three"));
            session.persist(new DocumentVector(4, new float[] {0.8f, 0.3f, 0, 0}, "en", 7, "four"));
            session.persist(new DocumentVector(5, new float[] {1, 0, 0, 0}, "en", 8, "other tenant"));
            session.persist(new CosineVector(1, new byte[] {100, 0}));
            session.persist(new CosineVector(2, new byte[] {50, 50}));
            session.persist(new CosineVector(3, new byte[] {-100, 1}));
        });
    }

    @AfterAll
    static void close() {
        factory.close();
    }

    @Test
    void knnInHqlReturnsTheKNearestRowsWithVec0Distances() {
        List<DocumentVector> nearest = factory.fromSession(session -> session.createQuery(
                        "from DocumentVector v where knn(v.embedding, :q, :k) and v.tenant = 7 order by v.distance", DocumentVector.class)
                .setParameter("q", new float[] {1, 0, 0, 0}).setParameter("k", 3).getResultList());
        assertEquals(List.of(1L, 3L, 4L), nearest.stream().map(v -> v.id).toList());
        assertEquals(0.0, nearest.get(0).distance, 1e-6);
        assertEquals(Math.sqrt(0.01 + 0.01), nearest.get(1).distance, 1e-6);
        assertEquals("three", nearest.get(1).body);
    }

    @Test
    void knnInCriteriaFiltersOnMetadataColumns() {
        List<Long> ids = factory.fromSession(session -> {
            CriteriaBuilder cb = session.getCriteriaBuilder();
            CriteriaQuery<Long> query = cb.createQuery(Long.class);
            Root<DocumentVector> v = query.from(DocumentVector.class);
            query.select(v.get("id"))
                    .where(cb.and(
                            cb.isTrue(cb.function("knn", Boolean.class, v.get("embedding"), cb.parameter(float[].class, "q"), cb.literal(2))),
                            cb.equal(v.get("lang"), "en"),
                            cb.equal(v.get("tenant"), 7L)))
                    .orderBy(cb.asc(v.get("distance")));
            return session.createQuery(query).setParameter("q", new float[] {1, 0, 0, 0}).getResultList();
        });
        assertEquals(List.of(1L, 4L), ids);
    }

    @Test
    void knnOnAnInt8CosineColumnOrdersByCosineDistance() {
        List<Long> ids = factory.fromSession(session -> session.createQuery(
                        "select c.id from CosineVector c where knn(c.embedding, :q, 3) order by cosine_distance(c.embedding, :q)", Long.class)
                .setParameter("q", new byte[] {10, 0}).getResultList());
        assertEquals(List.of(1L, 2L, 3L), ids);
    }

    @Test
    void negatedKnnIsRefusedWithAnExplanation() {
        var error = assertThrows(RuntimeException.class, () -> factory.fromSession(session -> session.createQuery(
                        "from DocumentVector v where not knn(v.embedding, :q, 2)", DocumentVector.class)
                .setParameter("q", new float[] {1, 0, 0, 0}).getResultList()));
        assertTrue(messages(error).contains("knn() cannot be negated"), messages(error));
    }

    static String messages(Throwable error) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = error; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append(" | ");
        }
        return all.toString();
    }
}
