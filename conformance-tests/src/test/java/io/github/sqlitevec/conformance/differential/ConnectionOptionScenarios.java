package io.github.sqlitevec.conformance.differential;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * sqlite-jdbc's URL options and Properties (which our driver must hand through, minus only
 * {@code enable_load_extension}), pragmas, ATTACH, and the {@code backup to} / {@code restore from}
 * commands sqlite-jdbc interprets itself.
 */
final class ConnectionOptionScenarios {

    private ConnectionOptionScenarios() {}

    /** URL option → the pragma that shows whether it took effect. */
    private static final String[][] URL_OPTIONS = {
        {"?journal_mode=WAL", "PRAGMA journal_mode"},
        {"?journal_mode=MEMORY", "PRAGMA journal_mode"},
        {"?journal_mode=TRUNCATE", "PRAGMA journal_mode"},
        {"?journal_mode=OFF", "PRAGMA journal_mode"},
        {"?foreign_keys=true", "PRAGMA foreign_keys"},
        {"?foreign_keys=false", "PRAGMA foreign_keys"},
        {"?busy_timeout=1234", "PRAGMA busy_timeout"},
        {"?synchronous=OFF", "PRAGMA synchronous"},
        {"?synchronous=FULL", "PRAGMA synchronous"},
        {"?cache_size=-4000", "PRAGMA cache_size"},
        {"?page_size=8192", "PRAGMA page_size"},
        {"?temp_store=MEMORY", "PRAGMA temp_store"},
        {"?case_sensitive_like=true", "SELECT 'a' LIKE 'A'"},
        {"?recursive_triggers=true", "PRAGMA recursive_triggers"},
        {"?locking_mode=EXCLUSIVE", "PRAGMA locking_mode"},
        {"?encoding=UTF-16le", "PRAGMA encoding"},
        {"?user_version=7", "PRAGMA user_version"},
        {"?application_id=99", "PRAGMA application_id"},
        {"?mmap_size=1048576", "PRAGMA mmap_size"},
        {"?secure_delete=true", "PRAGMA secure_delete"},
        {"?auto_vacuum=FULL", "PRAGMA auto_vacuum"},
        {"?limit_length=20000", "SELECT length(printf('%.*c', 30000, 'x'))"},
        {"?limit_attached=0", "ATTACH ':memory:' AS m"},
        {"?foreign_keys=true&journal_mode=WAL&busy_timeout=50", "SELECT * FROM pragma_foreign_keys, pragma_journal_mode, pragma_busy_timeout"},
        {"?enable_load_extension=false", "SELECT load_extension('/nonexistent/ext')"},
        {"?no_such_option=1", "SELECT 1"},
        {"?journal_mode=NOT_A_MODE", "PRAGMA journal_mode"},
        {"?foreign_keys=perhaps", "PRAGMA foreign_keys"},
    };

