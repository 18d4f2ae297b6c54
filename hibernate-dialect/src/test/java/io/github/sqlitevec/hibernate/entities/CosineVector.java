package io.github.sqlitevec.hibernate.entities;

import io.github.sqlitevec.hibernate.Vec0Column;
import io.github.sqlitevec.jdbc.schema.DistanceMetric;
import io.github.sqlitevec.hibernate.Vec0Table;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Array;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A vec0 table whose KNN orders by cosine distance, holding int8 vectors. */
@Entity
@Vec0Table
@Table(name = "cosine_vectors")
public class CosineVector {

    @Id
    public Long id;

    @Vec0Column(distanceMetric = DistanceMetric.COSINE)
    @JdbcTypeCode(SqlTypes.VECTOR_INT8)
    @Array(length = 2)
    public byte[] embedding;

    public CosineVector() {
    }

    public CosineVector(long id, byte[] embedding) {
        this.id = id;
        this.embedding = embedding;
    }
}
