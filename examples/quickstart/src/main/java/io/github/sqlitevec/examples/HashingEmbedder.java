package io.github.sqlitevec.examples;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * A deterministic stand-in for an embedding model: each content word and each of its character
 * trigrams is hashed to one of {@code dimensions} buckets with a random-looking sign, and the sum
 * is L2-normalized. Texts that share words (or word stems: "allergy" and "allergic" share
 * trigrams) get a small cosine distance. It knows nothing about meaning: "car" and "automobile"
 * are unrelated to it. Stop words are dropped so that "how the" does not make every text look
 * alike. The quickstart, agent-memory and jooq-search examples use it so that they run offline with
 * no model; a real embedding model (see examples/rag) replaces it without other changes but the
 * vector size. Immutable and thread-safe.
 */
public final class HashingEmbedder {

    private static final Set<String> STOP_WORDS = Set.of(
            "a", "an", "and", "are", "as", "at", "be", "by", "can", "did", "do", "does", "for", "from", "had", "has",
            "have", "her", "his", "i", "in", "is", "it", "its", "me", "my", "of", "on", "or", "our", "she", "he",
            "that", "the", "their", "them", "they", "this", "to", "was", "we", "were", "what", "when", "where",
            "which", "who", "will", "with", "you", "your");

    private static final float WORD_WEIGHT = 1.0f;
    private static final float TRIGRAM_WEIGHT = 0.4f;

    private final int dimensions;

    public HashingEmbedder(int dimensions) {
        if (dimensions < 8) {
            throw new IllegalArgumentException("use at least 8 dimensions, got " + dimensions);
        }
        this.dimensions = dimensions;
    }

    public int dimensions() {
        return dimensions;
    }

    public float[] embed(String text) {
        float[] vector = new float[dimensions];
        for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (word.isEmpty() || STOP_WORDS.contains(word)) {
                continue;
            }
            addFeature(vector, "w:" + word, WORD_WEIGHT);
            String padded = "<" + word + ">";
            for (int i = 0; i + 3 <= padded.length(); i++) {
                addFeature(vector, "t:" + padded.substring(i, i + 3), TRIGRAM_WEIGHT);
            }
        }
        return normalized(vector);
    }

    private void addFeature(float[] vector, String feature, float weight) {
        long hash = mix(fnv1a64(feature));
        int bucket = (int) Long.remainderUnsigned(hash, dimensions);
        vector[bucket] += (hash >>> 63) == 0 ? weight : -weight; // the sign bit is independent of the bucket
    }

    private static float[] normalized(float[] vector) {
        double sumOfSquares = 0;
        for (float x : vector) {
            sumOfSquares += (double) x * x;
        }
        if (sumOfSquares == 0) {
            vector[0] = 1f; // text with no content words: any fixed unit vector keeps cosine defined
            return vector;
        }
        float scale = (float) (1 / Math.sqrt(sumOfSquares));
        for (int i = 0; i < vector.length; i++) {
            vector[i] *= scale;
        }
        return vector;
    }

    /** 64-bit FNV-1a over UTF-8: stable across JVMs, unlike relying on String.hashCode's spread. */
    private static long fnv1a64(String s) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x100000001b3L;
        }
        return hash;
    }

    /** A final avalanche step, so that features differing in one letter land in unrelated buckets. */
    private static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }
}
