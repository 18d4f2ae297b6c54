package io.github.sqlitevec.conformance.differential;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.sqlite.BusyHandler;
import org.sqlite.Collation;
import org.sqlite.Function;
import org.sqlite.ProgressHandler;
import org.sqlite.SQLiteConnection;

/**
 * sqlite-jdbc's Java extension points: user functions, aggregates, window functions, collations,
 * busy and progress handlers, update and commit listeners. Each one checks
 * {@code instanceof SQLiteConnection}, so a connection that is merely a proxy would break them.
 */
final class ExtensionPointScenarios {

    private ExtensionPointScenarios() {}

    static List<Scenario> all() {
        List<Scenario> s = new ArrayList<>();
        s.add(Scenario.of("scalar Function.create", (x, t) -> {
            Function.create(x.conn(), "twice", new Function() {
                @Override
                protected void xFunc() throws SQLException {
                    result(value_int(0) * 2);
                }
            });
            t.execAll(x.conn(), "SELECT twice(21)", "SELECT twice(x) FROM (SELECT 1 AS x UNION ALL SELECT 5)");
        }));
        s.add(Scenario.of("Function seeing every argument type", (x, t) -> {
            Function.create(x.conn(), "describe", new Function() {
                @Override
                protected void xFunc() throws SQLException {
                    StringBuilder b = new StringBuilder();
                    for (int i = 0; i < args(); i++) {
                        b.append(value_type(i)).append(':').append(value_text(i)).append(';');
                    }
                    result(b.toString());
                }
            });
            t.exec(x.conn(), "SELECT describe(1, 2.5, 'x', x'41', NULL)");
        }));
        s.add(Scenario.of("Function returning blob, double, long and null", (x, t) -> {
            Function.create(x.conn(), "pick", new Function() {
                @Override
                protected void xFunc() throws SQLException {
                    switch (value_int(0)) {
                        case 0: result(new byte[] {1, 2}); break;
                        case 1: result(2.5); break;
                        case 2: result(Long.MAX_VALUE); break;
                        default: result(); break;
                    }
                }
            });
            t.exec(x.conn(), "SELECT pick(0), pick(1), pick(2), pick(3), typeof(pick(3))");
        }));
        s.add(Scenario.of("Function raising an error", (x, t) -> {
            Function.create(x.conn(), "fail", new Function() {
                @Override
                protected void xFunc() throws SQLException {
                    error("custom failure from Java");
                }
            });
            t.exec(x.conn(), "SELECT fail()");
        }).expectingStates("HY000"));
        s.add(Scenario.of("Function throwing a Java exception", (x, t) -> {
            Function.create(x.conn(), "boom", new Function() {
                @Override
                protected void xFunc() throws SQLException {
                    throw new SQLException("thrown in xFunc");
                }
            });
            t.exec(x.conn(), "SELECT boom()");
        }));
        s.add(Scenario.of("Function with a fixed argument count called wrongly", (x, t) -> {
            Function.create(x.conn(), "one", new Function() {
                @Override
                protected void xFunc() throws SQLException {
                    result(1);
                }
            }, 1, Function.FLAG_DETERMINISTIC);
            t.execAll(x.conn(), "SELECT one(1)", "SELECT one()");
        }).expectingStates("42883"));
        s.add(Scenario.of("Function.destroy removes the function", (x, t) -> {
            Function.create(x.conn(), "gone", new Function() {
                @Override
                protected void xFunc() throws SQLException {
                    result(1);
                }
            });
            Function.destroy(x.conn(), "gone");
            t.exec(x.conn(), "SELECT gone()");
        }).expectingStates("42883"));
        s.add(Scenario.of("aggregate Function", (x, t) -> {
            Function.create(x.conn(), "product", new Function.Aggregate() {
                private long product = 1;

                @Override
                protected void xStep() throws SQLException {
                    product *= value_long(0);
                }

                @Override
                protected void xFinal() throws SQLException {
                    result(product);
                }
            });
            t.exec(x.conn(), "WITH n(i) AS (VALUES (2), (3), (7)) SELECT product(i) FROM n");
        }));
        s.add(Scenario.of("window Function", (x, t) -> {
            Function.create(x.conn(), "running", new Function.Window() {
                private long sum;

                @Override
                protected void xStep() throws SQLException {
                    sum += value_long(0);
                }

                @Override
                protected void xInverse() throws SQLException {
                    sum -= value_long(0);
                }

                @Override
                protected void xValue() throws SQLException {
                    result(sum);
                }

                @Override
                protected void xFinal() throws SQLException {
                    result(sum);
                }
            });
            t.exec(x.conn(), "WITH n(i) AS (VALUES (1), (2), (3), (4)) SELECT i, running(i) OVER (ORDER BY i ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) FROM n");
        }));
        s.add(Scenario.of("Collation.create orders by the Java comparator", (x, t) -> {
            Collation.create(x.conn(), "REVERSE", new Collation() {
                @Override
                protected int xCompare(String a, String b) {
                    return b.compareTo(a);
                }
            });
            t.execAll(x.conn(), "CREATE TABLE w (v TEXT COLLATE REVERSE)", "INSERT INTO w VALUES ('a'), ('c'), ('b')",
                    "SELECT v FROM w ORDER BY v", "SELECT v FROM w ORDER BY v COLLATE BINARY");
        }));
        s.add(Scenario.of("an unknown collation", (x, t) -> t.exec(x.conn(), "SELECT 'a' ORDER BY 1 COLLATE NOPE")));
        s.add(Scenario.of("built-in NOCASE and RTRIM collations", (x, t) ->
                t.exec(x.conn(), "SELECT 'A' = 'a' COLLATE NOCASE, 'a ' = 'a' COLLATE RTRIM, 'a' < 'B' COLLATE NOCASE")));
        s.add(Scenario.of("a second writer fails with database is locked after busy_timeout", (x, t) -> {
            Connection c = x.conn();
            t.exec(c, "CREATE TABLE t (a)");
            c.setAutoCommit(false);
            t.exec(c, "INSERT INTO t VALUES (1)");
            Connection other = x.open("test.db?busy_timeout=20");
            t.exec(other, "INSERT INTO t VALUES (2)");
            c.commit();
            t.exec(other, "INSERT INTO t VALUES (3)");
            t.exec(other, "SELECT count(*) FROM t");
        }).expectingStates("40001"));
        s.add(Scenario.of("a BusyHandler is called and can give up", (x, t) -> {
            Connection c = x.conn();
            t.exec(c, "CREATE TABLE t (a)");
            c.setAutoCommit(false);
            t.exec(c, "INSERT INTO t VALUES (1)");
            Connection other = x.open("test.db");
            int[] calls = {0};
            BusyHandler.setHandler(other, new BusyHandler() {
                @Override
                protected int callback(int retries) {
                    calls[0]++;
                    return retries < 3 ? 1 : 0;
                }
            });
            t.exec(other, "INSERT INTO t VALUES (2)");
            t.note("handler calls", calls[0]);
            BusyHandler.clearHandler(other);
            c.rollback();
        }).expectingStates("40001"));
        s.add(Scenario.of("a BusyHandler that waits lets the second writer through", (x, t) -> {
            Connection c = x.conn();
            t.exec(c, "CREATE TABLE t (a)");
            c.setAutoCommit(false);
            t.exec(c, "INSERT INTO t VALUES (1)");
            Connection other = x.open("test.db");
            BusyHandler.setHandler(other, new BusyHandler() {
                @Override
                protected int callback(int retries) throws SQLException {
                    if (retries == 2) {
                        c.commit();
                    }
                    return 1;
                }
            });
            t.exec(other, "INSERT INTO t VALUES (2)");
            t.exec(other, "SELECT count(*) FROM t");
        }));
        s.add(Scenario.of("a ProgressHandler can abort a query", (x, t) -> {
            ProgressHandler.setHandler(x.conn(), 100, new ProgressHandler() {
                @Override
                protected int progress() {
                    return 1;
                }
            });
            t.exec(x.conn(), "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100000) SELECT count(*) FROM n");
            ProgressHandler.clearHandler(x.conn());
            t.exec(x.conn(), "SELECT 1");
        }).expectingStates("57014"));
        s.add(Scenario.of("update, commit and rollback listeners", (x, t) -> {
            SQLiteConnection c = (SQLiteConnection) x.conn();
            List<String> events = new ArrayList<>();
            c.addUpdateListener((type, database, table, rowId) -> events.add(type + " " + database + "." + table + " " + rowId));
            c.addCommitListener(new org.sqlite.SQLiteCommitListener() {
                @Override
                public void onCommit() {
                    events.add("commit");
                }

                @Override
                public void onRollback() {
                    events.add("rollback");
                }
            });
            t.execAll(c, "CREATE TABLE t (a)", "INSERT INTO t VALUES (1)", "UPDATE t SET a = 2", "DELETE FROM t");
            c.setAutoCommit(false);
            t.exec(c, "INSERT INTO t VALUES (3)");
            c.rollback();
            c.setAutoCommit(true);
            t.note("events", events);
        }));
        s.add(Scenario.of("unwrap to SQLiteConnection and the native database", (x, t) -> {
            Connection c = x.conn();
            t.note("isWrapperFor", c.isWrapperFor(SQLiteConnection.class));
            SQLiteConnection sc = c.unwrap(SQLiteConnection.class);
            t.note("libversion", sc.libversion());
            t.note("same file", sc.getDatabase().getConfig() != null);
            t.attempt("unwrap to String", () -> c.unwrap(String.class));
        }));
        s.add(Scenario.of("SQL load_extension is not authorized by default", (x, t) ->
                t.exec(x.conn(), "SELECT load_extension('/nonexistent/lib')")).expectingStates("42501"));
        return s;
    }
}
