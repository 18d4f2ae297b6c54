CREATE TABLE documents (
    id    INTEGER PRIMARY KEY,
    title TEXT NOT NULL UNIQUE
);
CREATE VIRTUAL TABLE document_embeddings USING vec0(embedding float[3]);
