package io.github.sqlitevec.jooq;

import io.github.sqlitevec.jdbc.VectorCodec;

/**
 * Binds {@code boolean[]} to sqlite-vec's bit vector: 8 dimensions per byte, dimension {@code i}
 * in bit {@code i % 8} of byte {@code i / 8}. Bind markers render as {@code vec_bit(?)}, because
 * sqlite-vec reads an untagged blob as float32. The dimension count is a positive multiple of 8.
 *
 * <p>Usually reached through {@link SqliteVecDataTypes#BIT} or {@link SqliteVecDataTypes#bit(int)};
 * in jOOQ-codegen: {@code <userType>boolean[]</userType>} with
 * {@code <binding>io.github.sqlitevec.jooq.BitVectorBinding</binding>}. Immutable and thread-safe.
 */
public final class BitVectorBinding extends VectorBinding<boolean[]> {

    private static final long serialVersionUID = 1L;

    /** A binding that accepts bit vectors of any (multiple of 8) dimension count. */
    public BitVectorBinding() {
        this(0);
    }

    /** A binding that accepts only vectors of {@code dimensions} bits (0 = any), a multiple of 8. */
    public BitVectorBinding(int dimensions) {
        super(requireMultipleOf8(dimensions), boolean[].class);
    }

    private static int requireMultipleOf8(int dimensions) {
        if (dimensions % 8 != 0) {
            throw new IllegalArgumentException("a bit vector has a multiple of 8 dimensions (sqlite-vec stores 8 per byte); got " + dimensions);
        }
        return dimensions;
    }

    @Override
    String typeName() {
        return "bit[" + (dimensions() == 0 ? "" : dimensions()) + "]";
    }

    @Override
    String typeConstructor() {
        return "vec_bit";
    }

    @Override
    byte[] encode(boolean[] value) {
        return VectorCodec.toBitBlob(value);
    }

    @Override
    boolean[] decode(byte[] blob) {
        return VectorCodec.fromBitBlob(blob);
    }

    @Override
    int dimensionsOf(boolean[] value) {
        return value.length;
    }

    @Override
    String toPostgresText(boolean[] value) {
        encode(value); // the same checks (a multiple of 8, not empty)
        StringBuilder text = new StringBuilder(value.length);
        for (boolean bit : value) {
            text.append(bit ? '1' : '0');
        }
        return text.toString();
    }

    @Override
    String postgresCast(int dimensions) {
        return dimensions == 0 ? "varbit" : "bit(" + dimensions + ")";
    }

    @Override
    boolean[] fromPostgresText(String text) {
        boolean[] bits = new boolean[text.length()];
        for (int i = 0; i < bits.length; i++) {
            bits[i] = text.charAt(i) == '1';
        }
        return bits;
    }

    @Override
    boolean[] decodeJson(String json) {
        // vec_to_json renders a bit vector as [1,0,1,...].
        float[] values = VectorCodec.fromJson(json);
        boolean[] bits = new boolean[values.length];
        for (int i = 0; i < values.length; i++) {
            if (values[i] != 0f && values[i] != 1f) {
                throw new IllegalArgumentException("bit vector element " + i + " is " + values[i] + "; it must be 0 or 1");
            }
            bits[i] = values[i] == 1f;
        }
        return bits;
    }
}
