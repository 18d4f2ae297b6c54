package io.github.sqlitevec.jdbc;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Converts vectors between Java arrays and the formats sqlite-vec stores and accepts:
 * float32 vectors as little-endian blobs of 4·N bytes, int8 vectors as N bytes, bit vectors
 * as N/8 bytes (bit {@code i} is bit {@code i % 8} of byte {@code i / 8}), and JSON text such
 * as {@code [0.1, 0.2]}.
 *
 * <p>The driver uses this codec for {@code setObject(i, float[])} and
 * {@code getObject(i, float[].class)}; call it directly when you hold raw blobs:
 * <pre>{@code
 * byte[] blob = VectorCodec.toFloat32Blob(new float[] {0.1f, 0.2f, 0.3f});
 * float[] back = VectorCodec.fromFloat32Blob(blob);          // {0.1, 0.2, 0.3}
 * String json = VectorCodec.toJson(back);                     // "[0.1,0.2,0.3]"
 * }</pre>
 *
 * <p>Malformed input throws {@link IllegalArgumentException} naming the offending length or
 * element. Stateless and thread-safe.
 */
public final class VectorCodec {

    private VectorCodec() {}

    /**
     * The float32 blob sqlite-vec stores for {@code vector}.
     *
     * @throws IllegalArgumentException if the vector is empty or holds NaN or an infinity, which
     *     sqlite-vec would store but whose distances order nothing
     */
    public static byte[] toFloat32Blob(float[] vector) {
        requireNonEmpty(vector == null ? 0 : vector.length);
        for (int i = 0; i < vector.length; i++) {
            if (!Float.isFinite(vector[i])) {
                throw new IllegalArgumentException("vector element " + i + " is " + vector[i]
                        + "; sqlite-vec needs finite floats (distances to NaN or infinity order nothing)");
            }
        }
        ByteBuffer buffer = ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asFloatBuffer().put(vector);
        return buffer.array();
    }

    /**
     * The vector stored in a float32 blob.
     *
     * @throws IllegalArgumentException if the blob is empty or its length is not a multiple of 4
     */
    public static float[] fromFloat32Blob(byte[] blob) {
        if (blob == null || blob.length == 0 || blob.length % Float.BYTES != 0) {
            throw new IllegalArgumentException("a float32 vector blob has a positive length that is a multiple of 4 bytes; this one has "
                    + (blob == null ? "no bytes (null)" : blob.length + " bytes"));
        }
        float[] vector = new float[blob.length / Float.BYTES];
        ByteBuffer.wrap(blob).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(vector);
        return vector;
    }

    /**
     * The int8 blob for {@code values}, each of which must lie in [-128, 127]. Bind it with
     * {@code vec_int8(?)} so sqlite-vec knows its element type.
     */
    public static byte[] toInt8Blob(int[] values) {
        requireNonEmpty(values == null ? 0 : values.length);
        byte[] blob = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            if (values[i] < Byte.MIN_VALUE || values[i] > Byte.MAX_VALUE) {
                throw new IllegalArgumentException("int8 vector element " + i + " is " + values[i]
                        + "; it must lie in [-128, 127]");
            }
            blob[i] = (byte) values[i];
        }
        return blob;
    }

    /** The values of an int8 blob, each in [-128, 127]. */
    public static int[] fromInt8Blob(byte[] blob) {
        requireNonEmpty(blob == null ? 0 : blob.length);
        int[] values = new int[blob.length];
        for (int i = 0; i < blob.length; i++) {
            values[i] = blob[i];
        }
        return values;
    }

    /**
     * The bit-vector blob for {@code bits}, whose length must be a positive multiple of 8. Bind
     * it with {@code vec_bit(?)}.
     */
    public static byte[] toBitBlob(boolean[] bits) {
        if (bits == null || bits.length == 0 || bits.length % 8 != 0) {
            throw new IllegalArgumentException("a bit vector has a positive multiple of 8 dimensions; this one has "
                    + (bits == null ? "none (null)" : bits.length));
        }
        byte[] blob = new byte[bits.length / 8];
        for (int i = 0; i < bits.length; i++) {
            if (bits[i]) {
                blob[i / 8] |= (byte) (1 << (i % 8));
            }
        }
        return blob;
    }

    /** The bits of a bit-vector blob: 8 per byte, least significant bit first. */
    public static boolean[] fromBitBlob(byte[] blob) {
        requireNonEmpty(blob == null ? 0 : blob.length);
        boolean[] bits = new boolean[blob.length * 8];
        for (int i = 0; i < bits.length; i++) {
            bits[i] = (blob[i / 8] & (1 << (i % 8))) != 0;
        }
        return bits;
    }

    /** JSON text for {@code vector}, e.g. {@code [0.1,0.2]}, which sqlite-vec accepts wherever it takes a vector. */
    public static String toJson(float[] vector) {
        requireNonEmpty(vector == null ? 0 : vector.length);
        StringBuilder json = new StringBuilder(vector.length * 12).append('[');
        for (int i = 0; i < vector.length; i++) {
            if (!Float.isFinite(vector[i])) {
                throw new IllegalArgumentException("vector element " + i + " is " + vector[i] + "; JSON has no such number");
            }
            if (i > 0) {
                json.append(',');
            }
            json.append(vector[i]);
        }
        return json.append(']').toString();
    }

    /**
     * The vector in JSON text such as {@code [0.1, -2, 3e-4]}: an array of finite numbers.
     *
     * @throws IllegalArgumentException naming the position of the first character that is wrong
     */
    public static float[] fromJson(String json) {
        if (json == null) {
            throw new IllegalArgumentException("a JSON vector is an array of numbers such as [0.1, 0.2]; got null");
        }
        return new JsonVectorParser(json).parse();
    }

    private static void requireNonEmpty(int length) {
        if (length == 0) {
            throw new IllegalArgumentException("a vector needs at least one dimension; sqlite-vec does not support zero-length vectors");
        }
    }
}
