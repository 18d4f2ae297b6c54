package io.github.sqlitevec.hibernate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdentityIdsTest {

    /** An int attribute is ordered before the id, which made Hibernate 7.4 drop the id's column type. */
    @Entity(name = "Counter")
    @Table(name = "counters")
    public static class Counter {
        @Id
        @GeneratedValue(strategy = GenerationType.IDENTITY)
        public Long id;
        public int count;
    }

    @TempDir
    Path dir;

    @Test
    void anIdentityIdAfterAnIntegerColumnIsStoredAndFoundAgain() {
        try (SessionFactory factory = SqliteVecHibernate.boot(dir, Counter.class)) {
            for (int i = 0; i < 3; i++) {
                int count = i;
                factory.inTransaction(session -> {
                    Counter c = new Counter();
                    c.count = count;
                    session.persist(c);
                });
            }
            List<Long> ids = factory.fromSession(session -> session.createQuery(
                    "select c.id from Counter c order by c.count", Long.class).getResultList());
            assertEquals(List.of(1L, 2L, 3L), ids);
            assertEquals(2, factory.fromSession(session -> session.find(Counter.class, 3L)).count);
        }
    }
}
