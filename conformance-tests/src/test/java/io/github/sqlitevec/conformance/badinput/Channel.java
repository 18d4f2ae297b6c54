package io.github.sqlitevec.conformance.badinput;

/** How a fuzzed value reaches SQLite. */
enum Channel {
    /** {@code PreparedStatement.setObject(i, float[])}: the driver's own vector binding. */
    FLOAT_ARRAY,
    /** {@code setBytes}: a raw blob, untouched by the driver. */
    BYTES,
    /** {@code setString}: JSON text or anything else. */
    STRING,
    /** {@code setObject} with a number, boolean or null where a vector is needed. */
    WRONG_TYPE,
    /** The value written into the SQL text as a literal. */
    SQL_LITERAL
}
