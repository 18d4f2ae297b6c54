package io.github.sqlitevec.conformance.differential;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Every SQLite storage class read back through every {@code ResultSet} getter, and every setter
 * stored and read back: the conversions sqlite-jdbc users depend on without noticing.
 */
final class ConversionScenarios {

    private ConversionScenarios() {}

    /** SQL literals covering NULL, INTEGER, REAL, TEXT and BLOB, including the awkward ones. */
    private static final List<String> LITERALS = List.of(
            "NULL", "0", "1", "-1", "42", "2147483648", "9223372036854775807", "-9223372036854775808",
            "3.75", "-0.5", "1e300", "0.1", "'42'", "' 42 '", "'3.5'", "'abc'", "''", "'true'",
            "'2024-01-02'", "'2024-01-02 03:04:05.678'", "x'0102ff'", "x''", "'ünïcode ✓'", "'1e5'");

    /** Getter families; each is one scenario per literal, so a failure names literal and getter family. */
    private enum Getters { NUMBERS, TEXT_AND_BYTES, DATES, TYPED_GET_OBJECT }

    static List<Scenario> all() {
        List<Scenario> scenarios = new ArrayList<>();
        for (String literal : LITERALS) {
            for (Getters getters : Getters.values()) {
                scenarios.add(Scenario.of("read " + literal + " with " + getters.name().toLowerCase() + " getters",
                        (s, t) -> readLiteral(s.conn(), t, literal, getters)));
            }
        }
        scenarios.addAll(declaredTypes());
        scenarios.addAll(setters());
        return scenarios;
    }

