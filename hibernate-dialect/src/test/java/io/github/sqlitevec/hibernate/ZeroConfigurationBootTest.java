package io.github.sqlitevec.hibernate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import io.github.sqlitevec.hibernate.entities.Document;
import io.github.sqlitevec.hibernate.entities.DocumentVector;
import io.github.sqlitevec.jdbc.VectorCodec;
import org.hibernate.SessionFactory;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ZeroConfigurationBootTest {

    @TempDir
    Path dir;

    @Test
    void jdbcSqlitevecUrlWithoutHibernateDialectResolvesSqliteVecDialect() {
        try (SessionFactory factory = SqliteVecHibernate.boot(dir, Document.class)) {
            var dialect = factory.unwrap(SessionFactoryImplementor.class).getJdbcServices().getDialect();
            assertInstanceOf(SqliteVecDialect.class, dialect);
        }
    }

    @Test
    void floatInt8AndBitVectorsSurvivePersistAndFind() {
        float[] embedding = new float[16];
        byte[] quantized = new byte[16];
        for (int i = 0; i < 16; i++) {
            embedding[i] = i * 0.25f - 1.5f;
            quantized[i] = (byte) (i * 15 - 120);
        }
        byte[] bits = {(byte) 0b1010_0001, (byte) 0xFF};
        try (SessionFactory factory = SqliteVecHibernate.boot(dir, Document.class)) {
            Long id = factory.fromTransaction(session -> {
                Document document = new Document("first", embedding, quantized, bits);
                session.persist(document);
                return document.id;
            });
            Document loaded = factory.fromSession(session -> session.find(Document.class, id));
            assertArrayEquals(embedding, loaded.embedding);
            assertArrayEquals(quantized, loaded.quantized);
            assertArrayEquals(bits, loaded.bits);
        }
    }

    @Test
    void vectorsAreStoredAsSqliteVecBlobsThatPlainSqlCanRead() throws SQLException {
        float[] embedding = new float[16];
        embedding[3] = 2.5f;
        try (SessionFactory factory = SqliteVecHibernate.boot(dir, Document.class)) {
            factory.inTransaction(session -> session.persist(new Document("blob", embedding, new byte[16], new byte[2])));
        }
        try (Connection connection = DriverManager.getConnection("jdbc:sqlitevec:" + dir.resolve("app.db"));
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(
                     "select embedding, vec_length(embedding), vec_length(vec_int8(quantized)), vec_length(vec_bit(bits)) from documents")) {
            assertTrue(row.next());
            assertArrayEquals(embedding, VectorCodec.fromFloat32Blob(row.getBytes(1)));
            assertEquals(16, row.getInt(2));
            assertEquals(16, row.getInt(3));
            assertEquals(16, row.getInt(4));
        }
    }

    @Test
    void schemaGenerationDeclaresDimensionsInColumnTypesAndVec0ForVec0Entities() throws SQLException {
        try (SessionFactory factory = SqliteVecHibernate.boot(dir, Document.class, DocumentVector.class)) {
            assertTrue(factory.isOpen());
        }
        try (Connection connection = DriverManager.getConnection("jdbc:sqlitevec:" + dir.resolve("app.db"));
             Statement statement = connection.createStatement()) {
            String documents = schemaOf(statement, "documents");
            assertTrue(documents.contains("embedding float32_blob(16)"), documents);
            assertTrue(documents.contains("quantized int8_blob(16)"), documents);
            assertTrue(documents.contains("bits bit_blob(16)"), documents);
            String vectors = schemaOf(statement, "document_vectors");
            // SQLite stores the statement's leading keywords upper-cased; Hibernate orders attributes by name.
            assertEquals("CREATE VIRTUAL TABLE document_vectors using vec0(id integer primary key, "
                    + "+body text, embedding float[4], lang text, tenant integer partition key)", vectors);
        }
    }

    private static String schemaOf(Statement statement, String table) throws SQLException {
        try (ResultSet row = statement.executeQuery("select sql from sqlite_master where name = '" + table + "'")) {
            assertTrue(row.next(), "table " + table + " exists");
            return row.getString(1);
        }
    }
}
