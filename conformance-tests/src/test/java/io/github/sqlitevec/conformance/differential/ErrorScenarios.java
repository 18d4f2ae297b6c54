package io.github.sqlitevec.conformance.differential;

import java.util.ArrayList;
import java.util.List;

/**
 * SQL that fails, with the SQLState our driver must give it. Both drivers must report SQLite's
 * identical message; only ours adds the SQLState (sqlite-jdbc's is null).
 */
final class ErrorScenarios {

    private ErrorScenarios() {}

    private static final String T = "CREATE TABLE t (id INTEGER PRIMARY KEY, u TEXT UNIQUE, n TEXT NOT NULL DEFAULT 'x',"
            + " c INT CHECK (c >= 0), pk2 INT)";

    static List<Scenario> all() {
        List<Scenario> s = new ArrayList<>();
        s.add(fails("syntax error", "42601", "SELEC 1"));
        s.add(fails("incomplete input", "42601", "SELECT (1"));
        s.add(fails("unrecognized token", "42601", "SELECT 'unterminated"));
        s.add(fails("no such table", "42P01", "SELECT * FROM nowhere"));
        s.add(fails("no such table in an INSERT", "42P01", "INSERT INTO nowhere VALUES (1)"));
        s.add(fails("no such column", "42703", T, "SELECT missing FROM t"));
        s.add(fails("no such column in a WHERE", "42703", T, "UPDATE t SET n = 'y' WHERE missing = 1"));
        s.add(fails("no such function", "42883", "SELECT no_such_fn(1)"));
        s.add(fails("wrong number of arguments to a built-in function", "42883", "SELECT substr()"));
        s.add(fails("no such module", "42883", "CREATE VIRTUAL TABLE v USING no_such_module(a)"));
        s.add(fails("table already exists", "42P07", T, T));
        s.add(fails("index already exists", "42P07", T, "CREATE INDEX i ON t(n)", "CREATE INDEX i ON t(n)"));
        s.add(fails("no such view on DROP VIEW", "42P01", "DROP VIEW no_view"));
        s.add(fails("no such index", "HY000", "DROP INDEX no_index"));
        s.add(fails("UNIQUE constraint", "23505", T, "INSERT INTO t (u) VALUES ('a')", "INSERT INTO t (u) VALUES ('a')"));
        s.add(fails("PRIMARY KEY constraint on an integer key", "23505", T, "INSERT INTO t (id) VALUES (1)", "INSERT INTO t (id) VALUES (1)"));
        s.add(fails("PRIMARY KEY constraint on a text key", "23505", "CREATE TABLE k (k TEXT PRIMARY KEY)", "INSERT INTO k VALUES ('a')", "INSERT INTO k VALUES ('a')"));
        s.add(fails("NOT NULL constraint", "23502", T, "INSERT INTO t (n) VALUES (NULL)"));
        s.add(fails("CHECK constraint", "23514", T, "INSERT INTO t (c) VALUES (-1)"));
        s.add(fails("named CHECK constraint", "23514", "CREATE TABLE nc (a INT CONSTRAINT positive CHECK (a > 0))", "INSERT INTO nc VALUES (0)"));
        s.add(fails("STRICT table type mismatch", "22000", "CREATE TABLE st (i INTEGER) STRICT", "INSERT INTO st VALUES ('not a number')"));
        s.add(fails("datatype mismatch on an INTEGER PRIMARY KEY", "22000", T, "INSERT INTO t (id) VALUES ('abc')"));
        s.add(fails("RAISE(ABORT) in a trigger", "23000", T, "CREATE TRIGGER no BEFORE INSERT ON t BEGIN SELECT RAISE(ABORT, 'no inserts'); END",
                "INSERT INTO t (u) VALUES ('z')"));
        s.add(fails("RAISE(FAIL) in a trigger", "23000", T, "CREATE TRIGGER no BEFORE DELETE ON t BEGIN SELECT RAISE(FAIL, 'no deletes'); END",
                "INSERT INTO t (u) VALUES ('z')", "DELETE FROM t"));
        s.add(fails("foreign key mismatch", "HY000", "PRAGMA foreign_keys = ON", "CREATE TABLE p (a INT)", "CREATE TABLE c (x REFERENCES p(a))",
                "INSERT INTO c VALUES (1)"));
        s.add(fails("integer overflow in sum", "22003", "SELECT sum(x) FROM (SELECT 9223372036854775807 AS x UNION ALL SELECT 1)"));
        s.add(fails("too many terms in a compound select", "HY000", "?limit_compound_select=2", "SELECT 1 UNION SELECT 2 UNION SELECT 3"));
        s.add(fails("string or blob too big", "54000", "?limit_length=20000", "SELECT printf('%.*c', 50000, 'x')"));
        s.add(fails("too many SQL variables", "HY000", "?limit_variable_number=2", "SELECT ?1, ?2, ?3"));
        s.add(fails("cannot start a transaction within a transaction", "HY000", "BEGIN", "BEGIN"));
        s.add(fails("cannot commit without a transaction", "HY000", "COMMIT"));
        s.add(fails("no such savepoint", "HY000", "ROLLBACK TO no_savepoint"));
        s.add(fails("DROP TABLE of a missing table", "42P01", "DROP TABLE no_table"));
        s.add(fails("ALTER TABLE adding a NOT NULL column without default", "HY000", T, "INSERT INTO t (u) VALUES ('a')", "ALTER TABLE t ADD COLUMN z TEXT NOT NULL"));
        s.add(fails("ambiguous column name", "HY000", T, "CREATE TABLE t2 (id INT)", "SELECT id FROM t, t2"));
        s.add(fails("misuse of aggregate", "HY000", T, "SELECT * FROM t WHERE count(*) > 1"));
        s.add(fails("a view cannot be modified", "HY000", T, "CREATE VIEW v AS SELECT * FROM t", "INSERT INTO v (u) VALUES ('a')"));
        s.add(fails("a table-valued function with a bad argument", "HY000", "SELECT * FROM json_each('not json')"));
        s.add(fails("the error() of a JSON path", "HY000", "SELECT json_extract('{}', 'bad path')"));
        s.add(fails("writing to sqlite_master", "HY000", "DELETE FROM sqlite_master"));
        s.add(fails("DETACH of an unknown schema", "HY000", "DETACH DATABASE no_schema"));
        s.add(fails("a runaway recursive trigger hits the trigger depth limit", "HY000", "?recursive_triggers=true&limit_trigger_depth=5",
                "CREATE TABLE r (a)", "CREATE TRIGGER rr AFTER INSERT ON r BEGIN INSERT INTO r VALUES (new.a + 1); END", "INSERT INTO r VALUES (1)"));
        s.add(fails("a constraint error rolls back only the statement", "23505", T, "BEGIN", "INSERT INTO t (u) VALUES ('a')",
                "INSERT INTO t (u) VALUES ('a')", "SELECT count(*) FROM t", "COMMIT", "SELECT count(*) FROM t"));
        s.add(fails("errors inside ON CONFLICT DO UPDATE", "23505", T, "INSERT INTO t (id, u) VALUES (1, 'a'), (2, 'b')",
                "INSERT INTO t (id, u) VALUES (1, 'x') ON CONFLICT(id) DO UPDATE SET u = 'b'"));
        return s;
    }

    /**
     * A scenario running {@code statements} in order (a first element starting with {@code ?} is a
     * URL option), in which exactly one statement fails, with {@code state} on our side.
     */
    private static Scenario fails(String name, String state, String... statements) {
        String options = statements.length > 0 && statements[0].startsWith("?") ? statements[0] : "";
        String[] sql = options.isEmpty() ? statements : java.util.Arrays.copyOfRange(statements, 1, statements.length);
        return Scenario.of("error: " + name, (x, t) -> t.execAll(x.conn(), sql)).withUrl(options).expectingStates(state);
    }
}
