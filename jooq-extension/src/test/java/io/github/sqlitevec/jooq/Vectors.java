package io.github.sqlitevec.jooq;

import io.github.sqlitevec.jdbc.schema.DistanceMetric;

import java.util.Random;

/** Deterministic test vectors and the brute-force math the tests compare sqlite-vec against. */
final class Vectors {

    private Vectors() {}

    static float[][] random(int count, int dimensions, long seed) {
        Random random = new Random(seed);
        float[][] vectors = new float[count][dimensions];
        for (float[] vector : vectors) {
            for (int i = 0; i < dimensions; i++) {
                vector[i] = (float) (random.nextGaussian() * 0.3);
            }
        }
        return vectors;
    }

    /** Scaled to unit length, so every element lies in [-1, 1] (what int8 'unit' quantization expects). */
    static float[] normalized(float[] vector) {
        double norm = 0;
        for (float v : vector) {
            norm += v * v;
        }
        float[] unit = new float[vector.length];
        for (int i = 0; i < vector.length; i++) {
            unit[i] = (float) (vector[i] / Math.sqrt(norm));
        }
        return unit;
    }

    static double l2(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            double d = a[i] - b[i];
            sum += d * d;
        }
        return Math.sqrt(sum);
    }

    static double l1(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += Math.abs(a[i] - b[i]);
        }
        return sum;
    }

    static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return 1 - dot / (Math.sqrt(na) * Math.sqrt(nb));
    }

    static double distance(DistanceMetric metric, float[] a, float[] b) {
        switch (metric) {
            case L2: return l2(a, b);
            case L1: return l1(a, b);
            case COSINE: return cosine(a, b);
            default: throw new IllegalArgumentException(metric.toString());
        }
    }
}
