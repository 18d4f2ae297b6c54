package io.github.sqlitevec.hibernate.entities;

import io.github.sqlitevec.hibernate.Vec0Column;
import io.github.sqlitevec.hibernate.Vec0Table;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Array;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A vec0 table: KNN index with a metadata, a partition key and an auxiliary column. */
@Entity
@Vec0Table
@Table(name = "document_vectors")
public class DocumentVector {

    @Id
    public Long id;

    @JdbcTypeCode(SqlTypes.VECTOR)
    @Array(length = 4)
    public float[] embedding;

    public String lang;

    @Vec0Column(role = Vec0Column.Role.PARTITION_KEY)
    public Long tenant;

    @Vec0Column(role = Vec0Column.Role.AUXILIARY)
    public String body;

    @Column(name = "distance", insertable = false, updatable = false)
    public Double distance;

    public DocumentVector() {
    }

    public DocumentVector(long id, float[] embedding, String lang, long tenant, String body) {
        this.id = id;
        this.embedding = embedding;
        this.lang = lang;
        this.tenant = tenant;
        this.body = body;
    }
}
