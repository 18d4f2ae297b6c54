package io.github.sqlitevec.examples.memory;

import java.time.Duration;

/**
 * How {@link AgentMemoryStore#recall} ranks memories, in the spirit of "Generative Agents"
 * (relevance + importance + recency):
 * <pre>
 * score     = relevanceWeight · relevance + importanceWeight · importance + recencyWeight · recency
 * relevance = max(0, 1 − cosine_distance(memory, query))       in [0, 1]
 * recency   = 0.5 ^ (hours since last access / halfLife hours)  1 just after access, 0.5 after one half-life
 * </pre>
 * Memories with {@code relevance < minRelevance} are unrelated to the query: they are never
 * returned (and so not marked accessed), however important or recent.
 *
 * <p>The defaults (1.0, 0.6, 0.3, half-life 7 days, minRelevance 0.15) let a very important memory
 * from a month ago beat a trivial one from a minute ago when both are equally relevant, while
 * relevance still dominates. {@code minRelevance} depends on the embedder: unrelated texts score
 * about 0 to 0.1 with {@link HashedTextEmbedder}; real models put unrelated text higher, so raise it.
 */
public record RecallScoring(double relevanceWeight, double importanceWeight, double recencyWeight, Duration halfLife,
        double minRelevance) {

    public static final RecallScoring DEFAULT = new RecallScoring(1.0, 0.6, 0.3, Duration.ofDays(7), 0.15);

    public RecallScoring {
        if (relevanceWeight < 0 || importanceWeight < 0 || recencyWeight < 0) {
            throw new IllegalArgumentException("weights are ≥ 0");
        }
        if (halfLife.isNegative() || halfLife.isZero()) {
            throw new IllegalArgumentException("the half-life is positive, got " + halfLife);
        }
        if (minRelevance < 0 || minRelevance > 1) {
            throw new IllegalArgumentException("minRelevance is between 0 and 1, got " + minRelevance);
        }
    }

    public boolean isRelated(double cosineDistance) {
        return relevance(cosineDistance) >= minRelevance;
    }

    public double relevance(double cosineDistance) {
        return Math.max(0, 1 - cosineDistance);
    }

    /** A clock that ran backwards (sinceLastAccess &lt; 0) counts as "just now". */
    public double recency(Duration sinceLastAccess) {
        double hours = Math.max(0, sinceLastAccess.toMillis()) / 3_600_000.0;
        return Math.pow(0.5, hours / (halfLife.toMillis() / 3_600_000.0));
    }

    public double score(double cosineDistance, double importance, Duration sinceLastAccess) {
        return relevanceWeight * relevance(cosineDistance) + importanceWeight * importance
                + recencyWeight * recency(sinceLastAccess);
    }
}
