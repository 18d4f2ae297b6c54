package io.github.sqlitevec.conformance.vectors;

/** The element types of a vec0 vector column, with how the corpus binds a vector of each. */
enum ElementType {
    FLOAT32("float", "?"),
    INT8("int8", "vec_int8(?)"),
    BIT("bit", "vec_bit(?)");

    /** The type name in a vec0 column definition, e.g. {@code float[16]}. */
    final String columnType;
    /** The SQL expression for one bound vector of this type. */
    final String placeholder;

    ElementType(String columnType, String placeholder) {
        this.columnType = columnType;
        this.placeholder = placeholder;
    }
}
