package io.github.sqlitevec.hibernate.portable;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Array;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A portable entity: a float32 vector and a bit vector, nothing that names a database. */
@Entity
@Table(name = "articles")
public class Article {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String lang;

    public int year;

    @JdbcTypeCode(SqlTypes.VECTOR)
    @Array(length = 8)
    public float[] embedding;

    /** 64 bits: pgvector {@code bit(64)}, sqlite-vec {@code bit[64]} (8 bytes). */
    @JdbcTypeCode(SqlTypes.VECTOR_BINARY)
    @Array(length = 64)
    public byte[] fingerprint;

    public Article() {
    }

    public Article(String lang, int year, float[] embedding, byte[] fingerprint) {
        this.lang = lang;
        this.year = year;
        this.embedding = embedding;
        this.fingerprint = fingerprint;
    }
}
