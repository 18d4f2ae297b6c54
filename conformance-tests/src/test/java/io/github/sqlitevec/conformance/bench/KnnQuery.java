package io.github.sqlitevec.conformance.bench;

/** The four ways to find the 10 nearest rows of a {@link KnnDatabase}, and what each must read. */
enum KnnQuery {
    FLOAT32("vec0 float32", "SELECT rowid FROM vf WHERE embedding MATCH ? AND k = 10"),
    INT8("vec0 int8", "SELECT rowid FROM vi WHERE embedding MATCH vec_quantize_int8(?, 'unit') AND k = 10"),
    /**
     * Coarse Hamming pass over sign bits, keeping oversample × 10 candidates, then exact cosine
     * on those candidates' float32 blobs, looked up by primary key in {@code plain}. The IN
     * subquery runs once; a join could be planned with vec0 as the inner loop.
     */
    BIT_RESCORE("vec0 bit + float rescore",
            "SELECT id FROM plain WHERE id IN (SELECT rowid FROM vb WHERE embedding MATCH vec_quantize_binary(?1) AND k = ?2)"
                    + " ORDER BY vec_distance_cosine(embedding, ?1) LIMIT 10"),
    /**
     * The same two passes with the coarse one over an ordinary table of sign bits: SQLite's
     * ORDER BY … LIMIT keeps the best candidates in a small sorter, where vec0 0.1.9 picks its k
     * per chunk by k passes over the chunk (min_idx), which costs k × rows.
     */
    PLAIN_BIT_RESCORE("plain bit table + float rescore",
            "SELECT id FROM plain WHERE id IN (SELECT id FROM plain_bits ORDER BY vec_distance_hamming(vec_bit(bits), vec_quantize_binary(?1)) LIMIT ?2)"
                    + " ORDER BY vec_distance_cosine(embedding, ?1) LIMIT 10"),
    PLAIN_COSINE("plain table, ORDER BY vec_distance_cosine",
            "SELECT id FROM plain ORDER BY vec_distance_cosine(embedding, ?) LIMIT 10");

    final String label;
    final String sql;

    KnnQuery(String label, String sql) {
        this.label = label;
        this.sql = sql;
    }

    /** The vector bytes a perfect scan must read for one query. */
    long bytesScanned(KnnDatabase db, int oversample) {
        long n = db.rows;
        long d = db.dims();
        switch (this) {
            case FLOAT32:
            case PLAIN_COSINE:
                return n * d * 4;
            case INT8:
                return n * d;
            case BIT_RESCORE:
            case PLAIN_BIT_RESCORE:
                return n * d / 8 + 10L * oversample * d * 4;
            default:
                throw new AssertionError(this);
        }
    }
}
