-- The example's whole schema. The build runs this file on an in-memory database and generates
-- jOOQ classes from the result (see pom.xml), and ArticleSearch.createSchema runs it on the real
-- file, so the generated code and the database cannot drift apart.
-- Statements are separated by semicolons, so comments must not contain one.
create virtual table if not exists articles using vec0(
    id integer primary key,
    embedding float[128] distance_metric=cosine,
    embedding_bq bit[128],
    category text,
    year integer,
    +title text
);
