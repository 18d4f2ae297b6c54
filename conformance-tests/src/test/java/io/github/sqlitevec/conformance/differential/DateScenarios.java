package io.github.sqlitevec.conformance.differential;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

/**
 * Dates under sqlite-jdbc's own settings: {@code date_class} decides how a Date is stored (INTEGER,
 * REAL Julian day, TEXT), {@code date_precision} whether integers are milliseconds or seconds,
 * {@code date_string_format} the text pattern. Our driver must pass these through untouched.
 */
final class DateScenarios {

    private DateScenarios() {}

    private static final long INSTANT = 1_709_213_655_678L; // 2024-02-29 13:34:15.678 UTC

    static List<Scenario> all() {
        List<Scenario> scenarios = new ArrayList<>();
        scenarios.add(roundTrip("default settings", ""));
        for (String dateClass : List.of("INTEGER", "REAL", "TEXT")) {
            for (String precision : List.of("MILLISECONDS", "SECONDS")) {
                scenarios.add(roundTrip("date_class=" + dateClass + " date_precision=" + precision,
                        "?date_class=" + dateClass + "&date_precision=" + precision));
            }
        }
        scenarios.add(roundTrip("date_class=TEXT with date_string_format yyyy/MM/dd HH:mm",
                "?date_class=TEXT&date_string_format=yyyy/MM/dd HH:mm"));
        scenarios.add(roundTrip("date_class=TEXT with date_string_format yyyyMMdd", "?date_class=TEXT&date_string_format=yyyyMMdd"));
        scenarios.add(roundTrip("date_class in lower case", "?date_class=text"));
        scenarios.add(roundTrip("an unknown date_class value", "?date_class=WEEKDAY"));
        for (String stored : List.of("'2024-02-29'", "'2024-02-29 13:34:15'", "'2024-02-29 13:34:15.678'",
                "'2024-02-29T13:34:15'", "'13:34:15'", "1709213655678", "1709213655", "2460370.0654", "'not a date'",
                "'2024-02-30'")) {
            scenarios.add(Scenario.of("parse stored " + stored + " as date, time and timestamp", (s, t) -> readStored(s.conn(), t, stored)));
            scenarios.add(Scenario.of("parse stored " + stored + " with date_class=TEXT", (s, t) -> readStored(s.conn(), t, stored))
                    .withUrl("?date_class=TEXT&date_string_format=yyyy-MM-dd HH:mm:ss"));
        }
        return scenarios;
    }

    private static Scenario roundTrip(String name, String options) {
        return Scenario.of("dates round-trip under " + name, (s, t) -> {
            Connection c = s.conn();
            t.exec(c, "CREATE TABLE d (k TEXT, v)");
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO d VALUES (?, ?)")) {
                ps.setString(1, "date");
                ps.setDate(2, new Date(INSTANT));
                ps.executeUpdate();
                ps.setString(1, "time");
                ps.setTime(2, new Time(INSTANT));
                ps.executeUpdate();
                ps.setString(1, "timestamp");
                ps.setTimestamp(2, new Timestamp(INSTANT));
                ps.executeUpdate();
                ps.setString(1, "object-date");
                ps.setObject(2, new java.util.Date(INSTANT));
                ps.executeUpdate();
                ps.setString(1, "calendar");
                ps.setTimestamp(2, new Timestamp(INSTANT), java.util.Calendar.getInstance(java.util.TimeZone.getTimeZone("UTC")));
                ps.executeUpdate();
            }
            t.exec(c, "SELECT k, v, typeof(v) FROM d ORDER BY rowid");
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT k, v FROM d ORDER BY rowid")) {
                while (rs.next()) {
                    String k = rs.getString(1);
                    t.attempt(k + " getDate", () -> rs.getDate(2));
                    t.attempt(k + " getTime", () -> rs.getTime(2));
                    t.attempt(k + " getTimestamp", () -> rs.getTimestamp(2));
                    t.attempt(k + " getTimestamp UTC", () -> rs.getTimestamp(2, java.util.Calendar.getInstance(java.util.TimeZone.getTimeZone("UTC"))));
                    t.attempt(k + " getObject LocalDateTime", () -> rs.getObject(2, java.time.LocalDateTime.class));
                }
            }
        }).withUrl(options);
    }

    private static void readStored(Connection c, Transcript t, String stored) throws Exception {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT " + stored)) {
            rs.next();
            t.attempt("getDate", () -> rs.getDate(1));
            t.attempt("getTime", () -> rs.getTime(1));
            t.attempt("getTimestamp", () -> rs.getTimestamp(1));
            t.attempt("getObject LocalDate", () -> rs.getObject(1, java.time.LocalDate.class));
            t.attempt("getObject LocalTime", () -> rs.getObject(1, java.time.LocalTime.class));
        }
    }
}
