package io.github.sqlitevec.hibernate.portable;

import io.github.sqlitevec.hibernate.Vec0Column;
import io.github.sqlitevec.hibernate.Vec0Table;
import io.github.sqlitevec.jdbc.schema.DistanceMetric;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Array;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A vec0 entity written to run on both databases: no attribute on vec0's hidden {@code distance}
 * column (queries select the distance function instead).
 */
@Entity
@Vec0Table
@Table(name = "memory_vectors")
public class MemoryVector {

    @Id
    public Long id;

    @Vec0Column(distanceMetric = DistanceMetric.COSINE)
    @JdbcTypeCode(SqlTypes.VECTOR)
    @Array(length = 8)
    public float[] embedding;

    @JdbcTypeCode(SqlTypes.VECTOR_BINARY)
    @Array(length = 64)
    public byte[] sketch;

    public String lang;

    @Vec0Column(role = Vec0Column.Role.PARTITION_KEY)
    public Long tenant;

    @Vec0Column(role = Vec0Column.Role.AUXILIARY)
    public String body;

    public MemoryVector() {
    }

    public MemoryVector(long id, float[] embedding, byte[] sketch, String lang, long tenant, String body) {
        this.id = id;
        this.embedding = embedding;
        this.sketch = sketch;
        this.lang = lang;
        this.tenant = tenant;
        this.body = body;
    }
}
