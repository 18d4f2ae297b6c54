package io.github.sqlitevec.conformance.bench;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.SplittableRandom;

/**
 * Synthetic, deterministic stand-ins for sentence embeddings. Real embeddings are unit vectors
 * that live near a low-dimensional, clustered manifold; uniform random vectors have neither
 * property and make every quantizer look bad (all distances concentrate). So: 200 clusters in a
 * 32-dimensional latent space, projected into {@code dims} by a fixed random matrix, plus a
 * little isotropic noise, then normalized. Row {@code i} is a pure function of the seed and
 * {@code i}, so nothing has to be kept in memory; queries come from the same distribution but
 * are not rows of the table.
 */
final class ClusteredEmbeddings implements Vectors {
    private static final int LATENT = 32;
    private static final int CLUSTERS = 200;
    private static final double SPREAD_IN_CLUSTER = 0.5; // centroids are N(0,1) per latent axis
    private static final double AMBIENT_NOISE = 0.3;     // per output axis; signal is ~1.1 per axis

    private final int dims;
    private final long seed;
    private final float[][] projection; // [dims][LATENT]
    private final double[][] centroids; // [CLUSTERS][LATENT]

    ClusteredEmbeddings(int dims, long seed) {
        this.dims = dims;
        this.seed = seed;
        SplittableRandom random = new SplittableRandom(seed);
        projection = new float[dims][LATENT];
        double scale = 1 / Math.sqrt(LATENT);
        for (float[] row : projection) {
            for (int j = 0; j < LATENT; j++) {
                row[j] = (float) (random.nextGaussian() * scale);
            }
        }
        centroids = new double[CLUSTERS][LATENT];
        for (double[] c : centroids) {
            for (int j = 0; j < LATENT; j++) {
                c[j] = random.nextGaussian();
            }
        }
    }

    @Override
    public int dims() {
        return dims;
    }

    /** Row {@code index} (0-based) of the table. */
    @Override
    public float[] row(long index) {
        return sample(index * 2);
    }

    /** Query {@code index}: same distribution, never a row. */
    @Override
    public float[] query(long index) {
        return sample(index * 2 + 1);
    }

    @Override
    public String describe() {
        return "clustered synthetic, " + dims + "-d";
    }

    private float[] sample(long stream) {
        SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + stream);
        double[] centroid = centroids[random.nextInt(CLUSTERS)];
        float[] z = new float[LATENT];
        for (int j = 0; j < LATENT; j++) {
            z[j] = (float) (centroid[j] + SPREAD_IN_CLUSTER * random.nextGaussian());
        }
        float[] v = new float[dims];
        double norm = 0;
        for (int i = 0; i < dims; i++) {
            float[] p = projection[i];
            float x = 0;
            for (int j = 0; j < LATENT; j++) {
                x += p[j] * z[j];
            }
            x += (float) (AMBIENT_NOISE * random.nextGaussian());
            v[i] = x;
            norm += (double) x * x;
        }
        float inverse = (float) (1 / Math.sqrt(norm));
        for (int i = 0; i < dims; i++) {
            v[i] *= inverse;
        }
        return v;
    }

    /** sqlite-vec's float32 blob: 4 little-endian bytes per element. */
    static byte[] blob(float[] v) {
        ByteBuffer b = ByteBuffer.allocate(v.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(v);
        return b.array();
    }

    /**
     * The vector as {@code vec_quantize_int8(?, 'unit')} should see it. That function maps
     * [-1, 1] onto the int8 range, but a component of a unit vector in d dimensions has a
     * standard deviation of 1/√d (0.026 at 1536-d): unscaled it would use about 5 of the 256
     * levels. Scaling every vector (rows and queries) by √d/4 puts ±4 standard deviations at ±1
     * (rarer values clamp) and keeps the distance order.
     */
    static byte[] int8InputBlob(float[] v) {
        float scale = (float) (Math.sqrt(v.length) / 4);
        float[] scaled = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            scaled[i] = v[i] * scale;
        }
        return blob(scaled);
    }
}
