CREATE TABLE notes (
    id   INTEGER PRIMARY KEY,
    text TEXT NOT NULL UNIQUE
);
-- sqlite-vec's KNN table; rowid = notes.id
CREATE VIRTUAL TABLE note_embeddings USING vec0(embedding float[3]);
