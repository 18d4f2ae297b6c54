package io.github.sqlitevec.conformance.load;

import java.util.Random;

/**
 * The vector every row id stands for, so a checker can recompute what a writer stored without
 * any shared state, even across processes.
 */
final class DeterministicVectors {
    private DeterministicVectors() {}

    static float[] forId(long id, int dimensions) {
        Random random = new Random(id * 0x9E3779B97F4A7C15L);
        float[] v = new float[dimensions];
        for (int i = 0; i < dimensions; i++) {
            v[i] = random.nextFloat() * 2 - 1;
        }
        return v;
    }
}
