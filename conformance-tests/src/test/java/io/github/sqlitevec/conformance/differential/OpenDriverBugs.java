package io.github.sqlitevec.conformance.differential;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

/**
 * Scenarios in which our driver currently differs from sqlite-jdbc, or reports a non-standard
 * SQLState, <em>without</em> a reason: driver bugs found by this suite. The suite asserts that each
 * still reproduces, so it stays green while the bug is open and fails the moment the bug is fixed;
 * then move the scenario into its catalog, where it must pass like every other one.
 */
final class OpenDriverBugs {

    private OpenDriverBugs() {}

    static final List<Scenario> ALL = List.of();

    /** Found by this suite, fixed in the driver; kept so they stay fixed. */
    static final List<Scenario> FIXED = List.of(
            // ParameterMetaData is sqlite-jdbc's own object, now wrapped.
            Scenario.of("ParameterMetaData.getParameterType before binding reports a SQLState", (x, t) -> {
                try (var ps = x.conn().prepareStatement("SELECT ?")) {
                    t.attempt("type", () -> ps.getParameterMetaData().getParameterType(1));
                }
            }),
            // ResultSetMetaData is sqlite-jdbc's own object, now wrapped.
            Scenario.of("ResultSetMetaData with a column index out of range reports 07009", (x, t) -> {
                try (Statement st = x.conn().createStatement(); ResultSet rs = st.executeQuery("SELECT 1 AS a")) {
                    t.attempt("column 0", () -> rs.getMetaData().getColumnName(0));
                    t.attempt("column 9", () -> rs.getMetaData().getColumnType(9));
                }
            }).expectingStates("07009", "07009"),
            // The native library's path is bound as an SQL string, so SQLITE_LIMIT_LENGTH applied to it.
            Scenario.of("a connection with limit_length shorter than the native library path opens", (x, t) ->
                    t.exec(x.conn(), "SELECT length('0123456789')")).withUrl("?limit_length=12"),
            // sqlite-jdbc puts "SQLITE_DONE" into the SQLState; it is now translated like pgjdbc's "no results".
            Scenario.of("executeQuery on an INSERT reports a standard SQLState", (x, t) -> {
                t.exec(x.conn(), "CREATE TABLE t (a)");
                try (Statement st = x.conn().createStatement()) {
                    t.attempt("executeQuery insert", () -> st.executeQuery("INSERT INTO t VALUES (1)"));
                }
            }).expectingStates("02000"),
            // HYC00, not 0A000: HikariCP evicts a connection on 0A000, and Hibernate probes createClob at boot.
            Scenario.of("Connection.createBlob, createClob, createSQLXML and createStruct report HYC00", (x, t) -> {
                Connection c = x.conn();
                t.attempt("createBlob", () -> c.createBlob());
                t.attempt("createClob", () -> c.createClob());
                t.attempt("createSQLXML", () -> c.createSQLXML());
                t.attempt("createStruct", () -> c.createStruct("s", new Object[0]));
            }).expectingStates("HYC00", "HYC00", "HYC00", "HYC00"),
            Scenario.of("Connection.setHoldability(HOLD_CURSORS_OVER_COMMIT) reports a SQLState", (x, t) ->
                    t.attempt("setHoldability", () -> { x.conn().setHoldability(ResultSet.HOLD_CURSORS_OVER_COMMIT); return "ok"; })),
            Scenario.of("DatabaseMetaData used after its connection closed reports 08003", (x, t) -> {
                Connection c = x.open("closing.db");
                var md = c.getMetaData();
                c.close();
                t.attempt("getTables", () -> md.getTables(null, null, null, null));
            }).expectingStates("08003"));

    /**
     * Differences the driver is meant to have but does not yet. (getURL() used to be listed here; it
     * now deliberately returns the jdbc:sqlite: form of the address so URL-sniffing tools detect
     * SQLite — see docs/ecosystem.md and ecosystem/MetaDataUrlTest.)
     */
    static final List<KnownDifferences.Difference> UNMET_DIFFERENCES = List.of();
}
