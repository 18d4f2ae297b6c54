package io.github.sqlitevec.conformance.bench;

/**
 * The rows and queries of a benchmark: synthetic ({@link ClusteredEmbeddings}) or real sentence
 * embeddings ({@link SentenceCorpus}). Every vector has unit length, so L2 order is cosine order.
 */
interface Vectors {
    int dims();

    /** Row {@code index} of the table (rowid {@code index + 1}). */
    float[] row(long index);

    /** Query {@code index}; never one of the rows. */
    float[] query(long index);

    /** What the data is, for table captions. */
    String describe();
}
