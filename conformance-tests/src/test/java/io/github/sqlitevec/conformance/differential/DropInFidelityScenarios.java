package io.github.sqlitevec.conformance.differential;

import java.nio.file.Files;
import java.nio.file.Paths;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Wrapper;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.sqlite.BusyHandler;
import org.sqlite.SQLiteConnection;

/**
 * What code written for sqlite-jdbc relies on when it handles errors and drives statements
 * (issue 11): each constraint violation through every execute path, busy, not-a-database, a moved
 * database file, failed backup and restore, re-use of a closed statement, {@code unwrap} on every
 * object we hand out, and generated keys. The runner compares class, error code, result code and
 * message of every failure; the SQLStates listed are ours.
 */
final class DropInFidelityScenarios {

    private DropInFidelityScenarios() {}

    private static final String[] SCHEMA = {
        "CREATE TABLE p (id INTEGER PRIMARY KEY)",
        "INSERT INTO p VALUES (1)",
        "CREATE TABLE t (id INTEGER PRIMARY KEY, u TEXT UNIQUE, n TEXT NOT NULL, c INT CHECK (c >= 0), pid INT REFERENCES p(id))",
        "INSERT INTO t VALUES (1, 'a', 'x', 1, 1)",
    };

    /** A row that violates one constraint, with the SQLState our driver must give it. */
    private record Violation(String name, String state, Object[] row) {
        String insertSql() {
            StringBuilder sql = new StringBuilder("INSERT INTO t VALUES (");
            for (int i = 0; i < row.length; i++) {
                Object v = row[i];
                sql.append(i == 0 ? "" : ", ").append(v == null ? "NULL" : v instanceof String ? "'" + v + "'" : v);
            }
            return sql.append(')').toString();
        }
    }

    private static final List<Violation> VIOLATIONS = List.of(
            new Violation("UNIQUE", "23505", new Object[] {7, "a", "x", 1, 1}),
            new Violation("PRIMARY KEY", "23505", new Object[] {1, "q", "x", 1, 1}),
            new Violation("FOREIGN KEY", "23503", new Object[] {7, "q", "x", 1, 99}),
            new Violation("NOT NULL", "23502", new Object[] {7, "q", null, 1, 1}),
            new Violation("CHECK", "23514", new Object[] {7, "q", "x", -1, 1}));

    private static final Object[] GOOD_ROW = {2, "b", "x", 1, 1};

