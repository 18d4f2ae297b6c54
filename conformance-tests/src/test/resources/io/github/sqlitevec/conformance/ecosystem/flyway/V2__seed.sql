INSERT INTO documents(id, title) VALUES (1, 'north'), (2, 'east'), (3, 'south');
INSERT INTO document_embeddings(rowid, embedding) VALUES (1, '[0, 1, 0]'), (2, '[1, 0, 0]'), (3, '[0, -1, 0]');
