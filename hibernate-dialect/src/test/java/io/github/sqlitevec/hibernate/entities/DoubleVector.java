package io.github.sqlitevec.hibernate.entities;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import org.hibernate.annotations.Array;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A double[] vector, which sqlite-vec cannot store: boot must refuse it. */
@Entity
public class DoubleVector {
    @Id
    public Long id;

    @JdbcTypeCode(SqlTypes.VECTOR_FLOAT64)
    @Array(length = 3)
    public double[] embedding;
}
