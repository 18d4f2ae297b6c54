package io.github.sqlitevec.conformance.vectors;

/**
 * The oracle: what each sqlite-vec operation should return, computed in Java in double
 * precision from the definitions, never from sqlite-vec's own output. Bytes of an int8 vector
 * are signed elements; bit vectors store dimension {@code i} in bit {@code i % 8} of byte
 * {@code i / 8}.
 */
final class ExactVectorMath {

    private ExactVectorMath() {}

    /** Euclidean distance: the square root of the summed squared differences. */
    static double l2(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            double d = (double) a[i] - b[i];
            sum += d * d;
        }
        return Math.sqrt(sum);
    }

    /** Manhattan distance: the summed absolute differences. */
    static double l1(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += Math.abs((double) a[i] - b[i]);
        }
        return sum;
    }

    /** Cosine distance, 1 − a·b / (|a| |b|): 0 for parallel, 1 for orthogonal, 2 for opposite vectors. */
    static double cosine(float[] a, float[] b) {
        double dot = 0;
        double aa = 0;
        double bb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
            aa += (double) a[i] * a[i];
            bb += (double) b[i] * b[i];
        }
        return 1 - dot / (Math.sqrt(aa) * Math.sqrt(bb));
    }

    static double distance(Metric metric, float[] a, float[] b) {
        switch (metric) {
            case L2: return l2(a, b);
            case L1: return l1(a, b);
            case COSINE: return cosine(a, b);
            default: throw new IllegalArgumentException(metric.name());
        }
    }

    /** The same distances over int8 vectors, whose elements are the signed bytes. */
    static double distance(Metric metric, byte[] a, byte[] b) {
        return distance(metric, asFloats(a), asFloats(b));
    }

    /** The number of dimensions in which two bit vectors differ. */
    static int hamming(byte[] a, byte[] b) {
        int differing = 0;
        for (int i = 0; i < a.length; i++) {
            differing += Integer.bitCount((a[i] ^ b[i]) & 0xff);
        }
        return differing;
    }

    /** The vector scaled to length 1. */
    static double[] normalize(float[] v) {
        double norm = 0;
        for (float x : v) {
            norm += (double) x * x;
        }
        norm = Math.sqrt(norm);
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] / norm;
        }
        return out;
    }

    /**
     * 'unit' int8 quantization: [-1, 1] is cut into 255 equal steps mapped onto -128..127, the
     * position truncated toward zero and clamped (sqlite-vec 0.1.9's definition).
     */
    static byte[] quantizeUnit(float[] v) {
        byte[] out = new byte[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (byte) clampedTruncation(unitPosition(v[i]));
        }
        return out;
    }

    /** Where {@code x} falls on the 'unit' scale before truncation; callers keep clear of integers. */
    static double unitPosition(float x) {
        return (x + 1.0) * 255.0 / 2.0 - 128.0;
    }

    private static long clampedTruncation(double position) {
        double clamped = Math.max(-128.0, Math.min(127.0, position));
        return (long) clamped; // a cast truncates toward zero
    }

    /** Binary quantization: bit i is set exactly when element i is positive. */
    static byte[] quantizeBinary(float[] v) {
        byte[] out = new byte[v.length / 8];
        for (int i = 0; i < v.length; i++) {
            if (v[i] > 0) {
                out[i / 8] |= (byte) (1 << (i % 8));
            }
        }
        return out;
    }

    static byte[] quantizeBinary(byte[] int8) {
        return quantizeBinary(asFloats(int8));
    }

    /** Dimension {@code i} of a bit vector, least significant bit of each byte first. */
    static boolean bit(byte[] bits, int i) {
        return (bits[i / 8] & (1 << (i % 8))) != 0;
    }

    static float[] asFloats(byte[] int8) {
        float[] out = new float[int8.length];
        for (int i = 0; i < int8.length; i++) {
            out[i] = int8[i];
        }
        return out;
    }
}
