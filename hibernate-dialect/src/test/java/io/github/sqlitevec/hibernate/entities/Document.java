package io.github.sqlitevec.hibernate.entities;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Array;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** The portable entity of docs/hibernate.md: nothing in it is specific to SQLite. */
@Entity
@Table(name = "documents")
public class Document {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String title;

    @JdbcTypeCode(SqlTypes.VECTOR)
    @Array(length = 16)
    public float[] embedding;

    @JdbcTypeCode(SqlTypes.VECTOR_INT8)
    @Array(length = 16)
    public byte[] quantized;

    @JdbcTypeCode(SqlTypes.VECTOR_BINARY)
    @Array(length = 16)
    public byte[] bits;

    public Document() {
    }

    public Document(String title, float[] embedding, byte[] quantized, byte[] bits) {
        this.title = title;
        this.embedding = embedding;
        this.quantized = quantized;
        this.bits = bits;
    }
}
