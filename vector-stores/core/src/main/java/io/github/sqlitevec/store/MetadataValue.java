package io.github.sqlitevec.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

/**
 * The metadata value types the store keeps with their Java type, and how each is stored in the
 * {@code <table>_meta} rows: a type tag (so an Integer comes back as an Integer, a UUID as a UUID) and
 * a value with SQLite's own storage class (INTEGER, REAL or TEXT), which keeps comparisons and the
 * {@code (key, value)} index exact.
 *
 * <p>Floats are stored as the double nearest to their shortest decimal form ({@code 1.1f} as {@code 1.1}),
 * so a Float and a Double written the same way compare equal and the Float still reads back exactly.
 */
enum MetadataValue {
    STRING("string", Family.TEXT, String.class),
    UUID_TEXT("uuid", Family.TEXT, UUID.class),
    INT("int", Family.NUMBER, Integer.class),
    LONG("long", Family.NUMBER, Long.class),
    FLOAT("float", Family.NUMBER, Float.class),
    DOUBLE("double", Family.NUMBER, Double.class),
    BOOLEAN("boolean", Family.BOOLEAN, Boolean.class),
    /**
     * A value the adapter serialized to JSON text itself (nested lists or maps); stored and returned as is. A
     * JSON array's elements compare in filters, as in pgvector's JSON path (see {@code FilterSql}).
     */
    JSON("json", Family.JSON, JsonText.class);

    /** Which values compare with which. */
    enum Family {
        TEXT("('text')"), NUMBER("('integer','real')"), BOOLEAN("('true','false')"), JSON("(NULL)");

        /** The SQL list of the {@code json_each} element types that compare in this family. */
        final String jsonTypeList;

        Family(String jsonTypeList) {
            this.jsonTypeList = jsonTypeList;
        }

        /** The SQL list of type tags of this family, e.g. {@code ('string','uuid')}. */
        String tagList() {
            StringBuilder sb = new StringBuilder("(");
            for (MetadataValue v : MetadataValue.values()) {
                if (v.family == this) {
                    sb.append(sb.length() > 1 ? "," : "").append('\'').append(v.tag).append('\'');
                }
            }
            return sb.append(')').toString();
        }
    }

    static final String SUPPORTED = "String, UUID, Integer, Long, Float, Double, Boolean or JsonText";

    final String tag;
    final Family family;
    final Class<?> javaType;

    MetadataValue(String tag, Family family, Class<?> javaType) {
        this.tag = tag;
        this.family = family;
        this.javaType = javaType;
    }

    /** The type of a stored metadata value, or an exception naming the key and the unsupported class. */
    static MetadataValue of(String key, Object value) {
        if (value != null) {
            for (MetadataValue v : values()) {
                if (v.javaType == value.getClass()) {
                    return v;
                }
            }
        }
        throw new IllegalArgumentException("metadata '" + key + "' has a value of type "
                + (value == null ? "null" : value.getClass().getName() + " (" + value + ")")
                + "; the store keeps " + SUPPORTED + " values");
    }

    /** The family a filter value compares in; any {@link Number} is accepted there. */
    static Family familyOf(Object value) {
        if (value instanceof Number) {
            return Family.NUMBER;
        }
        if (value instanceof String || value instanceof UUID) {
            return Family.TEXT;
        }
        if (value instanceof Boolean) {
            return Family.BOOLEAN;
        }
        throw new IllegalStateException("not a filter value: " + value);
    }

    static void requireFilterValue(String key, Object value) {
        if (value == null || !(value instanceof Number || value instanceof String || value instanceof UUID
                || value instanceof Boolean)) {
            throw new IllegalArgumentException("filter on '" + key + "' compares with "
                    + (value == null ? "null" : "a " + value.getClass().getName() + " (" + value + ")")
                    + "; filter values are String, UUID, a Number or Boolean");
        }
        if (value instanceof Double d && !Double.isFinite(d) || value instanceof Float f && !Float.isFinite(f)) {
            throw new IllegalArgumentException("filter on '" + key + "' compares with " + value + "; use a finite number");
        }
    }

    /** Binds a filter value the way the same value is stored, so equal values compare equal. */
    static void bindFilterValue(PreparedStatement ps, int index, Object value) throws SQLException {
        if (value instanceof Float f) {
            ps.setDouble(index, floatAsDouble(f));
        } else if (value instanceof Double || value instanceof java.math.BigDecimal) {
            ps.setDouble(index, ((Number) value).doubleValue());
        } else if (value instanceof Number n) {
            ps.setLong(index, n.longValue());
        } else if (value instanceof Boolean b) {
            ps.setLong(index, b ? 1 : 0);
        } else {
            ps.setString(index, value.toString());
        }
    }

    /** Binds a stored value. */
    void bind(PreparedStatement ps, int index, Object value) throws SQLException {
        switch (this) {
            case STRING, UUID_TEXT -> ps.setString(index, value.toString());
            case JSON -> ps.setString(index, ((JsonText) value).json());
            case INT, LONG -> ps.setLong(index, ((Number) value).longValue());
            case FLOAT -> ps.setDouble(index, floatAsDouble((Float) value));
            case DOUBLE -> ps.setDouble(index, (Double) value);
            case BOOLEAN -> ps.setLong(index, ((Boolean) value) ? 1 : 0);
        }
    }

    /** Reads a stored value back as its Java type. */
    Object read(ResultSet rs, int column) throws SQLException {
        return switch (this) {
            case STRING -> rs.getString(column);
            case UUID_TEXT -> UUID.fromString(rs.getString(column));
            case JSON -> new JsonText(rs.getString(column));
            case INT -> rs.getInt(column);
            case LONG -> rs.getLong(column);
            case FLOAT -> (float) rs.getDouble(column);
            case DOUBLE -> rs.getDouble(column);
            case BOOLEAN -> rs.getLong(column) != 0;
        };
    }

    static MetadataValue forTag(String tag) {
        for (MetadataValue v : values()) {
            if (v.tag.equals(tag)) {
                return v;
            }
        }
        throw new IllegalStateException("unknown metadata type tag '" + tag + "' in the store's _meta table; "
                + "was it written by a newer version? Known tags: " + List.of(values()));
    }

    private static double floatAsDouble(float f) {
        return Double.parseDouble(Float.toString(f));
    }
}
