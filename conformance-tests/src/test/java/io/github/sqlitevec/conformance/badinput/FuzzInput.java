package io.github.sqlitevec.conformance.badinput;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * One generated input: where it goes, how it is passed, the value, and what the oracle expects.
 * {@code literal} is the SQL text for {@link Channel#SQL_LITERAL}; {@code dimensions} is what
 * {@code vec_length} must answer for a valid input.
 */
record FuzzInput(int index, VectorTarget target, Channel channel, String kind, Object value, String literal,
        boolean valid, int dimensions) {

    String sql() {
        return target.sql(channel == Channel.SQL_LITERAL ? literal : "?");
    }

    /** Enough to reproduce the input by hand. */
    String reproducer() {
        String shown;
        if (channel == Channel.SQL_LITERAL) {
            shown = "literal";
        } else if (value instanceof byte[]) {
            byte[] b = (byte[]) value;
            shown = "setBytes x'" + HexFormat.of().formatHex(b, 0, Math.min(b.length, 64)) + (b.length > 64 ? "…' (" + b.length + " bytes)" : "'");
        } else if (value instanceof float[]) {
            float[] f = (float[]) value;
            shown = "setObject float[" + f.length + "] " + (f.length > 16 ? "…" : Arrays.toString(f));
        } else if (value instanceof String) {
            String s = (String) value;
            shown = "setString \"" + (s.length() > 120 ? s.substring(0, 120) + "…" : s) + "\"";
        } else {
            shown = "setObject " + (value == null ? "null" : value.getClass().getSimpleName() + " " + value);
        }
        String sql = sql();
        return "#" + index + " [" + kind + "] " + (sql.length() > 200 ? sql.substring(0, 200) + "…" : sql) + " with " + shown;
    }
}
