package io.github.sqlitevec.jooq;

/**
 * Binds {@code byte[]} to sqlite-vec's int8 vector: one signed byte per dimension. Bind markers
 * render as {@code vec_int8(?)}, because sqlite-vec reads an untagged blob as float32 and would
 * reject it for an {@code int8[N]} column.
 *
 * <p>Usually reached through {@link SqliteVecDataTypes#INT8} or {@link SqliteVecDataTypes#int8(int)};
 * in jOOQ-codegen: {@code <userType>byte[]</userType>} with
 * {@code <binding>io.github.sqlitevec.jooq.Int8VectorBinding</binding>}. Immutable and thread-safe.
 */
public final class Int8VectorBinding extends VectorBinding<byte[]> {

    private static final long serialVersionUID = 1L;

    /** A binding that accepts int8 vectors of any dimension count. */
    public Int8VectorBinding() {
        this(0);
    }

    /** A binding that accepts only vectors of {@code dimensions} elements (0 = any). */
    public Int8VectorBinding(int dimensions) {
        super(dimensions, byte[].class);
    }

    @Override
    String typeName() {
        return "int8[" + (dimensions() == 0 ? "" : dimensions()) + "]";
    }

    @Override
    String typeConstructor() {
        return "vec_int8";
    }

    @Override
    byte[] encode(byte[] value) {
        if (value.length == 0) {
            throw new IllegalArgumentException("a vector needs at least one dimension; sqlite-vec does not support zero-length vectors");
        }
        return value.clone();
    }

    @Override
    byte[] decode(byte[] blob) {
        if (blob.length == 0) {
            throw new IllegalArgumentException("an int8 vector blob has at least one byte; this one is empty");
        }
        return blob.clone();
    }

    @Override
    int dimensionsOf(byte[] value) {
        return value.length;
    }

    /** pgvector has no int8 vector: the integers travel as a {@code vector} (see the driver's {@code VectorElementType.INT8}). */
    @Override
    String toPostgresText(byte[] value) {
        encode(value);
        StringBuilder text = new StringBuilder(value.length * 4).append('[');
        for (int i = 0; i < value.length; i++) {
            text.append(i == 0 ? "" : ",").append(value[i]);
        }
        return text.append(']').toString();
    }

    @Override
    String postgresCast(int dimensions) {
        return "vector";
    }

    @Override
    byte[] decodeJson(String json) {
        float[] values = io.github.sqlitevec.jdbc.VectorCodec.fromJson(json);
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            if (values[i] != Math.rint(values[i]) || values[i] < Byte.MIN_VALUE || values[i] > Byte.MAX_VALUE) {
                throw new IllegalArgumentException("int8 vector element " + i + " is " + values[i] + "; it must be an integer in [-128, 127]");
            }
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }
}
