package io.github.sqlitevec.examples.rag;

import java.util.List;

/**
 * Every SQL statement of the example in one place: the schema, the statements that keep it in
 * step with the folder, and the hybrid search query.
 *
 * <p>One SQLite file holds four tables. {@code files} remembers what was indexed and how each file
 * looked then (size, modification time, content hash), {@code chunks} holds the passages, and two
 * virtual tables index each passage under its chunk id: {@code chunk_vectors} (sqlite-vec
 * {@code vec0}, by meaning) and {@code chunk_words} (SQLite's FTS5, by words).
 */
final class RagSql {
    private RagSql() {}

    static final List<String> SCHEMA = List.of(
            """
            CREATE TABLE IF NOT EXISTS files (
              id          INTEGER PRIMARY KEY,
              path        TEXT    NOT NULL UNIQUE,  -- relative to the indexed folder
              size        INTEGER NOT NULL,
              modified_ms INTEGER NOT NULL,
              sha256      TEXT    NOT NULL
            )""",
            """
            CREATE TABLE IF NOT EXISTS chunks (
              id         INTEGER PRIMARY KEY,       -- also the rowid in chunk_vectors and chunk_words
              file_id    INTEGER NOT NULL REFERENCES files(id),
              start_line INTEGER NOT NULL,
              end_line   INTEGER NOT NULL,
              text       TEXT    NOT NULL
            )""",
            "CREATE INDEX IF NOT EXISTS chunks_by_file ON chunks(file_id)",
            "CREATE VIRTUAL TABLE IF NOT EXISTS chunk_vectors USING vec0("
                    + "embedding float[" + Embedder.DIMENSIONS + "] distance_metric=cosine)",
            // porter: "baking" finds "bake" and "baked"
            "CREATE VIRTUAL TABLE IF NOT EXISTS chunk_words USING fts5(text, tokenize='porter unicode61')");

    static final String SELECT_FILES = "SELECT id, path, size, modified_ms, sha256 FROM files";
    static final String UPSERT_FILE = """
            INSERT INTO files(path, size, modified_ms, sha256) VALUES (?, ?, ?, ?)
            ON CONFLICT(path) DO UPDATE SET
              size = excluded.size, modified_ms = excluded.modified_ms, sha256 = excluded.sha256""";
    static final String SELECT_FILE_ID = "SELECT id FROM files WHERE path = ?";
    /** A file whose bytes did not change (only touched or copied): remember the new time, embed nothing. */
    static final String TOUCH_FILE = "UPDATE files SET size = ?, modified_ms = ? WHERE id = ?";
    static final String DELETE_FILE = "DELETE FROM files WHERE id = ?";

    static final String INSERT_CHUNK = "INSERT INTO chunks(file_id, start_line, end_line, text) VALUES (?, ?, ?, ?)";
    static final String INSERT_VECTOR = "INSERT INTO chunk_vectors(rowid, embedding) VALUES (?, ?)";
    static final String INSERT_WORDS = "INSERT INTO chunk_words(rowid, text) VALUES (?, ?)";
    /** Run in this order: the virtual tables find their rows through {@code chunks}. */
    static final List<String> DELETE_CHUNKS_OF_FILE = List.of(
            "DELETE FROM chunk_vectors WHERE rowid IN (SELECT id FROM chunks WHERE file_id = ?)",
            "DELETE FROM chunk_words WHERE rowid IN (SELECT id FROM chunks WHERE file_id = ?)",
            "DELETE FROM chunks WHERE file_id = ?");

    static final String COUNT_CHUNKS = "SELECT count(*) FROM chunks";

    /**
     * Hybrid search. Parameters: ?1 the question's embedding (a {@code float[]}), ?2 how many
     * candidates each list contributes, ?3 an FTS5 query built from the question's words, ?4 how many
     * passages to return.
     *
     * <p>Two ranked lists are fused by reciprocal rank (RRF): a passage scores
     * {@code 1/(60 + rank)} for each list it appears in. Ranks, not raw scores, are added because
     * cosine distances and BM25 scores live on unrelated scales; 60 is the constant from the original
     * RRF paper, which keeps a single first place from outweighing agreement between both lists.
     */
    static final String HYBRID_SEARCH = """
            WITH
              by_meaning AS MATERIALIZED (   -- nearest passages to the question: vec0 KNN
                SELECT chunk_id, distance, row_number() OVER (ORDER BY distance) AS rank
                FROM (SELECT rowid AS chunk_id, distance
                      FROM chunk_vectors
                      WHERE embedding MATCH ?1 AND k = ?2)
              ),
              by_words AS MATERIALIZED (     -- passages sharing the question's words: FTS5 BM25
                SELECT chunk_id, bm25, row_number() OVER (ORDER BY bm25) AS rank
                FROM (SELECT rowid AS chunk_id, bm25(chunk_words) AS bm25   -- lower is better
                      FROM chunk_words
                      WHERE chunk_words MATCH ?3
                      ORDER BY bm25 LIMIT ?2)
              ),
              fused AS (                     -- reciprocal rank fusion
                SELECT chunk_id, sum(1.0 / (60 + rank)) AS score
                FROM (SELECT chunk_id, rank FROM by_meaning
                      UNION ALL
                      SELECT chunk_id, rank FROM by_words)
                GROUP BY chunk_id
              )
            SELECT files.path, chunks.start_line, chunks.end_line, chunks.text, fused.score,
                   by_meaning.rank, by_meaning.distance, by_words.rank, by_words.bm25
            FROM fused
            JOIN chunks ON chunks.id = fused.chunk_id
            JOIN files ON files.id = chunks.file_id
            LEFT JOIN by_meaning ON by_meaning.chunk_id = fused.chunk_id
            LEFT JOIN by_words ON by_words.chunk_id = fused.chunk_id
            ORDER BY fused.score DESC, by_meaning.rank, files.path, chunks.start_line
            LIMIT ?4""";
}
