package io.github.sqlitevec.hibernate;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Array;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * vec0 declarations that sqlite-vec would reject at {@code CREATE} fail at boot, through the driver's
 * shared vec0 model, naming the attribute and what to change.
 */
class Vec0SchemaChecksTest {

    @Entity(name = "FloatKeyed")
    @Vec0Table
    @Table(name = "float_keyed")
    public static class FloatKeyed {
        @Id
        public Double id;
        @JdbcTypeCode(SqlTypes.VECTOR)
        @Array(length = 4)
        public float[] embedding;
    }

    @Entity(name = "BlobMetadata")
    @Vec0Table
    @Table(name = "blob_metadata")
    public static class BlobMetadata {
        @Id
        public Long id;
        @JdbcTypeCode(SqlTypes.VECTOR)
        @Array(length = 4)
        public float[] embedding;
        public byte[] thumbnail;
    }

    @TempDir
    Path dir;

    @Test
    void aFloatingPointPrimaryKeyIsRefusedAtBoot() {
        String message = bootFailure(FloatKeyed.class);
        assertTrue(message.contains("FloatKeyed.id"), message);
        assertTrue(message.contains("primary key"), message);
    }

    @Test
    void aBlobMetadataColumnIsRefusedAtBoot() {
        String message = bootFailure(BlobMetadata.class);
        assertTrue(message.contains("BlobMetadata.thumbnail"), message);
        assertTrue(message.contains("blob"), message);
    }

    private String bootFailure(Class<?> entity) {
        Exception e = assertThrows(Exception.class, () -> SqliteVecHibernate.boot(dir, entity).close());
        return KnnOnVec0Test.messages(e);
    }
}
