package io.github.sqlitevec.examples;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A toy text embedding with no model and no dependency: words and their character trigrams are
 * hashed into a fixed number of signed buckets and the result is L2-normalized. Texts that share
 * words land close together under cosine distance. Good for examples and tests, not for meaning.
 * Thread-safe.
 */
public final class HashingEmbedder {
    private final int dimensions;

    public HashingEmbedder(int dimensions) {
        if (dimensions <= 0) {
            throw new IllegalArgumentException("dimensions must be positive, got " + dimensions);
        }
        this.dimensions = dimensions;
    }

    public int dimensions() {
        return dimensions;
    }

    public float[] embed(String text) {
        float[] v = new float[dimensions];
        for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (word.length() < 2) {
                continue;
            }
            add(v, word, 1.0f);
            String padded = "^" + word + "$";
            for (int i = 0; i + 3 <= padded.length(); i++) {
                add(v, padded.substring(i, i + 3), 0.3f);
            }
        }
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        if (norm == 0) {
            v[0] = 1f; // an empty text still needs a valid, non-zero vector
            return v;
        }
        float scale = (float) (1 / Math.sqrt(norm));
        for (int i = 0; i < v.length; i++) {
            v[i] *= scale;
        }
        return v;
    }

    private void add(float[] v, String feature, float weight) {
        int h = fnv1a(feature);
        v[Math.floorMod(h, dimensions)] += (h & 0x8000_0000) == 0 ? weight : -weight;
    }

    /** FNV-1a: tiny, stable across JVMs and releases (String.hashCode is too, but clusters short strings). */
    private static int fnv1a(String s) {
        int h = 0x811c9dc5;
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x01000193;
        }
        return h;
    }
}
