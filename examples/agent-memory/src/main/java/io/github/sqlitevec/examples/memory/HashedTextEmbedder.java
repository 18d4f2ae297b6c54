package io.github.sqlitevec.examples.memory;

import io.github.sqlitevec.examples.HashingEmbedder;

/**
 * The quickstart example's dependency-free {@link HashingEmbedder} as this example's
 * {@link TextEmbedder}: words and their trigrams hashed into signed buckets, stop words dropped,
 * L2-normalized. Texts that share words are close; it knows nothing about meaning. Immutable and
 * thread-safe.
 */
public final class HashedTextEmbedder implements TextEmbedder {
    private final HashingEmbedder embedder;

    public HashedTextEmbedder(int dimensions) {
        this.embedder = new HashingEmbedder(dimensions);
    }

    @Override
    public int dimensions() {
        return embedder.dimensions();
    }

    @Override
    public float[] embed(String text) {
        return embedder.embed(text);
    }
}
