package io.github.sqlitevec.conformance.differential;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.sqlite.SQLiteException;

/**
 * What a scenario saw, as lines of text that must be identical for both drivers: values with their
 * Java class, update counts, column types, metadata rows, and error messages. Failures are recorded
 * rather than thrown, so a scenario can go on after an expected error; the exceptions themselves are
 * kept aside for the SQLState checks.
 */
final class Transcript {

    /** A JDBC call that may fail. */
    @FunctionalInterface
    interface SqlCall {
        Object call() throws SQLException;
    }

    private final List<String> lines = new ArrayList<>();
    private final List<SQLException> errors = new ArrayList<>();
    private final String dir;

    Transcript(String dir) {
        this.dir = dir;
    }

    /** The observations, with this side's directory written as {@code $DIR} so both sides compare equal. */
    List<String> lines() {
        List<String> normalized = new ArrayList<>(lines.size());
        for (String line : lines) {
            normalized.add(line.replace(dir, "$DIR"));
        }
        return normalized;
    }

    List<SQLException> errors() {
        return errors;
    }

    /** Records {@code label = value}; file paths of this side's directory read as {@code $DIR}. */
    void note(String label, Object value) {
        lines.add(label + " = " + describe(value));
    }

    /** Runs {@code call} and records its value, or its failure. */
    void attempt(String label, SqlCall call) {
        try {
            Object value = call.call();
            if (value instanceof ResultSet) {
                rows(label, (ResultSet) value);
            } else {
                note(label, value);
            }
        } catch (SQLException e) {
            failed(label, e);
        }
    }

    /**
     * Records a failure by everything sqlite-jdbc code can look at except the SQLState: the class a
     * {@code catch} sees, {@code getErrorCode()}, {@code getResultCode()} and the message (see
     * {@link KnownDifferences#comparableMessage}).
     */
    void failed(String label, SQLException e) {
        errors.add(e);
        String resultCode = e instanceof SQLiteException ? " resultCode=" + ((SQLiteException) e).getResultCode() : "";
        lines.add(label + " FAILED " + KnownDifferences.visibleClass(e).getName() + " errorCode=" + e.getErrorCode()
                + resultCode + ": " + KnownDifferences.comparableMessage(e));
    }

    /** {@code Statement.execute(sql)}, recording rows or the update count. */
    void exec(Connection c, String sql) {
        try (Statement s = c.createStatement()) {
            if (s.execute(sql)) {
                rows(sql, s.getResultSet());
            } else {
                note(sql + " -> updates", s.getUpdateCount());
            }
        } catch (SQLException e) {
            failed(sql, e);
        }
    }

    /** Several statements, each recorded. */
    void execAll(Connection c, String... sql) {
        for (String each : sql) {
            exec(c, each);
        }
    }

    /** A prepared statement with {@code setObject} parameters, recording rows or the update count. */
    void prepared(Connection c, String sql, Object... parameters) {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                ps.setObject(i + 1, parameters[i]);
            }
            if (ps.execute()) {
                rows(sql, ps.getResultSet());
            } else {
                note(sql + " -> updates", ps.getUpdateCount());
            }
        } catch (SQLException e) {
            failed(sql, e);
        }
    }

    /** Column labels and JDBC types, then every row as {@code getObject} values. */
    void rows(String label, ResultSet rs) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        int n = md.getColumnCount();
        StringBuilder header = new StringBuilder(label).append(" columns:");
        for (int i = 1; i <= n; i++) {
            header.append(' ').append(md.getColumnLabel(i)).append('(').append(md.getColumnType(i))
                    .append(' ').append(md.getColumnTypeName(i)).append(')');
        }
        lines.add(header.toString());
        while (rs.next()) {
            StringBuilder row = new StringBuilder("  row:");
            for (int i = 1; i <= n; i++) {
                row.append(' ').append(describe(rs.getObject(i)));
            }
            lines.add(row.toString());
        }
    }

    /** A value with its class, so {@code Integer 1} and {@code Long 1} are told apart. */
    String describe(Object value) {
        if (value == null) {
            return "null";
        }
        String text;
        if (value instanceof byte[]) {
            text = "x'" + HexFormat.of().formatHex((byte[]) value) + "'";
        } else if (value instanceof int[]) {
            text = java.util.Arrays.toString((int[]) value);
        } else if (value instanceof long[]) {
            text = java.util.Arrays.toString((long[]) value);
        } else {
            text = String.valueOf(value);
        }
        return value.getClass().getSimpleName() + ":" + text;
    }
}