    static List<Scenario> all() {
        List<Scenario> s = new ArrayList<>();
        for (String[] option : URL_OPTIONS) {
            s.add(Scenario.of("URL option " + option[0], (x, t) -> t.exec(x.conn(), option[1])).withUrl(option[0]));
        }
        s.add(Scenario.of("options given as Properties", (x, t) -> {
            Properties p = new Properties();
            p.setProperty("foreign_keys", "true");
            p.setProperty("journal_mode", "WAL");
            p.setProperty("date_class", "TEXT");
            Connection c = x.open("props.db", p);
            t.execAll(c, "PRAGMA foreign_keys", "PRAGMA journal_mode");
        }));
        s.add(Scenario.of("URL options win over Properties", (x, t) -> {
            Properties p = new Properties();
            p.setProperty("user_version", "1");
            t.exec(x.open("props.db?user_version=2", p), "PRAGMA user_version");
        }));
        s.add(Scenario.of("open_mode=1 opens read-only", (x, t) -> {
            t.exec(x.conn(), "CREATE TABLE t (a)");
            Connection ro = x.open("test.db?open_mode=1");
            t.exec(ro, "SELECT count(*) FROM t");
            t.exec(ro, "INSERT INTO t VALUES (1)");
        }).expectingStates("25006"));
        s.add(Scenario.of("opening a missing file read-only fails", (x, t) ->
                t.attempt("open", () -> x.open("missing.db?open_mode=1").isClosed())).expectingStates("08001"));
        s.add(Scenario.of("an in-memory database", (x, t) -> {
            Connection mem = java.sql.DriverManager.getConnection(x.side().prefix + ":memory:");
            try {
                t.execAll(mem, "CREATE TABLE m (a)", "INSERT INTO m VALUES (1)", "SELECT * FROM m", "PRAGMA database_list");
            } finally {
                mem.close();
            }
        }));
        s.add(Scenario.of("a file: URI with mode=ro", (x, t) -> {
            t.exec(x.conn(), "CREATE TABLE t (a)");
            Connection ro = java.sql.DriverManager.getConnection(x.side().prefix + "file:" + x.path("test.db") + "?mode=ro");
            try {
                t.exec(ro, "INSERT INTO t VALUES (1)");
            } finally {
                ro.close();
            }
        }).expectingStates("25006"));
        s.add(Scenario.of("foreign keys enforced only with foreign_keys=true", (x, t) -> t.execAll(x.conn(),
                "CREATE TABLE p (id INTEGER PRIMARY KEY)", "CREATE TABLE c (pid INT REFERENCES p(id))", "INSERT INTO c VALUES (5)",
                "PRAGMA foreign_key_check")).withUrl("?foreign_keys=false"));
        s.add(Scenario.of("foreign key violation with foreign_keys=true", (x, t) -> t.execAll(x.conn(),
                "CREATE TABLE p (id INTEGER PRIMARY KEY)", "CREATE TABLE c (pid INT REFERENCES p(id))", "INSERT INTO c VALUES (5)"))
                .withUrl("?foreign_keys=true").expectingStates("23503"));
        s.add(Scenario.of("pragmas set in SQL", (x, t) -> t.execAll(x.conn(), "PRAGMA user_version = 5", "PRAGMA user_version",
                "PRAGMA cache_size = 100", "PRAGMA cache_size", "PRAGMA table_info(sqlite_master)", "PRAGMA integrity_check",
                "PRAGMA quick_check", "PRAGMA freelist_count", "PRAGMA schema_version", "PRAGMA data_version")));
        s.add(Scenario.of("pragma table-valued functions", (x, t) -> t.execAll(x.conn(), "CREATE TABLE a (x INT PRIMARY KEY, y)",
                "SELECT * FROM pragma_table_info('a')", "SELECT * FROM pragma_table_xinfo('a')", "SELECT name FROM pragma_index_list('a')")));
        s.add(Scenario.of("setBusyTimeout and getBusyTimeout", (x, t) -> {
            var c = (org.sqlite.SQLiteConnection) x.conn();
            t.note("default", c.getBusyTimeout());
            c.setBusyTimeout(777);
            t.note("after set", c.getBusyTimeout());
            t.exec(c, "PRAGMA busy_timeout");
        }));
        s.add(Scenario.of("SQLiteConfig read back from the connection", (x, t) -> {
            var config = ((org.sqlite.SQLiteConnection) x.conn()).getConnectionConfig();
            t.note("dateClass", config.getDateClass());
            t.note("datePrecision", config.getDatePrecision());
            t.note("dateStringFormat", config.getDateStringFormat());
            t.note("transactionMode", config.getTransactionMode());
            t.note("generatedKeys", config.isGetGeneratedKeys());
            t.note("busyTimeout", ((org.sqlite.SQLiteConnection) x.conn()).getBusyTimeout());
        }).withUrl("?date_class=TEXT&busy_timeout=300&transaction_mode=EXCLUSIVE"));
        s.add(Scenario.of("connection properties and client info", (x, t) -> {
            Connection c = x.conn();
            t.note("catalog", c.getCatalog());
            t.attempt("schema", c::getSchema);
            t.note("clientInfo", c.getClientInfo());
            t.note("warnings", c.getWarnings());
            t.note("valid", c.isValid(1));
            t.note("typeMap", c.getTypeMap());
            t.note("nativeSQL", c.nativeSQL("SELECT {fn now()}"));
            t.attempt("createArrayOf", () -> c.createArrayOf("INTEGER", new Object[] {1}));
            t.attempt("prepareCall", () -> c.prepareCall("SELECT 1") == null ? null : "callable");
        }));
        s.add(Scenario.of("a closed connection refuses work", (x, t) -> {
            Connection c = x.open("closing.db");
            c.close();
            t.note("isClosed", c.isClosed());
            t.note("isValid", c.isValid(1));
            t.attempt("createStatement", () -> c.createStatement());
            t.attempt("prepareStatement", () -> c.prepareStatement("SELECT 1"));
            t.attempt("getMetaData", () -> c.getMetaData());
            t.attempt("setAutoCommit", () -> { c.setAutoCommit(false); return "ok"; });
            t.attempt("close again", () -> { c.close(); return "ok"; });
        }));

        // ATTACH
        s.add(Scenario.of("ATTACH, query across files and DETACH", (x, t) -> {
            Connection c = x.conn();
            t.execAll(c, "CREATE TABLE here (id INTEGER PRIMARY KEY, v TEXT)", "INSERT INTO here (v) VALUES ('local')",
                    "ATTACH DATABASE '" + x.path("other.db") + "' AS other", "CREATE TABLE other.there (id INTEGER PRIMARY KEY, v TEXT)",
                    "INSERT INTO other.there (v) VALUES ('remote')",
                    "SELECT h.v, o.v FROM here h JOIN other.there o ON o.id = h.id", "PRAGMA database_list",
                    "DETACH DATABASE other", "SELECT * FROM other.there");
        }).expectingStates("42P01"));
        s.add(Scenario.of("ATTACH a database twice under one name", (x, t) -> t.execAll(x.conn(),
                "ATTACH '" + x.path("a.db") + "' AS a", "ATTACH '" + x.path("b.db") + "' AS a")).expectingStates("HY000"));
        s.add(Scenario.of("ATTACH an in-memory database and write to it inside a transaction", (x, t) -> {
            Connection c = x.conn();
            t.exec(c, "ATTACH ':memory:' AS mem");
            c.setAutoCommit(false);
            t.execAll(c, "CREATE TABLE mem.t (a)", "INSERT INTO mem.t VALUES (1)");
            c.commit();
            c.setAutoCommit(true);
            t.exec(c, "SELECT * FROM mem.t");
        }));
        s.add(Scenario.of("ATTACH a file that is not a database", (x, t) -> {
            java.nio.file.Files.writeString(java.nio.file.Path.of(x.path("junk.db")), "this is not a database file at all, not even close to one......"
                    + "................................................................................................");
            t.execAll(x.conn(), "ATTACH '" + x.path("junk.db") + "' AS junk", "SELECT * FROM junk.sqlite_master");
        }).expectingStates("XX001", "42P01"));

        // backup and restore (interpreted by sqlite-jdbc's statement, not by SQLite)
        s.add(Scenario.of("backup to a file and read the copy", (x, t) -> {
            Connection c = x.conn();
            t.execAll(c, "CREATE TABLE b (a)", "INSERT INTO b VALUES (1), (2)", "backup to " + x.path("copy.db"));
            t.exec(x.open("copy.db"), "SELECT * FROM b");
        }));
        s.add(Scenario.of("restore from a file replaces the contents", (x, t) -> {
            Connection source = x.open("source.db");
            t.execAll(source, "CREATE TABLE r (a)", "INSERT INTO r VALUES ('restored')");
            Connection c = x.conn();
            t.execAll(c, "CREATE TABLE mine (a)", "restore from " + x.path("source.db"), "SELECT name FROM sqlite_master", "SELECT * FROM r");
        }));
        s.add(Scenario.of("backup of an attached database by name", (x, t) -> {
            Connection c = x.conn();
            t.execAll(c, "ATTACH '" + x.path("att.db") + "' AS att", "CREATE TABLE att.x (a)", "INSERT INTO att.x VALUES (42)",
                    "backup att to " + x.path("att-copy.db"));
            t.exec(x.open("att-copy.db"), "SELECT * FROM x");
        }));
        s.add(Scenario.of("restore from a missing file", (x, t) -> t.exec(x.conn(), "restore from " + x.path("does-not-exist.db"))));
        s.add(Scenario.of("backup through the SQLiteConnection API", (x, t) -> {
            var c = (org.sqlite.SQLiteConnection) x.conn();
            t.execAll(c, "CREATE TABLE api (a)", "INSERT INTO api VALUES (7)");
            t.note("backup result", c.getDatabase().backup("main", x.path("api-copy.db"), null));
            t.exec(x.open("api-copy.db"), "SELECT * FROM api");
        }));
        return s;
    }
}