    private static void readLiteral(Connection c, Transcript t, String literal, Getters getters) throws Exception {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT " + literal + " AS v, typeof(" + literal + ")")) {
            rs.next();
            t.note("typeof", rs.getString(2));
            switch (getters) {
                case NUMBERS:
                    t.attempt("getInt", () -> rs.getInt(1));
                    t.attempt("wasNull", rs::wasNull);
                    t.attempt("getLong", () -> rs.getLong(1));
                    t.attempt("getShort", () -> rs.getShort(1));
                    t.attempt("getByte", () -> rs.getByte(1));
                    t.attempt("getDouble", () -> rs.getDouble(1));
                    t.attempt("getFloat", () -> rs.getFloat(1));
                    t.attempt("getBigDecimal", () -> rs.getBigDecimal(1));
                    t.attempt("getBoolean", () -> rs.getBoolean(1));
                    t.attempt("wasNull", rs::wasNull);
                    break;
                case TEXT_AND_BYTES:
                    t.attempt("getObject", () -> rs.getObject(1));
                    t.attempt("getObject by label", () -> rs.getObject("v"));
                    t.attempt("getString", () -> rs.getString(1));
                    t.attempt("wasNull", rs::wasNull);
                    t.attempt("getNString", () -> rs.getNString(1));
                    t.attempt("getBytes", () -> rs.getBytes(1));
                    t.attempt("getCharacterStream", () -> rs.getCharacterStream(1) == null ? null : "reader");
                    t.attempt("getBinaryStream", () -> bytesOf(rs.getBinaryStream(1)));
                    break;
                case DATES:
                    t.attempt("getDate", () -> rs.getDate(1));
                    t.attempt("getTime", () -> rs.getTime(1));
                    t.attempt("getTimestamp", () -> rs.getTimestamp(1));
                    t.attempt("wasNull", rs::wasNull);
                    break;
                case TYPED_GET_OBJECT:
                    for (Class<?> type : List.of(String.class, Integer.class, Long.class, Double.class, BigDecimal.class,
                            Boolean.class, byte[].class, java.time.LocalDate.class, java.time.LocalDateTime.class)) {
                        t.attempt("getObject(" + type.getSimpleName() + ")", () -> rs.getObject(1, type));
                    }
                    break;
                default:
                    throw new AssertionError(getters);
            }
        }
    }

    private static byte[] bytesOf(java.io.InputStream in) throws java.sql.SQLException {
        try {
            return in == null ? null : in.readAllBytes();
        } catch (java.io.IOException e) {
            throw new java.sql.SQLException("reading the stream failed", e);
        }
    }

    /** Declared column types: SQLite's affinity and what ResultSetMetaData reports for each. */
    private static List<Scenario> declaredTypes() {
        List<Scenario> scenarios = new ArrayList<>();
        for (String type : List.of("INTEGER", "INT", "BIGINT", "REAL", "DOUBLE", "FLOAT", "TEXT", "VARCHAR(10)",
                "CHAR(3)", "BLOB", "NUMERIC", "DECIMAL(10,2)", "BOOLEAN", "DATE", "DATETIME", "TIMESTAMP", "")) {
            scenarios.add(Scenario.of("column declared " + (type.isEmpty() ? "without a type" : type) + " stores and reports its affinity",
                    (s, t) -> {
                        Connection c = s.conn();
                        t.execAll(c, "CREATE TABLE typed (v " + type + ")",
                                "INSERT INTO typed VALUES (1), (2.5), ('3'), ('x'), (x'00'), (NULL)",
                                "SELECT v, typeof(v) FROM typed");
                        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT v FROM typed")) {
                            var md = rs.getMetaData();
                            t.note("type", md.getColumnType(1));
                            t.note("typeName", md.getColumnTypeName(1));
                            t.note("className", md.getColumnClassName(1));
                            t.note("precision", md.getPrecision(1));
                            t.note("scale", md.getScale(1));
                            t.note("nullable", md.isNullable(1));
                            t.note("displaySize", md.getColumnDisplaySize(1));
                            t.note("signed", md.isSigned(1));
                            t.note("table", md.getTableName(1));
                        }
                    }));
        }
        return scenarios;
    }

    /** Each PreparedStatement setter: what SQLite stores (typeof) and what comes back. */
    private static List<Scenario> setters() {
        List<Scenario> scenarios = new ArrayList<>();
        scenarios.add(setter("setInt", (ps) -> ps.setInt(1, -7)));
        scenarios.add(setter("setLong", (ps) -> ps.setLong(1, Long.MIN_VALUE)));
        scenarios.add(setter("setShort", (ps) -> ps.setShort(1, (short) 300)));
        scenarios.add(setter("setByte", (ps) -> ps.setByte(1, (byte) -3)));
        scenarios.add(setter("setDouble", (ps) -> ps.setDouble(1, 0.1)));
        scenarios.add(setter("setFloat", (ps) -> ps.setFloat(1, 0.1f)));
        scenarios.add(setter("setDouble NaN", (ps) -> ps.setDouble(1, Double.NaN)));
        scenarios.add(setter("setDouble infinity", (ps) -> ps.setDouble(1, Double.POSITIVE_INFINITY)));
        scenarios.add(setter("setString", (ps) -> ps.setString(1, "héllo")));
        scenarios.add(setter("setString empty", (ps) -> ps.setString(1, "")));
        scenarios.add(setter("setNString", (ps) -> ps.setNString(1, "n")));
        scenarios.add(setter("setBytes", (ps) -> ps.setBytes(1, new byte[] {1, 2, -1})));
        scenarios.add(setter("setBytes empty", (ps) -> ps.setBytes(1, new byte[0])));
        scenarios.add(setter("setBoolean", (ps) -> ps.setBoolean(1, true)));
        scenarios.add(setter("setBigDecimal", (ps) -> ps.setBigDecimal(1, new BigDecimal("12345678901234567890.125"))));
        scenarios.add(setter("setNull", (ps) -> ps.setNull(1, java.sql.Types.VARCHAR)));
        scenarios.add(setter("setObject Integer", (ps) -> ps.setObject(1, 5)));
        scenarios.add(setter("setObject Long", (ps) -> ps.setObject(1, 5L)));
        scenarios.add(setter("setObject Short", (ps) -> ps.setObject(1, (short) 5)));
        scenarios.add(setter("setObject Float", (ps) -> ps.setObject(1, 1.5f)));
        scenarios.add(setter("setObject Boolean", (ps) -> ps.setObject(1, Boolean.FALSE)));
        scenarios.add(setter("setObject String", (ps) -> ps.setObject(1, "s")));
        scenarios.add(setter("setObject byte[]", (ps) -> ps.setObject(1, new byte[] {9})));
        scenarios.add(setter("setObject BigDecimal", (ps) -> ps.setObject(1, new BigDecimal("1.50"))));
        scenarios.add(setter("setObject null", (ps) -> ps.setObject(1, null)));
        scenarios.add(setter("setObject with target type VARCHAR", (ps) -> ps.setObject(1, 12, java.sql.Types.VARCHAR)));
        scenarios.add(setter("setObject with target type INTEGER", (ps) -> ps.setObject(1, "12", java.sql.Types.INTEGER)));
        scenarios.add(setter("setObject LocalDate", (ps) -> ps.setObject(1, java.time.LocalDate.of(2024, 2, 29))));
        scenarios.add(setter("setObject LocalDateTime", (ps) -> ps.setObject(1, java.time.LocalDateTime.of(2024, 2, 29, 13, 14, 15, 16_000_000))));
        scenarios.add(setter("setObject LocalTime", (ps) -> ps.setObject(1, java.time.LocalTime.of(13, 14, 15))));
        scenarios.add(setter("setObject OffsetDateTime", (ps) -> ps.setObject(1, java.time.OffsetDateTime.of(2024, 2, 29, 13, 14, 15, 0, java.time.ZoneOffset.ofHours(2)))));
        scenarios.add(setter("setObject of an unsupported class", (ps) -> ps.setObject(1, new StringBuilder("sb"))));
        scenarios.add(setter("setCharacterStream", (ps) -> ps.setCharacterStream(1, new java.io.StringReader("stream"), 6)));
        scenarios.add(setter("setBinaryStream", (ps) -> ps.setBinaryStream(1, new java.io.ByteArrayInputStream(new byte[] {7, 8}), 2)));
        scenarios.add(setter("parameter index 0 is out of range", (ps) -> ps.setInt(0, 1)));
        scenarios.add(setter("parameter index 2 is out of range", (ps) -> ps.setInt(2, 1)));
        return scenarios;
    }

    @FunctionalInterface
    private interface Binder {
        void bind(java.sql.PreparedStatement ps) throws java.sql.SQLException;
    }

    private static Scenario setter(String name, Binder binder) {
        return Scenario.of(name + " stores the same value", (s, t) -> {
            Connection c = s.conn();
            t.exec(c, "CREATE TABLE kv (v)");
            try (java.sql.PreparedStatement ps = c.prepareStatement("INSERT INTO kv (v) VALUES (?)")) {
                binder.bind(ps);
                t.note("updates", ps.executeUpdate());
            } catch (java.sql.SQLException e) {
                t.failed("bind and insert", e);
            }
            t.exec(c, "SELECT v, typeof(v), hex(v) FROM kv");
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT v FROM kv")) {
                while (rs.next()) {
                    t.attempt("getString", () -> rs.getString(1));
                    t.attempt("getDouble", () -> rs.getDouble(1));
                    t.attempt("getTimestamp", () -> rs.getTimestamp(1));
                }
            }
        });
    }
}
