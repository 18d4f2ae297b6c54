package io.github.sqlitevec.hibernate.portable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** Compares result rows from the two databases: exact for ids, text and bytes; numbers within a tolerance. */
final class SameResults {

    /**
     * Relative to max(1, |value|). Both engines accumulate in float32, in different orders and with
     * different kernels (sqlite-vec's vs pgvector's), so the last bits of a float32 may differ.
     */
    static final double TOLERANCE = 1e-5;

    private SameResults() {
    }

    static void assertSameRows(List<Object[]> sqlite, List<Object[]> postgres) {
        String both = "\nsqlite:   " + render(sqlite) + "\npostgres: " + render(postgres);
        assertEquals(sqlite.size(), postgres.size(), "row counts differ" + both);
        for (int r = 0; r < sqlite.size(); r++) {
            Object[] a = sqlite.get(r);
            Object[] b = postgres.get(r);
            assertEquals(a.length, b.length, "row " + r + " has different widths" + both);
            for (int c = 0; c < a.length; c++) {
                if (!same(a[c], b[c])) {
                    fail("row " + r + ", column " + c + ": " + value(a[c]) + " on SQLite, " + value(b[c]) + " on PostgreSQL" + both);
                }
            }
        }
    }

    private static boolean same(Object a, Object b) {
        if (a == null || b == null) {
            return a == b;
        }
        if (a instanceof Number x && b instanceof Number y && !(isIntegral(x) && isIntegral(y))) {
            return close(x.doubleValue(), y.doubleValue());
        }
        if (a instanceof Number x && b instanceof Number y) {
            return x.longValue() == y.longValue();
        }
        if (a instanceof float[] x && b instanceof float[] y) {
            if (x.length != y.length) {
                return false;
            }
            for (int i = 0; i < x.length; i++) {
                if (!close(x[i], y[i])) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof byte[] x && b instanceof byte[] y) {
            return Arrays.equals(x, y);
        }
        return a.equals(b);
    }

    private static boolean isIntegral(Number n) {
        return n instanceof Long || n instanceof Integer || n instanceof Short || n instanceof Byte;
    }

    private static boolean close(double x, double y) {
        return Math.abs(x - y) <= TOLERANCE * Math.max(1, Math.max(Math.abs(x), Math.abs(y)));
    }

    private static String render(List<Object[]> rows) {
        return rows.stream().map(row -> Arrays.stream(row).map(SameResults::value).collect(Collectors.joining(", ", "(", ")")))
                .collect(Collectors.joining(" "));
    }

    private static String value(Object v) {
        if (v instanceof float[] f) {
            return Arrays.toString(f);
        }
        if (v instanceof byte[] b) {
            return Arrays.toString(b);
        }
        return String.valueOf(v);
    }
}
