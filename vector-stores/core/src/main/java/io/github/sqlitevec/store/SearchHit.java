package io.github.sqlitevec.store;

/**
 * One search result: the stored document (with its embedding) and its distance to the query under the
 * collection's {@link DistanceMetric}. Hits come sorted nearest first. Immutable and thread-safe.
 *
 * <pre>{@code
 * for (SearchHit hit : collection.search(SearchRequest.of(query, 3))) {
 *     System.out.println(hit.document().id() + " " + hit.distance());
 * }
 * }</pre>
 *
 * @param document the document
 * @param distance its distance to the query vector
 * @param metric   the collection's metric, so adapters can turn the distance into their score
 */
public record SearchHit(VectorDocument document, double distance, DistanceMetric metric) {
}
