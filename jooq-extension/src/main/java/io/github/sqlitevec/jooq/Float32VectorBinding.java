package io.github.sqlitevec.jooq;

import io.github.sqlitevec.jdbc.VectorCodec;

/**
 * Binds {@code float[]} to sqlite-vec's float32 vector: a little-endian blob of 4·N bytes,
 * bound as a plain {@code ?}. Reads blobs and JSON text such as {@code [0.1,0.2]}.
 *
 * <p>Usually reached through {@link SqliteVecDataTypes#FLOAT32} or
 * {@link SqliteVecDataTypes#float32(int)}; name it in jOOQ-codegen's {@code <forcedType>} as
 * {@code <binding>io.github.sqlitevec.jooq.Float32VectorBinding</binding>} with
 * {@code <userType>float[]</userType>}. The no-argument binding accepts any dimension count; the
 * one built with a dimension count throws {@link org.jooq.exception.DataTypeException} for a
 * vector of any other length, before SQL is sent. Immutable and thread-safe.
 */
public final class Float32VectorBinding extends VectorBinding<float[]> {

    private static final long serialVersionUID = 1L;

    /** A binding that accepts float32 vectors of any dimension count. */
    public Float32VectorBinding() {
        this(0);
    }

    /** A binding that accepts only vectors of {@code dimensions} elements (0 = any). */
    public Float32VectorBinding(int dimensions) {
        super(dimensions, float[].class);
    }

    @Override
    String typeName() {
        return "float[" + (dimensions() == 0 ? "" : dimensions()) + "]";
    }

    @Override
    String typeConstructor() {
        return null;
    }

    @Override
    byte[] encode(float[] value) {
        return VectorCodec.toFloat32Blob(value);
    }

    @Override
    float[] decode(byte[] blob) {
        return VectorCodec.fromFloat32Blob(blob);
    }

    @Override
    int dimensionsOf(float[] value) {
        return value.length;
    }

    @Override
    String toPostgresText(float[] value) {
        VectorCodec.toFloat32Blob(value); // the same checks (no NaN, no infinity, not empty)
        StringBuilder text = new StringBuilder(value.length * 10).append('[');
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
    float[] decodeJson(String json) {
        return VectorCodec.fromJson(json);
    }
}
