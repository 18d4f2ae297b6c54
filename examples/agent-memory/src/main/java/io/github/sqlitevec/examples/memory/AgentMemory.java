package io.github.sqlitevec.examples.memory;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Array;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One thing the agent remembers. Only standard JPA and Hibernate's own vector mapping appear here,
 * so the class maps unchanged to PostgreSQL + pgvector ({@code embedding vector(256)}) when the
 * URL points there and {@code hibernate-vector} is on the class path.
 */
@Entity
@Table(name = "agent_memories")
public class AgentMemory {

    /** Follows the embedder; with a real model this is the model's output size (e.g. 384). */
    public static final int DIMENSIONS = 256;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 4000)
    private String text;

    @JdbcTypeCode(SqlTypes.VECTOR)
    @Array(length = DIMENSIONS)
    @Column(nullable = false)
    private float[] embedding;

    /** 0 (small talk) to 1 (never forget); set by the agent when it stores the memory. */
    @Column(nullable = false)
    private double importance;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** Starts at {@link #createdAt}; every recall that returns the memory moves it to "now". */
    @Column(name = "last_accessed_at", nullable = false)
    private Instant lastAccessedAt;

    protected AgentMemory() {
        // for JPA
    }

    public AgentMemory(String text, float[] embedding, double importance, Instant now) {
        if (importance < 0 || importance > 1 || Double.isNaN(importance)) {
            throw new IllegalArgumentException("importance is between 0 and 1, got " + importance);
        }
        this.text = text;
        this.embedding = embedding.clone();
        this.importance = importance;
        this.createdAt = now;
        this.lastAccessedAt = now;
    }

    public Long getId() {
        return id;
    }

    public String getText() {
        return text;
    }

    public float[] getEmbedding() {
        return embedding.clone();
    }

    public double getImportance() {
        return importance;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getLastAccessedAt() {
        return lastAccessedAt;
    }

    void markAccessed(Instant now) {
        lastAccessedAt = now;
    }

    @Override
    public String toString() {
        return "AgentMemory#" + id + "(" + text + ", importance " + importance + ")";
    }
}
