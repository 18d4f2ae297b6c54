package io.github.sqlitevec.hibernate;

/** What each vector function should return, computed in double precision from the stored values. */
final class VectorOracle {

    private VectorOracle() {
    }

    static double[] widen(float[] v) {
        double[] d = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            d[i] = v[i];
        }
        return d;
    }

    static double[] widen(byte[] v) {
        double[] d = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            d[i] = v[i];
        }
        return d;
    }

    static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    static double norm(double[] a) {
        return Math.sqrt(dot(a, a));
    }

    static double l2(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return Math.sqrt(sum);
    }

    static double l1(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += Math.abs(a[i] - b[i]);
        }
        return sum;
    }

    static double cosineDistance(double[] a, double[] b) {
        return 1 - dot(a, b) / (norm(a) * norm(b));
    }

    static int popcount(byte[] bits) {
        int count = 0;
        for (byte b : bits) {
            count += Integer.bitCount(b & 0xFF);
        }
        return count;
    }

    static double hamming(byte[] a, byte[] b) {
        int count = 0;
        for (int i = 0; i < a.length; i++) {
            count += Integer.bitCount((a[i] ^ b[i]) & 0xFF);
        }
        return count;
    }

    static double jaccard(byte[] a, byte[] b) {
        int both = 0;
        int either = 0;
        for (int i = 0; i < a.length; i++) {
            both += Integer.bitCount((a[i] & b[i]) & 0xFF);
            either += Integer.bitCount((a[i] | b[i]) & 0xFF);
        }
        return 1 - (double) both / either;
    }

    /** sqlite-vec's binary quantization: bit i (least significant first in byte i/8) is set when v[i] > 0. */
    static byte[] binaryQuantize(float[] v) {
        byte[] bits = new byte[(v.length + 7) / 8];
        for (int i = 0; i < v.length; i++) {
            if (v[i] > 0) {
                bits[i / 8] |= (byte) (1 << (i % 8));
            }
        }
        return bits;
    }
}
