package io.github.sqlitevec.hibernate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sqlitevec.hibernate.entities.Document;
import java.nio.file.Path;
import org.hibernate.SessionFactory;
import org.hibernate.exception.ConstraintViolationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/** Hibernate turns the driver's errors into its own exceptions, naming the violated constraint. */
class ConstraintViolationTranslationTest {

    @TempDir
    Path dir;

    @Test
    void aDuplicateKeyIsAConstraintViolationExceptionWithTheConstraint() {
        try (SessionFactory factory = SqliteVecHibernate.boot(dir, Document.class)) {
            factory.inTransaction(session -> session.createNativeMutationQuery(
                    "CREATE UNIQUE INDEX documents_title ON documents(title)").executeUpdate());
            factory.inTransaction(session -> session.persist(new Document("same", new float[16], new byte[16], new byte[2])));
            ConstraintViolationException e = assertThrows(ConstraintViolationException.class, () -> factory.inTransaction(
                    session -> session.persist(new Document("same", new float[16], new byte[16], new byte[2]))));
            assertEquals(ConstraintViolationException.ConstraintKind.UNIQUE, e.getKind());
            // the community SQLiteDialect cuts the name out of sqlite-jdbc's message "(UNIQUE constraint failed: documents.title)"
            // and keeps the closing parenthesis; plain sqlite-jdbc gives the same
            assertTrue(e.getConstraintName().startsWith("documents.title"), e.getConstraintName());
            assertEquals("23505", e.getSQLState());
            SQLiteException cause = assertInstanceOf(SQLiteException.class, e.getSQLException());
            assertEquals(SQLiteErrorCode.SQLITE_CONSTRAINT_UNIQUE, cause.getResultCode());
        }
    }
}
