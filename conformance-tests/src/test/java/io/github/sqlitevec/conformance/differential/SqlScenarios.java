package io.github.sqlitevec.conformance.differential;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Plain SQL through {@code Statement.execute}: DDL, DML and update counts, and SQLite's built-in
 * extensions (FTS5, JSON1, math functions) that sqlite-jdbc ships enabled. Each scenario is SQL text;
 * the transcript holds every result set and update count.
 */
final class SqlScenarios {

    private SqlScenarios() {}

    private static final String PEOPLE = "CREATE TABLE people (id INTEGER PRIMARY KEY, name TEXT NOT NULL, age INT)";
    private static final String FILL = "INSERT INTO people (name, age) VALUES ('ann', 31), ('bob', 27), ('cy', NULL)";

    static List<Scenario> all() {
        List<Scenario> s = new ArrayList<>();
        s.add(sql("create, insert, select", PEOPLE, FILL, "SELECT * FROM people ORDER BY id"));
        s.add(sql("update count of a multi-row update", PEOPLE, FILL, "UPDATE people SET age = age + 1 WHERE age IS NOT NULL", "SELECT age FROM people"));
        s.add(sql("update count of a delete without where", PEOPLE, FILL, "DELETE FROM people"));
        s.add(sql("update count of DDL is zero", PEOPLE, "DROP TABLE people", "CREATE INDEX IF NOT EXISTS i ON sqlite_master(name)"));
        s.add(sql("insert with RETURNING", PEOPLE, "INSERT INTO people (name) VALUES ('dee') RETURNING id, name"));
        s.add(sql("delete with RETURNING", PEOPLE, FILL, "DELETE FROM people WHERE age > 28 RETURNING name"));
        s.add(sql("upsert ON CONFLICT DO UPDATE", PEOPLE, FILL,
                "INSERT INTO people (id, name) VALUES (1, 'zed') ON CONFLICT(id) DO UPDATE SET name = excluded.name", "SELECT * FROM people WHERE id = 1"));
        s.add(sql("INSERT OR REPLACE and INSERT OR IGNORE", PEOPLE, FILL,
                "INSERT OR REPLACE INTO people (id, name) VALUES (2, 'bo')", "INSERT OR IGNORE INTO people (id, name) VALUES (2, 'x')", "SELECT * FROM people"));
        s.add(sql("views", PEOPLE, FILL, "CREATE VIEW adults AS SELECT name FROM people WHERE age >= 30", "SELECT * FROM adults"));
        s.add(sql("triggers", PEOPLE, "CREATE TABLE log (msg TEXT)",
                "CREATE TRIGGER t AFTER INSERT ON people BEGIN INSERT INTO log VALUES ('added ' || new.name); END", FILL, "SELECT * FROM log"));
        s.add(sql("ALTER TABLE add, rename and drop column", PEOPLE, FILL, "ALTER TABLE people ADD COLUMN email TEXT DEFAULT 'none'",
                "ALTER TABLE people RENAME COLUMN age TO years", "ALTER TABLE people DROP COLUMN email", "SELECT * FROM people"));
        s.add(sql("ALTER TABLE rename table", PEOPLE, "ALTER TABLE people RENAME TO persons", "SELECT name FROM sqlite_master"));
        s.add(sql("WITHOUT ROWID table", "CREATE TABLE w (k TEXT PRIMARY KEY, v) WITHOUT ROWID", "INSERT INTO w VALUES ('b', 1), ('a', 2)", "SELECT * FROM w"));
        s.add(sql("STRICT table accepts matching types", "CREATE TABLE st (i INTEGER, t TEXT, r REAL, b BLOB, a ANY) STRICT",
                "INSERT INTO st VALUES (1, 't', 1.5, x'01', 'any')", "INSERT INTO st VALUES ('2', 3, 4, NULL, 5)", "SELECT *, typeof(i), typeof(t), typeof(r) FROM st"));
        s.add(sql("generated columns", "CREATE TABLE g (a INT, b INT GENERATED ALWAYS AS (a * 2) STORED, c GENERATED ALWAYS AS (a + 1))",
                "INSERT INTO g (a) VALUES (3)", "SELECT * FROM g"));
        s.add(sql("recursive CTE", "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 5) SELECT group_concat(i) FROM n"));
        s.add(sql("window functions", PEOPLE, FILL, "SELECT name, row_number() OVER (ORDER BY name DESC), sum(age) OVER () FROM people"));
        s.add(sql("aggregates and GROUP BY", PEOPLE, FILL, "SELECT count(*), count(age), avg(age), min(name), max(age), total(age), sum(age) FROM people"));
        s.add(sql("aggregates over no rows", PEOPLE, "SELECT count(*), avg(age), sum(age), total(age), group_concat(name) FROM people"));
        s.add(sql("joins", PEOPLE, FILL, "CREATE TABLE pets (owner INT, pet TEXT)", "INSERT INTO pets VALUES (1, 'cat'), (1, 'dog'), (9, 'eel')",
                "SELECT p.name, x.pet FROM people p LEFT JOIN pets x ON x.owner = p.id ORDER BY 1, 2",
                "SELECT p.name, x.pet FROM people p FULL OUTER JOIN pets x ON x.owner = p.id ORDER BY 1, 2"));
        s.add(sql("UNION, INTERSECT, EXCEPT", "SELECT 1 UNION SELECT 2 UNION ALL SELECT 2", "SELECT 1 INTERSECT SELECT 1", "SELECT 1 EXCEPT SELECT 1"));
        s.add(sql("CASE, COALESCE, NULLIF, IIF", "SELECT CASE WHEN 1 THEN 'a' END, coalesce(NULL, 2), nullif(3, 3), iif(1 > 2, 'y', 'n')"));
        s.add(sql("string functions", "SELECT upper('aé'), lower('AB'), length('héllo'), substr('abcdef', 2, 3), replace('aaa', 'a', 'b'),"
                + " trim('  x '), instr('hello', 'l'), printf('%05.2f|%s|%d', 3.14159, 'x', 42), format('%q', 'it''s'), hex('A'), char(65, 66), unicode('é')"));
        s.add(sql("LIKE, GLOB and case sensitivity", "SELECT 'ABC' LIKE 'abc', 'ABC' GLOB 'abc', 'ABC' GLOB 'A*', 'a_c' LIKE 'a\\_c' ESCAPE '\\'"));
        s.add(sql("integer and real arithmetic", "SELECT 7 / 2, 7 / 2.0, 7 % 3, -7 % 3, 1 / 0, 9223372036854775807 + 1, 2 << 62, abs(-9223372036854775807), round(2.5), round(-2.5), round(1.005, 2)"));
        s.add(sql("CAST between storage classes", "SELECT CAST('12abc' AS INTEGER), CAST(3.9 AS INTEGER), CAST(x'41' AS TEXT), CAST('1e3' AS REAL), CAST(12 AS BLOB), CAST('x' AS NUMERIC), CAST('0x10' AS INTEGER)"));
        s.add(sql("date and time functions with fixed input", "SELECT date('2024-02-29', '+1 year'), time('13:00', '+90 minutes'), datetime(1709213655, 'unixepoch'),"
                + " julianday('2024-01-01'), strftime('%Y %j %w', '2024-12-31'), unixepoch('2024-01-01'), timediff('2024-03-01', '2024-02-01')"));
        s.add(sql("randomblob and zeroblob lengths", "SELECT length(randomblob(16)), zeroblob(3), typeof(random())"));
        s.add(sql("sqlite_version and compile options", "SELECT sqlite_version()", "SELECT count(*) > 10 FROM pragma_compile_options"));
        s.add(sql("blob literals and comparisons", "SELECT x'00' < x'0000', x'ff' > 'zzz', 1 < 'a', NULL = NULL, NULL IS NULL"));
        s.add(sql("large text and blob values", "SELECT length(printf('%.*c', 100000, 'x')), length(zeroblob(1000000))"));
        s.add(sql("temp tables", "CREATE TEMP TABLE tmp (a)", "INSERT INTO tmp VALUES (1)", "SELECT * FROM temp.tmp", "SELECT name FROM sqlite_temp_master"));
        s.add(sql("VACUUM and ANALYZE", PEOPLE, FILL, "CREATE INDEX people_age ON people(age)", "ANALYZE", "SELECT tbl, idx FROM sqlite_stat1", "VACUUM"));
        s.add(sql("EXPLAIN QUERY PLAN", PEOPLE, "CREATE INDEX people_age ON people(age)", "EXPLAIN QUERY PLAN SELECT * FROM people WHERE age = 3"));
        s.add(sql("comments and a trailing semicolon", "-- leading comment\nSELECT /* inline */ 1;"));
        s.add(sql("only the first of two statements runs", PEOPLE, "INSERT INTO people (name) VALUES ('one'); INSERT INTO people (name) VALUES ('two')", "SELECT name FROM people"));
        s.add(sql("empty SQL", ""));
        s.add(sql("whitespace-only SQL", "   "));
        s.add(sql("named and numbered parameters in SQL text are NULL when unbound", "SELECT :a, ?1, @b, $c"));

        // FTS5
        String docs = "CREATE VIRTUAL TABLE docs USING fts5(title, body)";
        String docRows = "INSERT INTO docs VALUES ('sqlite', 'a small fast reliable database'), ('vectors', 'nearest neighbour search in a database'), ('java', 'jdbc drivers connect java')";
        s.add(sql("FTS5 MATCH", docs, docRows, "SELECT title FROM docs WHERE docs MATCH 'database' ORDER BY rank"));
        s.add(sql("FTS5 bm25 ranking", docs, docRows, "SELECT title, round(bm25(docs), 6) FROM docs WHERE docs MATCH 'database OR java' ORDER BY bm25(docs)"));
        s.add(sql("FTS5 highlight and snippet", docs, docRows, "SELECT highlight(docs, 1, '[', ']'), snippet(docs, 1, '<', '>', '...', 3) FROM docs WHERE docs MATCH 'search'"));
        s.add(sql("FTS5 phrase, prefix and column filters", docs, docRows, "SELECT title FROM docs WHERE docs MATCH '\"fast reliable\"'",
                "SELECT title FROM docs WHERE docs MATCH 'data*'", "SELECT title FROM docs WHERE docs MATCH 'title:java'"));
        s.add(sql("FTS5 trigram tokenizer", "CREATE VIRTUAL TABLE tri USING fts5(t, tokenize = 'trigram')", "INSERT INTO tri VALUES ('sqlitevec')", "SELECT t FROM tri WHERE t MATCH 'tev'"));
        s.add(sql("FTS5 query syntax error", docs, "SELECT * FROM docs WHERE docs MATCH 'AND AND'"));
        s.add(sql("FTS5 vocab table", docs, docRows, "CREATE VIRTUAL TABLE v USING fts5vocab(docs, row)", "SELECT term, doc FROM v WHERE term LIKE 'd%' ORDER BY term"));
        s.add(sql("FTS4 is available too", "CREATE VIRTUAL TABLE f4 USING fts4(x)", "INSERT INTO f4 VALUES ('hello world')", "SELECT x FROM f4 WHERE f4 MATCH 'world'"));
        s.add(sql("R*Tree module", "CREATE VIRTUAL TABLE rt USING rtree(id, minx, maxx)", "INSERT INTO rt VALUES (1, 0, 10), (2, 20, 30)", "SELECT id FROM rt WHERE minx <= 5 AND maxx >= 5"));

        // JSON1
        s.add(sql("json_extract and the -> / ->> operators", "SELECT json_extract('{\"a\":[1,2,{\"b\":3}]}', '$.a[2].b'), '{\"a\":1}' -> '$.a', '{\"a\":\"x\"}' ->> '$.a', typeof('{\"a\":1.5}' ->> 'a')"));
        s.add(sql("json_each and json_tree", "SELECT key, value, type FROM json_each('[1,\"two\",null,{\"x\":1}]')", "SELECT fullkey, type FROM json_tree('{\"a\":{\"b\":[1]}}')"));
        s.add(sql("json_group_array and json_group_object", PEOPLE, FILL, "SELECT json_group_array(name), json_group_object(name, age) FROM people"));
        s.add(sql("json_set, json_insert, json_replace, json_remove, json_patch", "SELECT json_set('{\"a\":1}', '$.b', 2), json_insert('[1]', '$[#]', 2), json_replace('{\"a\":1}', '$.a', 'x'),"
                + " json_remove('[1,2,3]', '$[1]'), json_patch('{\"a\":1,\"b\":2}', '{\"b\":null,\"c\":3}')"));
        s.add(sql("json_valid, json_type, json_array_length, json_quote", "SELECT json_valid('{'), json_valid('[1]'), json_type('{\"a\":[]}', '$.a'), json_array_length('[1,2,3]'), json_quote('a\"b')"));
        s.add(sql("jsonb round trip", "SELECT typeof(jsonb('[1,2]')), json(jsonb('{\"k\":[true,null]}')), jsonb_extract(jsonb('{\"a\":5}'), '$.a')"));
        s.add(sql("malformed JSON", "SELECT json('{not json')"));
        s.add(sql("JSON vectors are just text to SQLite", "SELECT json_array_length('[0.1, 0.2, 0.3]'), json('[1.0,2e3]')"));

        // math functions (SQLITE_ENABLE_MATH_FUNCTIONS)
        s.add(sql("math: sqrt, pow, exp, ln, log", "SELECT sqrt(2), pow(2, 10), power(2, 0.5), exp(1), ln(10), log(100), log10(1000), log2(8), log(2, 8)"));
        s.add(sql("math: trigonometry and pi", "SELECT pi(), sin(pi() / 2), cos(0), tan(0), asin(1), acos(1), atan(1), atan2(1, 1), sinh(1), cosh(1), tanh(1), degrees(pi()), radians(180)"));
        s.add(sql("math: rounding", "SELECT floor(-1.5), ceil(-1.5), ceiling(1.2), trunc(-1.7), mod(7, 3), mod(-7.5, 2), sign(-3), sign(0)"));
        s.add(sql("math: domain errors give NULL", "SELECT sqrt(-1), ln(0), log(-1), acos(2), pow(0, -1)"));
        s.add(sql("math on text and NULL arguments", "SELECT sqrt('16'), sqrt('x'), sqrt(NULL), pow(NULL, 2)"));
        s.add(sql("min/max scalar and median-like ordering", "SELECT max(1, 'a', x'00'), min(1, 2.5, NULL), max(3, 2.5)"));
        return s;
    }

    /** A scenario that runs {@code statements} in order and records each result. */
    static Scenario sql(String name, String... statements) {
        return Scenario.of(name, (session, t) -> t.execAll(session.conn(), statements));
    }
}
