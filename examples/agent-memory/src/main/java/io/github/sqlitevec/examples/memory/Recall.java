package io.github.sqlitevec.examples.memory;

/**
 * One memory returned by {@link AgentMemoryStore#recall}, with the parts of its score as they were
 * when it was recalled (recency before this recall reset it).
 */
public record Recall(AgentMemory memory, double cosineDistance, double relevance, double recency, double score) {

    @Override
    public String toString() {
        return String.format("%.3f = rel %.2f, imp %.2f, rec %.2f  %s", score, relevance, memory.getImportance(), recency,
                memory.getText());
    }
}
