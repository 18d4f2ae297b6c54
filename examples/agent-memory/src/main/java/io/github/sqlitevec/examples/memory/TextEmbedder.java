package io.github.sqlitevec.examples.memory;

/**
 * Turns text into a fixed-size vector. The example uses {@link HashedTextEmbedder} so that it runs
 * offline; a real embedding model (see examples/rag) implements this interface the same way, and
 * only {@link AgentMemory#DIMENSIONS} has to follow the model's output size.
 */
public interface TextEmbedder {

    /** The length of every vector {@link #embed} returns. */
    int dimensions();

    /** A vector for {@code text}; never empty, never all zeros. */
    float[] embed(String text);
}
