package io.github.sqlitevec.conformance.vectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * How close sqlite-vec must come to the double-precision oracle. Its inputs are float32 and it
 * accumulates in float32, so a result may differ by about dims × 2⁻²⁴ relative; we allow
 * 1e-5 relative (1e-5 absolute below magnitude 1), which a wrong formula, a wrong element or
 * a swapped argument misses by orders of magnitude.
 */
final class Tolerance {
    static final double RELATIVE = 1e-5;

    private Tolerance() {}

    static boolean close(double expected, double actual) {
        return Math.abs(expected - actual) <= RELATIVE * Math.max(1.0, Math.abs(expected));
    }

    static void assertClose(double expected, double actual, String what) {
        if (!close(expected, actual)) {
            fail(what + ": expected " + expected + " (±" + RELATIVE + " relative) but sqlite-vec returned " + actual);
        }
    }

    static void assertClose(double[] expected, float[] actual, String what) {
        assertEquals(expected.length, actual.length, what + ": number of dimensions");
        for (int i = 0; i < expected.length; i++) {
            assertClose(expected[i], actual[i], what + "[" + i + "]");
        }
    }

    static void assertClose(float[] expected, float[] actual, String what) {
        double[] widened = new double[expected.length];
        for (int i = 0; i < expected.length; i++) {
            widened[i] = expected[i];
        }
        assertClose(widened, actual, what);
    }
}
