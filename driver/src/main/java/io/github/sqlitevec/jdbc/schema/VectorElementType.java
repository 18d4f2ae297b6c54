package io.github.sqlitevec.jdbc.schema;

import java.util.Locale;

/**
 * The element type of a {@code vec0} vector column, and what it becomes on PostgreSQL + pgvector.
 * Immutable and thread-safe.
 *
 * <pre>{@code
 * VectorElementType.FLOAT32.sqliteName();       // "float"  as in float[384]
 * VectorElementType.FLOAT32.postgresType(384);  // "vector(384)"
 * }</pre>
 */
public enum VectorElementType {
    /** 32-bit floats: {@code float[N]} (alias {@code float32[N]}), Java {@code float[]}; pgvector {@code vector(N)}. */
    FLOAT32("float"),
    /**
     * Signed bytes: {@code int8[N]}, Java {@code byte[]}. pgvector has no int8 vector, so PostgreSQL
     * stores the same integer values in a {@code vector(N)}: sqlite-vec computes int8 distances
     * on the raw integers, and every value of -128..127 is exact in float32, so the distances and
     * KNN orders are identical (at four bytes per element instead of one).
     */
    INT8("int8"),
    /** Single bits, 8 per byte (least significant bit first): {@code bit[N]}, Java {@code boolean[]}; PostgreSQL {@code bit(N)}. */
    BIT("bit");

    private final String sqliteName;

    VectorElementType(String sqliteName) {
        this.sqliteName = sqliteName;
    }

    /** The type keyword in vec0's column syntax, e.g. {@code float} in {@code float[384]}. */
    public String sqliteName() {
        return sqliteName;
    }

    /** The PostgreSQL column type for {@code dimensions} elements: {@code vector(n)} or {@code bit(n)}. */
    public String postgresType(int dimensions) {
        return (this == BIT ? "bit(" : "vector(") + dimensions + ")";
    }

    /** The element type named by vec0's keyword ({@code float}, {@code float32}, {@code int8}, {@code bit}; any case), or null. */
    static VectorElementType fromSqliteName(String keyword) {
        switch (keyword.toLowerCase(Locale.ROOT)) {
            case "float":
            case "float32":
                return FLOAT32;
            case "int8":
                return INT8;
            case "bit":
                return BIT;
            default:
                return null;
        }
    }
}
