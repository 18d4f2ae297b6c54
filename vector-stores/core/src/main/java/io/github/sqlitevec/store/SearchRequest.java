package io.github.sqlitevec.store;

/**
 * A nearest-neighbour query: the query vector, how many hits at most, an optional largest distance and an
 * optional metadata filter (applied inside the KNN, so {@code topK} hits come back whenever that many
 * documents match).
 *
 * <pre>{@code
 * SearchRequest request = SearchRequest.of(queryVector, 10)
 *         .withMaxDistance(0.5)
 *         .withFilter(Filter.eq("country", "DE"));
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param vector      the query vector, as many floats as the collection has dimensions
 * @param topK        at most this many hits, 1 to {@value #MAX_TOP_K}
 * @param maxDistance only hits at this distance or closer; null for no limit
 * @param filter      the metadata filter, or null for all documents
 */
public record SearchRequest(float[] vector, int topK, Double maxDistance, Filter filter) {

    /** sqlite-vec's largest {@code k} for a KNN query. */
    public static final int MAX_TOP_K = 4096;

    public SearchRequest {
        if (vector == null) {
            throw new IllegalArgumentException("a search needs a query vector, got null");
        }
        if (topK < 1 || topK > MAX_TOP_K) {
            throw new IllegalArgumentException("topK is " + topK + "; it must lie in [1, " + MAX_TOP_K
                    + "] (sqlite-vec's largest k)");
        }
        if (maxDistance != null && Double.isNaN(maxDistance)) {
            throw new IllegalArgumentException("maxDistance is NaN; pass null for no limit");
        }
    }

    /** The {@code topK} nearest documents to {@code vector}, with no filter and no distance limit. */
    public static SearchRequest of(float[] vector, int topK) {
        return new SearchRequest(vector, topK, null, null);
    }

    /** The same request with a distance limit (null for none). */
    public SearchRequest withMaxDistance(Double maxDistance) {
        return new SearchRequest(vector, topK, maxDistance, filter);
    }

    /** The same request with a metadata filter (null for none). */
    public SearchRequest withFilter(Filter filter) {
        return new SearchRequest(vector, topK, maxDistance, filter);
    }
}
