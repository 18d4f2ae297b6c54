package io.github.sqlitevec.conformance.vectors;

import java.util.Random;

/** Deterministic test vectors: the same seed gives the same vectors on every machine and run. */
final class SeededVectors {
    private final Random random;

    SeededVectors(long seed) {
        this.random = new Random(seed);
    }

    /** Uniform floats in [-1, 1). */
    float[] floats(int dimensions) {
        float[] v = new float[dimensions];
        for (int i = 0; i < dimensions; i++) {
            v[i] = random.nextFloat() * 2 - 1;
        }
        return v;
    }

    /** Uniform floats in [-1, 1) whose 'unit' int8 positions all keep 0.01 away from an integer, so truncation is unambiguous. */
    float[] floatsClearOfQuantizationSteps(int dimensions) {
        float[] v = new float[dimensions];
        for (int i = 0; i < dimensions; i++) {
            float x;
            double position;
            do {
                x = random.nextFloat() * 2 - 1;
                position = ExactVectorMath.unitPosition(x);
            } while (Math.abs(position - Math.rint(position)) < 0.01);
            v[i] = x;
        }
        return v;
    }

    /** Signed bytes in [-63, 63]; small enough that sums and differences of two never overflow. */
    byte[] int8(int dimensions) {
        byte[] v = new byte[dimensions];
        for (int i = 0; i < dimensions; i++) {
            v[i] = (byte) (random.nextInt(127) - 63);
        }
        return v;
    }

    /** A bit vector of {@code dimensions} bits ({@code dimensions} a multiple of 8). */
    byte[] bits(int dimensions) {
        byte[] v = new byte[dimensions / 8];
        random.nextBytes(v);
        return v;
    }

    int nextInt(int bound) {
        return random.nextInt(bound);
    }
}
