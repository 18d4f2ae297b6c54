package io.github.sqlitevec.hibernate;

import static io.github.sqlitevec.hibernate.KnnOnVec0Test.messages;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import io.github.sqlitevec.hibernate.entities.Document;
import io.github.sqlitevec.hibernate.entities.DoubleVector;
import io.github.sqlitevec.hibernate.entities.OddBitVector;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VectorDimensionErrorsTest {

    @TempDir
    static Path dir;

    private static SessionFactory factory;

    @BeforeAll
    static void boot() {
        factory = SqliteVecHibernate.boot(dir, Document.class);
    }

    @AfterAll
    static void close() {
        factory.close();
    }

    @Test
    void persistingAVectorWithTooFewDimensionsNamesColumnAndBothSizes() {
        var error = assertThrows(VectorDimensionException.class, () -> factory.inTransaction(session ->
                session.persist(new Document("short", new float[3], new byte[16], new byte[2]))));
        assertEquals("vector has 3 dimensions, column documents.embedding expects 16 "
                + "(@Array(length = 16) on io.github.sqlitevec.hibernate.entities.Document.embedding)", error.getMessage());
        assertEquals(0L, count());
    }

    @Test
    void updatingAnInt8VectorToTheWrongLengthIsRefusedBeforeTheUpdate() {
        Long id = factory.fromTransaction(session -> {
            Document document = new Document("ok", new float[16], new byte[16], new byte[2]);
            session.persist(document);
            return document.id;
        });
        var error = assertThrows(VectorDimensionException.class, () -> factory.inTransaction(session ->
                session.find(Document.class, id).quantized = new byte[20]));
        assertTrue(error.getMessage().startsWith("vector has 20 dimensions, column documents.quantized expects 16"), error.getMessage());
        byte[] stored = factory.fromSession(session -> session.find(Document.class, id).quantized);
        assertEquals(16, stored.length);
    }

    @Test
    void bitVectorLengthsAreCountedInBits() {
        var error = assertThrows(VectorDimensionException.class, () -> factory.inTransaction(session ->
                session.persist(new Document("bits", new float[16], new byte[16], new byte[3]))));
        assertTrue(error.getMessage().startsWith("vector has 24 bits (3 bytes), column documents.bits expects 16 bits"), error.getMessage());
    }

    @Test
    void queryVectorOfTheWrongDimensionFailsWithSqliteVecsDimensionMessage() {
        factory.inTransaction(session -> session.persist(new Document("q", new float[16], new byte[16], new byte[2])));
        var error = assertThrows(RuntimeException.class, () -> factory.fromSession(session -> session.createQuery(
                "select l2_distance(d.embedding, :q) from Document d", Double.class).setParameter("q", new float[5]).getResultList()));
        assertTrue(messages(error).contains("Vector dimension mistmatch. First vector has 16 dimensions, while the second has 5 dimensions"),
                messages(error));
    }

    @Test
    void doubleVectorsAreRejectedAtBootWithWhatToMapInstead(@TempDir Path other) {
        var error = assertThrows(RuntimeException.class, () -> SqliteVecHibernate.boot(other, DoubleVector.class).close());
        assertTrue(messages(error).contains("DoubleVector.embedding is mapped as SqlTypes.VECTOR_FLOAT64 (double[]), but sqlite-vec stores float32 vectors only"),
                messages(error));
    }

    @Test
    void bitVectorsWhoseLengthIsNotWholeBytesAreRejectedAtBoot(@TempDir Path other) {
        var error = assertThrows(RuntimeException.class, () -> SqliteVecHibernate.boot(other, OddBitVector.class).close());
        assertTrue(messages(error).contains("OddBitVector.bits is a bit vector with @Array(length = 12)"), messages(error));
    }

    private static long count() {
        return factory.fromSession(session -> session.createQuery("select count(*) from Document d where d.title = 'short'", Long.class)
                .getSingleResult());
    }
}
