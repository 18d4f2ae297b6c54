package io.github.sqlitevec.langchain4j;

import dev.langchain4j.store.embedding.filter.Filter;
import dev.langchain4j.store.embedding.filter.comparison.ContainsString;
import dev.langchain4j.store.embedding.filter.comparison.IsEqualTo;
import dev.langchain4j.store.embedding.filter.comparison.IsGreaterThan;
import dev.langchain4j.store.embedding.filter.comparison.IsGreaterThanOrEqualTo;
import dev.langchain4j.store.embedding.filter.comparison.IsIn;
import dev.langchain4j.store.embedding.filter.comparison.IsLessThan;
import dev.langchain4j.store.embedding.filter.comparison.IsLessThanOrEqualTo;
import dev.langchain4j.store.embedding.filter.comparison.IsNotEqualTo;
import dev.langchain4j.store.embedding.filter.comparison.IsNotIn;
import dev.langchain4j.store.embedding.filter.logical.And;
import dev.langchain4j.store.embedding.filter.logical.Not;
import dev.langchain4j.store.embedding.filter.logical.Or;

/**
 * LangChain4j's {@link Filter} onto the store core's filter. The core's comparisons all require the key to be
 * present; LangChain4j (its in-memory store, its pgvector store, its test suites) lets {@code isNotEqualTo} and
 * {@code isNotIn} match entries <em>without</em> the key, so those two become "missing, or present and different".
 * {@code not(...)} is the core's complement, which already includes entries without the key.
 */
final class FilterMapping {

    private FilterMapping() {}

    /** The core filter, or null for no filter. */
    static io.github.sqlitevec.store.Filter toStoreFilter(Filter filter) {
        if (filter == null) {
            return null;
        }
        if (filter instanceof IsEqualTo f) {
            return io.github.sqlitevec.store.Filter.eq(f.key(), f.comparisonValue());
        }
        if (filter instanceof IsNotEqualTo f) {
            return io.github.sqlitevec.store.Filter.or(
                    io.github.sqlitevec.store.Filter.missing(f.key()),
                    io.github.sqlitevec.store.Filter.ne(f.key(), f.comparisonValue()));
        }
        if (filter instanceof IsGreaterThan f) {
            return io.github.sqlitevec.store.Filter.gt(f.key(), f.comparisonValue());
        }
        if (filter instanceof IsGreaterThanOrEqualTo f) {
            return io.github.sqlitevec.store.Filter.gte(f.key(), f.comparisonValue());
        }
        if (filter instanceof IsLessThan f) {
            return io.github.sqlitevec.store.Filter.lt(f.key(), f.comparisonValue());
        }
        if (filter instanceof IsLessThanOrEqualTo f) {
            return io.github.sqlitevec.store.Filter.lte(f.key(), f.comparisonValue());
        }
        if (filter instanceof IsIn f) {
            return io.github.sqlitevec.store.Filter.in(f.key(), f.comparisonValues());
        }
        if (filter instanceof IsNotIn f) {
            return io.github.sqlitevec.store.Filter.or(
                    io.github.sqlitevec.store.Filter.missing(f.key()),
                    io.github.sqlitevec.store.Filter.notIn(f.key(), f.comparisonValues()));
        }
        if (filter instanceof ContainsString f) {
            return io.github.sqlitevec.store.Filter.contains(f.key(), f.comparisonValue());
        }
        if (filter instanceof And f) {
            return io.github.sqlitevec.store.Filter.and(toStoreFilter(f.left()), toStoreFilter(f.right()));
        }
        if (filter instanceof Or f) {
            return io.github.sqlitevec.store.Filter.or(toStoreFilter(f.left()), toStoreFilter(f.right()));
        }
        if (filter instanceof Not f) {
            return io.github.sqlitevec.store.Filter.not(toStoreFilter(f.expression()));
        }
        throw new UnsupportedOperationException("filter " + filter + " (" + filter.getClass().getName()
                + ") is not supported by SqliteVecEmbeddingStore; build filters with MetadataFilterBuilder.metadataKey(...)"
                + " and Filter.and/or/not");
    }
}
