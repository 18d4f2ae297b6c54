package io.github.sqlitevec.migrate;

import io.github.sqlitevec.jdbc.VectorCodec;
import io.github.sqlitevec.jdbc.schema.VectorElementType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A PostgreSQL column type and how a SQLite value becomes its COPY text — or why it cannot. The
 * same class normalizes both sides' text for {@code --verify}'s checksums, so a value compares
 * equal exactly when what PostgreSQL holds is what was meant to be written. Immutable.
 */
final class PgType {

    /** How values are converted and compared. */
    enum Family { INTEGER, FLOAT, NUMERIC, TEXT, BOOLEAN, BYTEA, DATE, TIMESTAMP, JSON, UUID, VECTOR, BIT, OTHER }

    private static final Pattern UUID_TEXT = Pattern.compile("[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}");
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    final String sql;
    final Family family;
    /** For vectors: the element type and dimensions; otherwise null and 0. */
    final VectorElementType elementType;
    final int dimensions;

    private PgType(String sql, Family family, VectorElementType elementType, int dimensions) {
        this.sql = sql;
        this.family = family;
        this.elementType = elementType;
        this.dimensions = dimensions;
    }

    static PgType of(String sql, Family family) {
        return new PgType(sql, family, null, 0);
    }

    static PgType vector(VectorElementType type, int dimensions) {
        return new PgType(type.postgresType(dimensions), type == VectorElementType.BIT ? Family.BIT : Family.VECTOR, type, dimensions);
    }

    /** The value that does not fit, and why; caught per table and reported with the row. */
    static final class Misfit extends Exception {
        private static final long serialVersionUID = 1L;

        Misfit(String reason) {
            super(reason, null, false, false);
        }
    }

    /** {@code value} (as sqlite-jdbc returns it) as PostgreSQL input text, or null for NULL. */
    String toText(Object value) throws Misfit {
        if (value == null) {
            return null;
        }
        switch (family) {
            case INTEGER:
                if (value instanceof Long || value instanceof Integer) {
                    return value.toString();
                }
                throw misfit(value);
            case FLOAT:
                if (value instanceof Double) {
                    return value.toString();
                }
                if (value instanceof Long || value instanceof Integer) {
                    long l = ((Number) value).longValue();
                    if ((long) (double) l != l) {
                        throw new Misfit("integer " + l + " has no exact double precision value");
                    }
                    return Double.toString(l);
                }
                throw misfit(value);
            case NUMERIC:
                if (value instanceof Long || value instanceof Integer) {
                    return value.toString();
                }
                if (value instanceof Double) {
                    double d = (Double) value;
                    return Double.isFinite(d) ? new BigDecimal(value.toString()).toPlainString() : value.toString();
                }
                if (value instanceof String) {
                    try {
                        return new BigDecimal(((String) value).trim()).toPlainString();
                    } catch (NumberFormatException e) {
                        throw misfit(value);
                    }
                }
                throw misfit(value);
            case TEXT:
            case JSON:
                if (value instanceof byte[]) {
                    throw misfit(value);
                }
                return value.toString();
            case BOOLEAN:
                if ((value instanceof Long || value instanceof Integer) && (((Number) value).longValue() == 0 || ((Number) value).longValue() == 1)) {
                    return ((Number) value).longValue() == 1 ? "t" : "f";
                }
                if (value instanceof String) {
                    String s = ((String) value).trim().toLowerCase(Locale.ROOT);
                    if (s.equals("true") || s.equals("false")) {
                        return s.substring(0, 1);
                    }
                }
                throw misfit(value);
            case BYTEA:
                if (value instanceof byte[]) {
                    return hex((byte[]) value);
                }
                throw misfit(value);
            case DATE:
                return date(value);
            case TIMESTAMP:
                return timestamp(value);
            case UUID:
                if (value instanceof String && UUID_TEXT.matcher(((String) value).trim()).matches()) {
                    return ((String) value).trim().toLowerCase(Locale.ROOT);
                }
                throw misfit(value);
            case VECTOR:
            case BIT:
                return vector(value);
            default:
                return value instanceof byte[] ? hex((byte[]) value) : value.toString();
        }
    }

