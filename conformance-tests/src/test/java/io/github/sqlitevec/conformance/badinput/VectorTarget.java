package io.github.sqlitevec.conformance.badinput;

/**
 * Where a fuzzed value goes: into one of three {@code vec0} columns (float32, int8 and bit, each of
 * 8 dimensions) or into a scalar sqlite-vec function. {@code %s} is the bound parameter or literal.
 */
enum VectorTarget {
    FLOAT32_COLUMN("INSERT INTO f32_items(embedding) VALUES (%s)", true),
    INT8_COLUMN("INSERT INTO int8_items(embedding) VALUES (vec_int8(%s))", true),
    BIT_COLUMN("INSERT INTO bit_items(embedding) VALUES (vec_bit(%s))", true),
    VEC_LENGTH("SELECT vec_length(%s)", false),
    DISTANCE_L2("SELECT vec_distance_l2(%s, '[1,2,3,4,5,6,7,8]')", false);

    /** Every column and the reference vector have this many dimensions. */
    static final int DIMENSIONS = 8;

    final String sqlTemplate;
    final boolean writes;

    VectorTarget(String sqlTemplate, boolean writes) {
        this.sqlTemplate = sqlTemplate;
        this.writes = writes;
    }

    String sql(String valueExpression) {
        return String.format(sqlTemplate, valueExpression);
    }

    /** Whether sqlite-vec takes a blob of {@code length} bytes here: the oracle for raw bytes. */
    boolean acceptsBlobOf(int length) {
        switch (this) {
            case FLOAT32_COLUMN:
            case DISTANCE_L2:
                return length == 4 * DIMENSIONS;
            case VEC_LENGTH:
                return length > 0 && length % 4 == 0;
            case INT8_COLUMN:
                return length == DIMENSIONS;
            case BIT_COLUMN:
                return length == DIMENSIONS / 8;
            default:
                throw new AssertionError(this);
        }
    }

    /**
     * Whether a well-formed JSON array of {@code count} numbers is taken here; {@code int8Range} says
     * whether every number is an integer in [-128, 127]. {@code vec_bit} takes blobs only.
     */
    boolean acceptsJsonOf(int count, boolean int8Range) {
        switch (this) {
            case FLOAT32_COLUMN:
            case DISTANCE_L2:
                return count == DIMENSIONS;
            case VEC_LENGTH:
                return count > 0;
            case INT8_COLUMN:
                return count == DIMENSIONS && int8Range;
            case BIT_COLUMN:
                return false;
            default:
                throw new AssertionError(this);
        }
    }

    /** Whether {@code float[]} binding makes sense here (a float32 blob is never an int8 or bit vector). */
    boolean takesFloat32() {
        return this == FLOAT32_COLUMN || this == VEC_LENGTH || this == DISTANCE_L2;
    }
}
