package io.github.sqlitevec.jooq;

/** The element type of a {@code vec0} vector column. */
public enum VectorElementType {
    /** 32-bit floats: {@code float[N]}, Java {@code float[]}. */
    FLOAT32("float"),
    /** Signed bytes: {@code int8[N]}, Java {@code byte[]}. */
    INT8("int8"),
    /** Single bits, 8 per byte: {@code bit[N]} with N a multiple of 8, Java {@code boolean[]}. */
    BIT("bit");

    private final String sqlName;

    VectorElementType(String sqlName) {
        this.sqlName = sqlName;
    }

    /** The type keyword in vec0's column syntax, e.g. {@code float} in {@code float[384]}. */
    public String sqlName() {
        return sqlName;
    }
}
