package io.github.sqlitevec.hibernate.internal.types;

import io.github.sqlitevec.jdbc.schema.VectorElementType;

import io.github.sqlitevec.jdbc.VectorCodec;
import org.hibernate.type.SqlTypes;

/**
 * The three element types sqlite-vec stores, and how each maps onto Hibernate's vector type codes.
 *
 * <p>sqlite-vec reads an untagged blob as float32; int8 and bit blobs have to be tagged with
 * {@code vec_int8()} / {@code vec_bit()} before a vector function sees them, which is why each
 * kind knows its tagging function.
 */
public enum VectorKind {
    FLOAT32(VectorElementType.FLOAT32, "", "float32_blob"),
    INT8(VectorElementType.INT8, "vec_int8", "int8_blob"),
    BIT(VectorElementType.BIT, "vec_bit", "bit_blob");

    private final VectorElementType elementType;
    private final String tagFunction;
    private final String columnTypeName;

    VectorKind(VectorElementType elementType, String tagFunction, String columnTypeName) {
        this.elementType = elementType;
        this.tagFunction = tagFunction;
        this.columnTypeName = columnTypeName;
    }

    /** The kind stored for a Hibernate SQL type code, or {@code null} for non-vector codes. */
    public static VectorKind forSqlTypeCode(int sqlTypeCode) {
        return switch (sqlTypeCode) {
            case SqlTypes.VECTOR, SqlTypes.VECTOR_FLOAT32 -> FLOAT32;
            case SqlTypes.VECTOR_INT8 -> INT8;
            case SqlTypes.VECTOR_BINARY -> BIT;
            default -> null;
        };
    }

    /** The element type in the shared vec0 model (the driver's {@code io.github.sqlitevec.jdbc.schema}). */
    public VectorElementType elementType() {
        return elementType;
    }

    /** {@code vec_int8} / {@code vec_bit}, or the empty string for float32 (sqlite-vec's default reading). */
    public String tagFunction() {
        return tagFunction;
    }

    /**
     * Column type for ordinary tables. The name contains BLOB, so SQLite gives the column BLOB affinity
     * and never converts the stored bytes; the length keeps the declared dimensions visible in the schema.
     */
    public String columnTypeName() {
        return columnTypeName;
    }

    /** Java value to the blob sqlite-vec reads. */
    public byte[] toBlob(Object vector) {
        if (this == FLOAT32) {
            return VectorCodec.toFloat32Blob((float[]) vector);
        }
        // int8 and bit vectors are byte[] in Hibernate's mapping and already are sqlite-vec's layout.
        return ((byte[]) vector).clone();
    }

    /** Blob read from SQLite to the Java value. */
    public Object fromBlob(byte[] blob) {
        return this == FLOAT32 ? VectorCodec.fromFloat32Blob(blob) : blob;
    }

    /** Number of dimensions of a Java value of this kind (bits for bit vectors). */
    public int dimensionsOf(Object vector) {
        return switch (this) {
            case FLOAT32 -> ((float[]) vector).length;
            case INT8 -> ((byte[]) vector).length;
            case BIT -> ((byte[]) vector).length * 8;
        };
    }

    /** The Java array type users map: {@code float[]} or {@code byte[]}. */
    public Class<?> javaType() {
        return this == FLOAT32 ? float[].class : byte[].class;
    }
}