    /** {@code text} (from {@link #toText} or from PostgreSQL's {@code col::text}) in one canonical spelling. */
    String canonical(String text) {
        if (text == null) {
            return null;
        }
        try {
            switch (family) {
                case INTEGER:
                    return Long.toString(Long.parseLong(text.trim()));
                case FLOAT:
                    return Double.toString(Double.parseDouble(text.trim()));
                case NUMERIC:
                    return text.trim().equalsIgnoreCase("nan") ? "NaN" : new BigDecimal(text.trim()).stripTrailingZeros().toPlainString();
                case BOOLEAN:
                    return text.startsWith("t") || text.equals("1") ? "t" : "f";
                case BYTEA:
                case UUID:
                    return text.toLowerCase(Locale.ROOT);
                case TIMESTAMP:
                    return LocalDateTime.parse(text.trim().replace(' ', 'T')).toString();
                case VECTOR:
                    StringBuilder out = new StringBuilder("[");
                    String inner = text.trim().substring(1, text.trim().length() - 1);
                    for (String element : inner.split(",")) {
                        out.append(out.length() > 1 ? "," : "").append(Float.toString(Float.parseFloat(element.trim())));
                    }
                    return out.append(']').toString();
                default:
                    return text;
            }
        } catch (RuntimeException e) {
            return "unreadable:" + text;
        }
    }

    private String vector(Object value) throws Misfit {
        if (!(value instanceof byte[])) {
            throw new Misfit("a " + elementType.sqliteName() + " vector is stored as a blob, found " + describe(value));
        }
        byte[] blob = (byte[]) value;
        StringBuilder out = new StringBuilder(blob.length * 4);
        switch (elementType) {
            case FLOAT32:
                float[] floats = VectorCodec.fromFloat32Blob(blob);
                requireDimensions(floats.length);
                out.append('[');
                for (int i = 0; i < floats.length; i++) {
                    if (!Float.isFinite(floats[i])) {
                        throw new Misfit("element " + i + " is " + floats[i] + ", which pgvector does not store");
                    }
                    out.append(i == 0 ? "" : ",").append(floats[i]);
                }
                return out.append(']').toString();
            case INT8:
                requireDimensions(blob.length);
                out.append('[');
                for (int i = 0; i < blob.length; i++) {
                    out.append(i == 0 ? "" : ",").append(blob[i]);
                }
                return out.append(']').toString();
            default:
                requireDimensions(blob.length * 8);
                for (int i = 0; i < blob.length * 8; i++) {
                    // sqlite-vec packs bit i into byte i/8, least significant bit first.
                    out.append((blob[i >> 3] >> (i & 7) & 1) == 1 ? '1' : '0');
                }
                return out.toString();
        }
    }

    private void requireDimensions(int found) throws Misfit {
        if (found != dimensions) {
            throw new Misfit("vector has " + found + " dimensions, the column " + dimensions);
        }
    }

    private String date(Object value) throws Misfit {
        if (value instanceof String) {
            String s = ((String) value).trim();
            try {
                return LocalDate.parse(s.length() > 10 ? s.substring(0, 10) : s).toString();
            } catch (DateTimeParseException e) {
                throw misfit(value);
            }
        }
        if (value instanceof Long || value instanceof Integer) {
            // sqlite-jdbc's default date storage: milliseconds since the epoch (UTC).
            return Instant.ofEpochMilli(((Number) value).longValue()).atOffset(ZoneOffset.UTC).toLocalDate().toString();
        }
        throw misfit(value);
    }

    private String timestamp(Object value) throws Misfit {
        if (value instanceof String) {
            String s = ((String) value).trim().replace(' ', 'T');
            try {
                return LocalDateTime.parse(s.length() == 10 ? s + "T00:00" : s).toString();
            } catch (DateTimeParseException e) {
                throw misfit(value);
            }
        }
        if (value instanceof Long || value instanceof Integer) {
            return LocalDateTime.ofInstant(Instant.ofEpochMilli(((Number) value).longValue()), ZoneOffset.UTC).toString();
        }
        throw misfit(value);
    }

    private Misfit misfit(Object value) {
        return new Misfit(describe(value) + " does not fit " + sql);
    }

    static String describe(Object value) {
        if (value instanceof byte[]) {
            byte[] b = (byte[]) value;
            return "a blob of " + b.length + " bytes";
        }
        if (value instanceof String) {
            String s = (String) value;
            return "text '" + (s.length() > 40 ? s.substring(0, 40) + "…" : s) + "'";
        }
        return (value instanceof Double ? "real " : "integer ") + value;
    }

    static String hex(byte[] bytes) {
        char[] out = new char[2 + bytes.length * 2];
        out[0] = '\\';
        out[1] = 'x';
        for (int i = 0; i < bytes.length; i++) {
            out[2 + 2 * i] = HEX[(bytes[i] >> 4) & 15];
            out[3 + 2 * i] = HEX[bytes[i] & 15];
        }
        return new String(out);
    }

    @Override
    public String toString() {
        return sql;
    }
}
