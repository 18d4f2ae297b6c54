package io.github.sqlitevec.jooq;

import org.jooq.Keyword;
import org.jooq.impl.DSL;

/** SQL keywords of sqlite-vec and FTS5 queries, rendered in the context's keyword style. */
final class Keywords {

    static final Keyword MATCH = DSL.keyword("match");

    private Keywords() {}
}