    static List<Scenario> all() {
        List<Scenario> s = new ArrayList<>();
        for (Violation v : VIOLATIONS) {
            s.add(violation(v, "Statement.execute", (c, t) -> {
                try (Statement st = c.createStatement()) {
                    t.attempt("execute", () -> st.execute(v.insertSql()));
                }
            }));
            s.add(violation(v, "Statement.executeUpdate", (c, t) -> {
                try (Statement st = c.createStatement()) {
                    t.attempt("executeUpdate", () -> st.executeUpdate(v.insertSql()));
                }
            }));
            s.add(violation(v, "Statement.executeBatch", (c, t) -> {
                try (Statement st = c.createStatement()) {
                    st.addBatch(new Violation("good", "", GOOD_ROW).insertSql());
                    st.addBatch(v.insertSql());
                    batch(t, st);
                }
            }));
            s.add(violation(v, "PreparedStatement.executeBatch", (c, t) -> {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO t VALUES (?, ?, ?, ?, ?)")) {
                    for (Object[] row : List.of(GOOD_ROW, v.row())) {
                        for (int i = 0; i < row.length; i++) {
                            ps.setObject(i + 1, row[i]);
                        }
                        ps.addBatch();
                    }
                    batch(t, ps);
                }
            }));
            s.add(violation(v, "PreparedStatement.executeUpdate", (c, t) -> {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO t VALUES (?, ?, ?, ?, ?)")) {
                    for (int i = 0; i < v.row().length; i++) {
                        ps.setObject(i + 1, v.row()[i]);
                    }
                    t.attempt("executeUpdate", ps::executeUpdate);
                }
            }));
        }
        s.addAll(busy());
        s.addAll(files());
        s.addAll(closedStatements());
        s.addAll(unwrapping());
        s.addAll(generatedKeys());
        return s;
    }

    private interface ConnectionBody {
        void run(Connection c, Transcript t) throws Exception;
    }

    private static Scenario violation(Violation v, String path, ConnectionBody body) {
        return Scenario.of("fidelity: " + v.name() + " violation through " + path, (x, t) -> {
            t.execAll(x.conn(), SCHEMA);
            body.run(x.conn(), t);
            t.exec(x.conn(), "SELECT count(*) FROM t"); // nothing half-written
        }).withUrl("?foreign_keys=true").expectingStates(v.state());
    }

    /** Runs a batch, recording either the counts or the failure and the counts it carries. */
    private static void batch(Transcript t, Statement st) {
        try {
            t.note("executeBatch", st.executeBatch());
        } catch (BatchUpdateException e) {
            t.failed("executeBatch", e);
            t.note("update counts", e.getUpdateCounts());
        } catch (SQLException e) {
            t.failed("executeBatch", e);
        }
    }

    private static List<Scenario> busy() {
        List<Scenario> s = new ArrayList<>();
        s.add(Scenario.of("fidelity: a second writer with busy_timeout=0 is busy", (x, t) -> {
            t.execAll(x.conn(), "PRAGMA journal_mode = WAL", "CREATE TABLE w (a)", "BEGIN IMMEDIATE", "INSERT INTO w VALUES (1)");
            Connection other = x.open("test.db?busy_timeout=0");
            t.exec(other, "INSERT INTO w VALUES (2)");
            t.exec(x.conn(), "COMMIT");
            t.exec(other, "SELECT count(*) FROM w");
        }).expectingStates("40001"));
        s.add(Scenario.of("fidelity: a second writer whose busy handler gives up is busy", (x, t) -> {
            t.execAll(x.conn(), "CREATE TABLE w (a)", "BEGIN IMMEDIATE", "INSERT INTO w VALUES (1)");
            Connection other = x.open("test.db?busy_timeout=0");
            int[] calls = {0};
            BusyHandler.setHandler(other, new BusyHandler() {
                @Override
                protected int callback(int retries) {
                    calls[0]++;
                    return retries < 3 ? 1 : 0;
                }
            });
            t.exec(other, "INSERT INTO w VALUES (2)");
            t.note("busy handler calls", calls[0]);
            t.exec(x.conn(), "ROLLBACK");
        }).expectingStates("40001"));
        s.add(Scenario.of("fidelity: a reader upgrading to a writer while another writes is busy", (x, t) -> {
            t.execAll(x.conn(), "CREATE TABLE w (a)", "INSERT INTO w VALUES (1)");
            Connection other = x.open("test.db?busy_timeout=0");
            t.execAll(other, "BEGIN", "SELECT count(*) FROM w");
            t.execAll(x.conn(), "BEGIN IMMEDIATE", "INSERT INTO w VALUES (2)");
            t.exec(other, "INSERT INTO w VALUES (3)");
            t.execAll(other, "ROLLBACK");
            t.execAll(x.conn(), "COMMIT");
        }).withUrl("?busy_timeout=0").expectingStates("40001"));
        return s;
    }

    private static List<Scenario> files() {
        List<Scenario> s = new ArrayList<>();
        s.add(Scenario.of("fidelity: a file that is not a database is NOTADB", (x, t) -> {
            Files.writeString(Paths.get(x.path("junk.db")), "this is not a SQLite database file but text long enough to be read as a header ".repeat(80));
            t.attempt("open and query", () -> {
                Connection junk = x.open("junk.db");
                try (Statement st = junk.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM sqlite_master")) {
                    return rs.next();
                }
            });
        }).expectingStates("XX001"));
        s.add(Scenario.of("fidelity: deserialize of garbage is NOTADB on first use", (x, t) -> {
            SQLiteConnection c = (SQLiteConnection) x.conn();
            byte[] garbage = new byte[4096];
            Arrays.fill(garbage, (byte) 'x');
            t.attempt("deserialize", () -> {
                c.deserialize("main", garbage);
                return "ok";
            });
            t.exec(c, "SELECT count(*) FROM sqlite_master");
        }).expectingStates("XX001"));
        s.add(Scenario.of("fidelity: writing to a database whose file was moved is READONLY_DBMOVED", (x, t) -> {
            Connection c = x.open("moving.db");
            t.execAll(c, "CREATE TABLE m (a)", "INSERT INTO m VALUES (1)");
            Files.move(Paths.get(x.path("moving.db")), Paths.get(x.path("moved.db")));
            t.exec(c, "INSERT INTO m VALUES (2)");
        }).expectingStates("25006"));
        s.add(Scenario.of("fidelity: backup into a missing directory fails without 08", (x, t) -> {
            t.execAll(x.conn(), "CREATE TABLE b (a)", "backup to " + x.path("no/such/dir/copy.db"), "SELECT count(*) FROM b");
        }).expectingStates("58030"));
        // sqlite-jdbc 3.54 lets this restore succeed; what matters is that we answer exactly as it does
        s.add(Scenario.of("fidelity: restore from a file that is not a database", (x, t) -> {
            Files.writeString(Paths.get(x.path("junk.db")), "not a database ".repeat(400));
            t.execAll(x.conn(), "CREATE TABLE r (a)", "INSERT INTO r VALUES (1)", "restore from " + x.path("junk.db"),
                    "SELECT name FROM sqlite_master");
        }));
        s.add(Scenario.of("fidelity: ATTACH of a file in a missing directory fails without 08", (x, t) -> {
            t.execAll(x.conn(), "ATTACH DATABASE '" + x.path("no/such/dir/other.db") + "' AS other", "SELECT 1");
        }).expectingStates("58030"));
        return s;
    }

    private static List<Scenario> closedStatements() {
        List<Scenario> s = new ArrayList<>();
        s.add(Scenario.of("fidelity: a closed Statement can execute again", (x, t) -> {
            Statement st = x.conn().createStatement();
            st.close();
            t.note("isClosed", st.isClosed());
            t.attempt("execute", () -> st.execute("CREATE TABLE again (a)"));
            t.attempt("executeUpdate", () -> st.executeUpdate("INSERT INTO again VALUES (1)"));
            t.attempt("executeQuery", () -> st.executeQuery("SELECT * FROM again"));
            t.note("isClosed after", st.isClosed());
            st.close();
        }));
        s.add(Scenario.of("fidelity: a closed PreparedStatement refuses to execute", (x, t) -> {
            PreparedStatement ps = x.conn().prepareStatement("SELECT ?");
            ps.close();
            t.attempt("setInt", () -> {
                ps.setInt(1, 1);
                return "bound";
            });
            t.attempt("executeQuery", ps::executeQuery);
            t.attempt("executeUpdate", ps::executeUpdate);
        }).expectingStates("HY010", "HY010", "HY010"));
        s.add(Scenario.of("fidelity: a closed ResultSet refuses to step", (x, t) -> {
            try (Statement st = x.conn().createStatement()) {
                ResultSet rs = st.executeQuery("SELECT 1");
                rs.close();
                t.note("isClosed", rs.isClosed());
                t.attempt("next", rs::next);
                t.attempt("getInt", () -> rs.getInt(1));
            }
        }));
        return s;
    }

    private static List<Scenario> unwrapping() {
        List<Scenario> s = new ArrayList<>();
        s.add(Scenario.of("fidelity: unwrap and isWrapperFor on every object handed out", (x, t) -> {
            t.exec(x.conn(), "CREATE TABLE u (a INTEGER PRIMARY KEY, b TEXT)");
            Connection c = x.conn();
            Statement st = c.createStatement();
            PreparedStatement ps = c.prepareStatement("SELECT a, b FROM u WHERE a = ?");
            ResultSet rs = st.executeQuery("SELECT a, b FROM u");
            ResultSetMetaData rsmd = rs.getMetaData();
            ParameterMetaData pmd = ps.getParameterMetaData();
            DatabaseMetaData dmd = c.getMetaData();
            ResultSet tables = dmd.getTables(null, null, "u", null);
            List<Class<?>> interfaces = List.of(Connection.class, Statement.class, PreparedStatement.class, ResultSet.class,
                    ResultSetMetaData.class, ParameterMetaData.class, DatabaseMetaData.class, Wrapper.class, AutoCloseable.class,
                    String.class);
            Object[][] objects = {{"connection", c}, {"statement", st}, {"prepared", ps}, {"resultSet", rs},
                {"resultSetMetaData", rsmd}, {"parameterMetaData", pmd}, {"databaseMetaData", dmd}, {"tables", tables}};
            for (Object[] named : objects) {
                Wrapper w = (Wrapper) named[1];
                for (Class<?> iface : interfaces) {
                    String label = named[0] + " " + iface.getSimpleName();
                    t.attempt(label + " isWrapperFor", () -> w.isWrapperFor(iface));
                    try {
                        Object unwrapped = w.unwrap(iface);
                        t.note(label + " unwrap is itself", unwrapped == w);
                    } catch (SQLException e) {
                        t.failed(label + " unwrap", e);
                    } catch (RuntimeException e) {
                        t.note(label + " unwrap threw", e.getClass().getName());
                    }
                }
            }
            t.note("rs.getMetaData() is the result set", rsmd == rs);
            t.note("ps.getParameterMetaData() is the statement", pmd == ps);
            t.note("rs.getStatement() is the statement", rs.getStatement() == st);
            t.note("dmd.getConnection() is the connection", dmd.getConnection() == c);
            t.note("st.getConnection() is the connection", st.getConnection() == c);
            t.note("instanceof sqlite-jdbc's statement", st instanceof org.sqlite.jdbc3.JDBC3Statement);
            t.note("instanceof sqlite-jdbc's prepared statement", ps instanceof org.sqlite.jdbc3.JDBC3PreparedStatement);
            t.note("instanceof sqlite-jdbc's metadata", dmd instanceof org.sqlite.jdbc3.JDBC3DatabaseMetaData);
            tables.close();
            ps.close();
            st.close();
        }));
        s.add(Scenario.of("fidelity: sqlite-jdbc's own metadata through unwrap lists tables and keys", (x, t) -> {
            t.exec(x.conn(), "CREATE TABLE k (a INTEGER PRIMARY KEY, b INT REFERENCES k(a))");
            var md = x.conn().unwrap(SQLiteConnection.class).getSQLiteDatabaseMetaData();
            t.attempt("getTables", () -> md.getTables(null, null, "k", null));
            t.attempt("getPrimaryKeys", () -> md.getPrimaryKeys(null, null, "k"));
            t.attempt("getImportedKeys", () -> md.getImportedKeys(null, null, "k"));
            t.attempt("getIndexInfo", () -> md.getIndexInfo(null, null, "k", false, false));
        }));
        return s;
    }

    private static List<Scenario> generatedKeys() {
        List<Scenario> s = new ArrayList<>();
        Scenario.Body keys = (x, t) -> {
            Connection c = x.conn();
            t.exec(c, "CREATE TABLE g (id INTEGER PRIMARY KEY, v TEXT)");
            try (Statement st = c.createStatement()) {
                t.attempt("insert", () -> st.executeUpdate("INSERT INTO g (v) VALUES ('a')", Statement.RETURN_GENERATED_KEYS));
                t.attempt("keys after INSERT", st::getGeneratedKeys);
                t.attempt("cte insert", () -> st.executeUpdate("WITH n(v) AS (SELECT 'b') INSERT INTO g (v) SELECT v FROM n"));
                t.attempt("keys after CTE INSERT", st::getGeneratedKeys);
                t.attempt("update", () -> st.executeUpdate("UPDATE g SET v = 'c' WHERE id = 1"));
                t.attempt("keys after UPDATE", st::getGeneratedKeys);
                t.attempt("execute insert", () -> st.execute("INSERT INTO g (v) VALUES ('d')"));
                t.attempt("keys after execute", st::getGeneratedKeys);
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO g (v) VALUES (?)", Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, "e");
                t.attempt("prepared insert", ps::executeUpdate);
                t.attempt("prepared keys", ps::getGeneratedKeys);
                ps.setString(1, "f");
                ps.addBatch();
                ps.setString(1, "g");
                ps.addBatch();
                t.attempt("prepared batch", ps::executeBatch);
                t.attempt("prepared keys after batch", ps::getGeneratedKeys);
            }
        };
        s.add(Scenario.of("fidelity: generated keys after INSERT, CTE INSERT, UPDATE and prepared inserts", keys));
        s.add(Scenario.of("fidelity: generated keys with jdbc.get_generated_keys=false", keys).withUrl("?jdbc.get_generated_keys=false"));
        return s;
    }
}
