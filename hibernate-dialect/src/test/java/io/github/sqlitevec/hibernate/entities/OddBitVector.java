package io.github.sqlitevec.hibernate.entities;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import org.hibernate.annotations.Array;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A bit vector whose length is not a whole number of bytes: boot must refuse it. */
@Entity
public class OddBitVector {
    @Id
    public Long id;

    @JdbcTypeCode(SqlTypes.VECTOR_BINARY)
    @Array(length = 12)
    public byte[] bits;
}
