package io.github.sqlitevec.conformance.differential;

import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Transactions, savepoints, batches and generated keys: the JDBC calls pools and ORMs make. */
final class TransactionScenarios {

    private TransactionScenarios() {}

    private static final String TABLE = "CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT UNIQUE)";

    static List<Scenario> all() {
        List<Scenario> s = new ArrayList<>();
        s.add(Scenario.of("autocommit is on by default and commit in autocommit mode fails", (x, t) -> {
            Connection c = x.conn();
            t.note("autocommit", c.getAutoCommit());
            t.note("isolation", c.getTransactionIsolation());
            t.note("holdability", c.getHoldability());
            t.note("readOnly", c.isReadOnly());
            t.attempt("commit", () -> { c.commit(); return "ok"; });
            t.attempt("rollback", () -> { c.rollback(); return "ok"; });
        }));
        s.add(Scenario.of("rollback discards uncommitted rows", (x, t) -> {
            Connection c = x.conn();
            t.exec(c, TABLE);
            c.setAutoCommit(false);
            t.exec(c, "INSERT INTO t (v) VALUES ('a')");
            c.rollback();
            t.exec(c, "SELECT count(*) FROM t");
            c.setAutoCommit(true);
        }));
        s.add(Scenario.of("commit makes rows visible to a second connection", (x, t) -> {
            Connection c = x.conn();
            t.exec(c, TABLE);
            c.setAutoCommit(false);
            t.exec(c, "INSERT INTO t (v) VALUES ('a')");
            Connection other = x.open("test.db");
            t.exec(other, "SELECT count(*) FROM t");
            c.commit();
            t.exec(other, "SELECT count(*) FROM t");
        }));
        s.add(Scenario.of("switching autocommit on commits the open transaction", (x, t) -> {
            Connection c = x.conn();
            t.exec(c, TABLE);
            c.setAutoCommit(false);
            t.exec(c, "INSERT INTO t (v) VALUES ('a')");
            c.setAutoCommit(true);
            t.exec(x.open("test.db"), "SELECT count(*) FROM t");
        }));
        s.add(Scenario.of("named savepoints roll back part of a transaction", (x, t) -> {
            Connection c = x.conn();
            t.exec(c, TABLE);
            c.setAutoCommit(false);
            t.exec(c, "INSERT INTO t (v) VALUES ('a')");
            Savepoint sp = c.setSavepoint("first");
            t.note("name", sp.getSavepointName());
            t.attempt("id of a named savepoint", sp::getSavepointId);
            t.exec(c, "INSERT INTO t (v) VALUES ('b')");
            c.rollback(sp);
            t.exec(c, "INSERT INTO t (v) VALUES ('c')");
            c.commit();
            t.exec(c, "SELECT v FROM t ORDER BY v");
        }));
        s.add(Scenario.of("unnamed and nested savepoints, release and rollback", (x, t) -> {
            Connection c = x.conn();
            t.exec(c, TABLE);
            c.setAutoCommit(false);
            Savepoint outer = c.setSavepoint();
            t.attempt("unnamed savepoint name", outer::getSavepointName);
            t.exec(c, "INSERT INTO t (v) VALUES ('a')");
            Savepoint inner = c.setSavepoint("inner");
            t.exec(c, "INSERT INTO t (v) VALUES ('b')");
            c.releaseSavepoint(inner);
            t.exec(c, "INSERT INTO t (v) VALUES ('c')");
            c.rollback(outer);
            c.commit();
            t.exec(c, "SELECT count(*) FROM t");
        }));
        s.add(Scenario.of("rolling back to a released savepoint fails", (x, t) -> {
            Connection c = x.conn();
            c.setAutoCommit(false);
            Savepoint sp = c.setSavepoint("gone");
            c.releaseSavepoint(sp);
            t.attempt("rollback to released", () -> { c.rollback(sp); return "ok"; });
            c.rollback();
        }).expectingStates("HY000"));
        s.add(Scenario.of("savepoints in SQL text", (x, t) -> t.execAll(x.conn(), TABLE, "SAVEPOINT a", "INSERT INTO t (v) VALUES ('x')",
                "ROLLBACK TO a", "RELEASE a", "SELECT count(*) FROM t")));
        s.add(Scenario.of("BEGIN and COMMIT in SQL text while autocommit is on", (x, t) -> {
            Connection c = x.conn();
            t.execAll(c, TABLE, "BEGIN IMMEDIATE", "INSERT INTO t (v) VALUES ('x')");
            t.note("autocommit inside BEGIN", c.getAutoCommit());
            t.execAll(c, "COMMIT", "SELECT count(*) FROM t");
        }));
        s.add(Scenario.of("nested BEGIN fails", (x, t) -> t.execAll(x.conn(), "BEGIN", "BEGIN", "ROLLBACK")).expectingStates("HY000"));
        for (int level : new int[] {Connection.TRANSACTION_READ_UNCOMMITTED, Connection.TRANSACTION_READ_COMMITTED,
                Connection.TRANSACTION_REPEATABLE_READ, Connection.TRANSACTION_SERIALIZABLE, Connection.TRANSACTION_NONE}) {
            s.add(Scenario.of("setTransactionIsolation(" + level + ")", (x, t) -> {
                Connection c = x.conn();
                t.attempt("set", () -> { c.setTransactionIsolation(level); return "ok"; });
                t.note("get", c.getTransactionIsolation());
                t.exec(c, "PRAGMA read_uncommitted");
            }));
        }
        s.add(Scenario.of("transaction_mode=IMMEDIATE takes the write lock at the first statement", (x, t) -> {
            Connection c = x.conn();
            t.exec(c, TABLE);
            c.setAutoCommit(false);
            t.exec(c, "SELECT count(*) FROM t");
            Connection other = x.open("test.db?busy_timeout=0");
            t.exec(other, "INSERT INTO t (v) VALUES ('blocked?')");
            c.rollback();
        }).withUrl("?transaction_mode=IMMEDIATE").expectingStates("40001"));
        s.add(Scenario.of("setReadOnly on a connection opened with jdbc.explicit_readonly=false", (x, t) -> {
            Connection c = x.conn();
            t.exec(c, TABLE);
            t.attempt("setReadOnly", () -> { c.setReadOnly(true); return "ok"; });
            t.note("isReadOnly", c.isReadOnly());
        }));

        // batches
        s.add(Scenario.of("Statement batch returns one count per statement", (x, t) -> {
            Connection c = x.conn();
            try (Statement st = c.createStatement()) {
                st.addBatch(TABLE);
                st.addBatch("INSERT INTO t (v) VALUES ('a')");
                st.addBatch("INSERT INTO t (v) SELECT v || '2' FROM t");
                st.addBatch("UPDATE t SET v = v || '!'");
                t.note("counts", Arrays.toString(st.executeBatch()));
                t.note("counts after run", Arrays.toString(st.executeBatch()));
            }
            t.exec(c, "SELECT v FROM t ORDER BY v");
        }));
        s.add(Scenario.of("PreparedStatement batch", (x, t) -> {
            Connection c = x.conn();
            t.exec(c, TABLE);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO t (v) VALUES (?)")) {
                for (String v : List.of("a", "b", "c")) {
                    ps.setString(1, v);
                    ps.addBatch();
                }
                t.note("counts", Arrays.toString(ps.executeBatch()));
                t.note("large counts of an empty batch", Arrays.toString(ps.executeLargeBatch()));
            }
            t.exec(c, "SELECT group_concat(v) FROM t");
        }));
        s.add(Scenario.of("a failing batch reports the counts before the failure", (x, t) -> {
            Connection c = x.conn();
            t.exec(c, TABLE);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO t (v) VALUES (?)")) {
                for (String v : List.of("a", "b", "a", "c")) {
                    ps.setString(1, v);
                    ps.addBatch();
                }
                ps.executeBatch();
            } catch (BatchUpdateException e) {
                t.failed("batch", e);
                t.note("counts", Arrays.toString(e.getUpdateCounts()));
            }
            t.exec(c, "SELECT group_concat(v) FROM t");
        }).expectingStates("23505"));
        s.add(Scenario.of("a Statement batch with a syntax error", (x, t) -> {
            Connection c = x.conn();
            try (Statement st = c.createStatement()) {
                st.addBatch(TABLE);
                st.addBatch("INSERT INTO t (v) VALUES ('a')");
                st.addBatch("INSERTT INTO t VALUES (1)");
                st.executeBatch();
            } catch (BatchUpdateException e) {
                t.failed("batch", e);
                t.note("counts", Arrays.toString(e.getUpdateCounts()));
            }
            t.exec(c, "SELECT count(*) FROM t");
        }).expectingStates("42601"));
        s.add(Scenario.of("clearBatch empties the batch", (x, t) -> {
            try (Statement st = x.conn().createStatement()) {
                st.addBatch(TABLE);
                st.clearBatch();
                t.note("counts", Arrays.toString(st.executeBatch()));
            }
            t.exec(x.conn(), "SELECT count(*) FROM sqlite_master");
        }));
        s.add(Scenario.of("a SELECT inside a batch", (x, t) -> {
            try (Statement st = x.conn().createStatement()) {
                st.addBatch("SELECT 1");
                t.attempt("counts", () -> Arrays.toString(st.executeBatch()));
            }
        }));
        s.add(Scenario.of("batch inside a transaction then rollback", (x, t) -> {
            Connection c = x.conn();
            t.exec(c, TABLE);
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO t (v) VALUES (?)")) {
                for (int i = 0; i < 50; i++) {
                    ps.setInt(1, i);
                    ps.addBatch();
                }
                t.note("sum of counts", Arrays.stream(ps.executeBatch()).sum());
            }
            c.rollback();
            c.setAutoCommit(true);
            t.exec(c, "SELECT count(*) FROM t");
        }));

        // generated keys
        s.add(Scenario.of("generated keys after Statement.executeUpdate", (x, t) -> {
            Connection c = x.conn();
            t.exec(c, TABLE);
            try (Statement st = c.createStatement()) {
                t.note("updates", st.executeUpdate("INSERT INTO t (v) VALUES ('a')", Statement.RETURN_GENERATED_KEYS));
                t.attempt("keys", st::getGeneratedKeys);
                t.note("updates", st.executeUpdate("INSERT INTO t (v) VALUES ('b')", Statement.RETURN_GENERATED_KEYS));
                t.attempt("keys", st::getGeneratedKeys);
            }
        }));
        s.add(Scenario.of("generated keys from a PreparedStatement", (x, t) -> {
            Connection c = x.conn();
            t.exec(c, TABLE);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO t (v) VALUES (?)", Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, "a");
                ps.executeUpdate();
                t.attempt("keys", ps::getGeneratedKeys);
            }
        }));
        s.add(Scenario.of("generated keys requested by column name", (x, t) -> {
            Connection c = x.conn();
            t.exec(c, TABLE);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO t (v) VALUES (?)", new String[] {"id"})) {
                ps.setString(1, "a");
                ps.executeUpdate();
                t.attempt("keys", ps::getGeneratedKeys);
            }
        }));
        s.add(Scenario.of("generated keys when none were requested", (x, t) -> {
            Connection c = x.conn();
            t.exec(c, TABLE);
            try (Statement st = c.createStatement()) {
                st.executeUpdate("INSERT INTO t (v) VALUES ('a')");
                t.attempt("keys", st::getGeneratedKeys);
            }
        }));
        s.add(Scenario.of("generated keys with jdbc.get_generated_keys=false", (x, t) -> {
            Connection c = x.conn();
            t.exec(c, TABLE);
            try (Statement st = c.createStatement()) {
                st.executeUpdate("INSERT INTO t (v) VALUES ('a')", Statement.RETURN_GENERATED_KEYS);
                t.attempt("keys", st::getGeneratedKeys);
            }
        }).withUrl("?jdbc.get_generated_keys=false"));
        s.add(Scenario.of("generated keys of a WITHOUT ROWID table and of a batch", (x, t) -> {
            Connection c = x.conn();
            t.exec(c, "CREATE TABLE w (k TEXT PRIMARY KEY) WITHOUT ROWID");
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO w VALUES (?)", Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, "x");
                ps.addBatch();
                ps.setString(1, "y");
                ps.addBatch();
                t.note("counts", Arrays.toString(ps.executeBatch()));
                t.attempt("keys", ps::getGeneratedKeys);
            }
            t.exec(c, "SELECT last_insert_rowid(), changes(), total_changes()");
        }));
        s.add(Scenario.of("getUpdateCount, getMoreResults and getResultSet after each kind of statement", (x, t) -> {
            try (Statement st = x.conn().createStatement()) {
                for (String sql : List.of(TABLE, "INSERT INTO t (v) VALUES ('a')", "SELECT * FROM t", "PRAGMA user_version", "PRAGMA user_version = 3")) {
                    t.note(sql + " execute", st.execute(sql));
                    t.note("updateCount", st.getUpdateCount());
                    t.note("has resultSet", st.getResultSet() != null);
                    t.note("moreResults", st.getMoreResults());
                    t.note("updateCount after moreResults", st.getUpdateCount());
                }
            }
        }));
        s.add(Scenario.of("executeUpdate on a SELECT", (x, t) -> {
            Connection c = x.conn();
            t.exec(c, TABLE);
            try (Statement st = c.createStatement()) {
                t.attempt("executeUpdate select", () -> st.executeUpdate("SELECT * FROM t"));
            }
            try (java.sql.PreparedStatement ps = c.prepareStatement("CREATE TABLE u (a)")) {
                t.attempt("PreparedStatement.executeQuery on DDL", ps::executeQuery);
                t.attempt("PreparedStatement.execute(String)", () -> ps.execute("SELECT 2"));
            }
        }).expectingStates("HY000", "HY000"));
        s.add(Scenario.of("maxRows limits result rows", (x, t) -> {
            try (Statement st = x.conn().createStatement()) {
                st.setMaxRows(2);
                t.note("maxRows", st.getMaxRows());
                t.attempt("rows", () -> st.executeQuery("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 5) SELECT i FROM n"));
            }
        }));
        s.add(Scenario.of("fetch size, direction and result set type defaults", (x, t) -> {
            try (Statement st = x.conn().createStatement()) {
                t.note("fetchSize", st.getFetchSize());
                t.note("fetchDirection", st.getFetchDirection());
                t.note("type", st.getResultSetType());
                t.note("concurrency", st.getResultSetConcurrency());
                t.note("holdability", st.getResultSetHoldability());
                t.note("queryTimeout", st.getQueryTimeout());
                t.note("poolable", st.isPoolable());
                t.attempt("setFetchSize -1", () -> { st.setFetchSize(-1); return "ok"; });
            }
        }));
        s.add(Scenario.of("scroll-insensitive and updatable result sets are refused or downgraded alike", (x, t) -> {
            Connection c = x.conn();
            t.attempt("scrollable", () -> c.createStatement(ResultSet.TYPE_SCROLL_INSENSITIVE, ResultSet.CONCUR_READ_ONLY).getResultSetType());
            t.attempt("updatable", () -> c.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_UPDATABLE).getResultSetConcurrency());
        }));
        s.add(Scenario.of("result set navigation on a forward-only cursor", (x, t) -> {
            try (Statement st = x.conn().createStatement(); ResultSet rs = st.executeQuery("SELECT 1 UNION ALL SELECT 2")) {
                t.note("beforeFirst", rs.isBeforeFirst());
                t.note("next", rs.next());
                t.note("isFirst", rs.isFirst());
                t.note("row", rs.getRow());
                t.attempt("isLast", rs::isLast);
                t.note("next", rs.next());
                t.note("next", rs.next());
                t.note("afterLast", rs.isAfterLast());
                t.attempt("getInt after last", () -> rs.getInt(1));
                t.attempt("previous", rs::previous);
                t.attempt("absolute", () -> rs.absolute(1));
                t.attempt("findColumn", () -> rs.findColumn("1"));
            }
        }));
        s.add(Scenario.of("a closed result set refuses reads", (x, t) -> {
            try (Statement st = x.conn().createStatement()) {
                ResultSet rs = st.executeQuery("SELECT 1");
                rs.next();
                rs.close();
                t.note("isClosed", rs.isClosed());
                t.attempt("getInt", () -> rs.getInt(1));
                t.attempt("next", rs::next);
            }
        }));
        s.add(Scenario.of("re-executing a statement closes its previous result set", (x, t) -> {
            try (Statement st = x.conn().createStatement()) {
                ResultSet first = st.executeQuery("SELECT 1");
                ResultSet second = st.executeQuery("SELECT 2");
                t.note("first closed", first.isClosed());
                t.note("second next", second.next());
                t.note("second value", second.getInt(1));
            }
        }));
        s.add(Scenario.of("prepared statement re-executed with new parameters", (x, t) -> {
            try (PreparedStatement ps = x.conn().prepareStatement("SELECT ? * 2, typeof(?)")) {
                for (Object v : new Object[] {1, 2.5, "3", null}) {
                    ps.setObject(1, v);
                    ps.setObject(2, v);
                    t.attempt("with " + v, ps::executeQuery);
                }
                ps.clearParameters();
                t.attempt("after clearParameters", ps::executeQuery);
            }
        }));
        s.add(Scenario.of("ParameterMetaData", (x, t) -> {
            try (PreparedStatement ps = x.conn().prepareStatement("SELECT ?, ?")) {
                var md = ps.getParameterMetaData();
                t.note("count", md.getParameterCount());
                t.attempt("className", () -> md.getParameterClassName(1));
                t.attempt("nullable", () -> md.isNullable(1));
                t.attempt("mode", () -> md.getParameterMode(1));
            }
        }));
        s.add(Scenario.of("PreparedStatement.getMetaData before execution", (x, t) -> {
            Connection c = x.conn();
            t.exec(c, TABLE);
            try (PreparedStatement ps = c.prepareStatement("SELECT id, v AS label FROM t WHERE id = ?")) {
                var md = ps.getMetaData();
                t.note("columns", md.getColumnCount());
                t.note("label", md.getColumnLabel(2));
                t.note("name", md.getColumnName(2));
                t.note("type", md.getColumnTypeName(1));
                t.note("autoincrement", md.isAutoIncrement(1));
                t.note("nullable", md.isNullable(1));
            }
        }));
        s.add(Scenario.of("ResultSetMetaData of expressions, aliases and joins", (x, t) -> {
            Connection c = x.conn();
            t.execAll(c, TABLE, "CREATE TABLE u (tid INT REFERENCES t(id), n REAL NOT NULL)");
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                    "SELECT t.id, t.v AS alias, u.n, 1 + 1 AS expr, count(*) AS cnt FROM t JOIN u ON u.tid = t.id GROUP BY t.id")) {
                var md = rs.getMetaData();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    t.note("column " + i, md.getColumnName(i) + "|" + md.getColumnLabel(i) + "|" + md.getTableName(i) + "|"
                            + md.getColumnType(i) + "|" + md.getColumnTypeName(i) + "|" + md.isNullable(i) + "|" + md.isAutoIncrement(i)
                            + "|" + md.isReadOnly(i) + "|" + md.isWritable(i) + "|" + md.isCaseSensitive(i) + "|" + md.isSearchable(i)
                            + "|" + md.isCurrency(i) + "|" + md.getSchemaName(i) + "|" + md.getCatalogName(i));
                }
            }
        }));
        return s;
    }

}
