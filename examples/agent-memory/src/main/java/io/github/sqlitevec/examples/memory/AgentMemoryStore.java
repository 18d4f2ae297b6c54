package io.github.sqlitevec.examples.memory;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * An agent's long-term memory on top of JPA: {@link #remember}, {@link #recall}, {@link #forget}.
 *
 * <p>Recall is two steps. The database picks the {@code candidates} memories nearest to the query
 * ({@code order by cosine_distance(m.embedding, :q)} in HQL); Java re-ranks them by
 * {@link RecallScoring} and keeps the best {@code k}. Why not the whole score in SQL: a plain
 * "order by distance limit n" is the query a vector index serves (pgvector's HNSW on PostgreSQL,
 * a {@code vec0} table on SQLite), while an expression mixing distance, importance and time can
 * only be computed for every row. The time arithmetic is also the least portable part of SQL.
 * The cost: a memory outside the nearest candidates is never recalled, however important, which
 * is what an agent wants (an important but unrelated memory is still unrelated).
 *
 * <p>Thread-safe: each call uses its own {@code EntityManager} and transaction.
 */
public final class AgentMemoryStore {

    /** Nearest memories fetched per requested result, before re-ranking. */
    static final int CANDIDATES_PER_RESULT = 5;
    static final int MIN_CANDIDATES = 20;

    private final EntityManagerFactory entityManagerFactory;
    private final TextEmbedder embedder;
    private final Clock clock;
    private final RecallScoring scoring;

    public AgentMemoryStore(EntityManagerFactory entityManagerFactory, TextEmbedder embedder, Clock clock, RecallScoring scoring) {
        if (embedder.dimensions() != AgentMemory.DIMENSIONS) {
            throw new IllegalArgumentException("the embedder makes " + embedder.dimensions()
                    + "-dimensional vectors, AgentMemory.embedding holds " + AgentMemory.DIMENSIONS);
        }
        this.entityManagerFactory = entityManagerFactory;
        this.embedder = embedder;
        this.clock = clock;
        this.scoring = scoring;
    }

    public AgentMemory remember(String text, double importance) {
        AgentMemory memory = new AgentMemory(text, embedder.embed(text), importance, clock.instant());
        return inTransaction(em -> {
            em.persist(memory);
            return memory;
        });
    }

    /**
     * Up to {@code k} memories related to {@code query}, best first (fewer when fewer are related);
     * marks them accessed now.
     */
    public List<Recall> recall(String query, int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k ≥ 1, got " + k);
        }
        float[] queryVector = embedder.embed(query);
        Instant now = clock.instant();
        return inTransaction(em -> {
            List<Object[]> nearest = em.createQuery(
                            "select m, cosine_distance(m.embedding, :q) from AgentMemory m"
                                    + " order by cosine_distance(m.embedding, :q)", Object[].class)
                    .setParameter("q", queryVector)
                    .setMaxResults(Math.max(MIN_CANDIDATES, k * CANDIDATES_PER_RESULT))
                    .getResultList();
            List<Recall> ranked = new ArrayList<>(nearest.size());
            for (Object[] row : nearest) {
                AgentMemory memory = (AgentMemory) row[0];
                double distance = ((Number) row[1]).doubleValue();
                if (!scoring.isRelated(distance)) {
                    continue;
                }
                Duration idle = Duration.between(memory.getLastAccessedAt(), now);
                ranked.add(new Recall(memory, distance, scoring.relevance(distance), scoring.recency(idle),
                        scoring.score(distance, memory.getImportance(), idle)));
            }
            ranked.sort(Comparator.comparingDouble(Recall::score).reversed()
                    .thenComparing(r -> r.memory().getId()));
            List<Recall> best = List.copyOf(ranked.subList(0, Math.min(k, ranked.size())));
            best.forEach(r -> r.memory().markAccessed(now)); // managed entities: flushed at commit
            return best;
        });
    }

    /**
     * Deletes memories not recalled for longer than {@code olderThan} whose importance is below
     * {@code belowImportance}; returns how many. Recalled memories stay: being useful keeps them young.
     */
    public int forget(Duration olderThan, double belowImportance) {
        Instant cutoff = clock.instant().minus(olderThan);
        return inTransaction(em -> em.createQuery(
                        "delete from AgentMemory m where m.lastAccessedAt < :cutoff and m.importance < :threshold")
                .setParameter("cutoff", cutoff)
                .setParameter("threshold", belowImportance)
                .executeUpdate());
    }

    public long count() {
        return inTransaction(em -> em.createQuery("select count(m) from AgentMemory m", Long.class).getSingleResult());
    }

    /** Every memory, oldest first. */
    public List<AgentMemory> all() {
        return inTransaction(em -> em.createQuery("from AgentMemory m order by m.createdAt, m.id", AgentMemory.class)
                .getResultList());
    }

    private <T> T inTransaction(Function<EntityManager, T> work) {
        EntityManager em = entityManagerFactory.createEntityManager();
        EntityTransaction tx = em.getTransaction();
        try {
            tx.begin();
            T result = work.apply(em);
            tx.commit();
            return result;
        } catch (RuntimeException e) {
            if (tx.isActive()) {
                tx.rollback();
            }
            throw e;
        } finally {
            em.close();
        }
    }
}
