--liquibase formatted sql

--changeset sqlitevec:1
CREATE TABLE documents (
    id    INTEGER PRIMARY KEY,
    title TEXT NOT NULL UNIQUE
);

--changeset sqlitevec:2
CREATE VIRTUAL TABLE document_embeddings USING vec0(embedding float[3]);

--changeset sqlitevec:3
INSERT INTO documents(id, title) VALUES (1, 'north'), (2, 'east'), (3, 'south');
INSERT INTO document_embeddings(rowid, embedding) VALUES (1, '[0, 1, 0]'), (2, '[1, 0, 0]'), (3, '[0, -1, 0]');
