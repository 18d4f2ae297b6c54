package io.github.sqlitevec.hibernate;

import static io.github.sqlitevec.hibernate.KnnOnVec0Test.messages;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;

import io.github.sqlitevec.hibernate.entities.Document;
import io.github.sqlitevec.hibernate.entities.DocumentVector;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.community.dialect.SQLiteDialect;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What users get when they set hibernate.dialect themselves. */
class ExplicitDialectTest {

    @TempDir
    Path dir;

    @Test
    void communitySqliteDialectStillGetsVectorTypesAndFunctionsButNotKnn() {
        Map<String, String> settings = Map.of(AvailableSettings.DIALECT, SQLiteDialect.class.getName());
        try (SessionFactory factory = SqliteVecHibernate.boot(dir, settings, Document.class, DocumentVector.class)) {
            var dialect = factory.unwrap(SessionFactoryImplementor.class).getJdbcServices().getDialect();
            assertSame(SQLiteDialect.class, dialect.getClass());
            factory.inTransaction(session -> session.persist(new Document("d", unit(16, 0), new byte[16], new byte[2])));
            Double distance = factory.fromSession(session -> session.createQuery(
                    "select l2_distance(d.embedding, :q) from Document d", Double.class).setParameter("q", unit(16, 1)).getSingleResult());
            assertEquals(Math.sqrt(2), distance, 1e-6);
            var error = assertThrows(RuntimeException.class, () -> factory.fromSession(session -> session.createQuery(
                    "from DocumentVector v where knn(v.embedding, :q, 2)", DocumentVector.class)
                    .setParameter("q", unit(4, 0)).getResultList()));
            assertTrue(messages(error).contains("knn() needs the SQL translator of io.github.sqlitevec.hibernate.SqliteVecDialect"), messages(error));
        }
    }

    @Test
    void explicitSqliteVecDialectBehavesLikeTheResolvedOne() {
        Map<String, String> settings = Map.of(AvailableSettings.DIALECT, SqliteVecDialect.class.getName());
        try (SessionFactory factory = SqliteVecHibernate.boot(dir, settings, DocumentVector.class)) {
            factory.inTransaction(session -> session.persist(new DocumentVector(1, unit(4, 2), "en", 1, "b")));
            Long id = factory.fromSession(session -> session.createQuery(
                    "select v.id from DocumentVector v where knn(v.embedding, :q, 1)", Long.class).setParameter("q", unit(4, 2)).getSingleResult());
            assertEquals(1L, id);
        }
    }

    private static float[] unit(int dimensions, int axis) {
        float[] v = new float[dimensions];
        v[axis] = 1;
        return v;
    }
}
