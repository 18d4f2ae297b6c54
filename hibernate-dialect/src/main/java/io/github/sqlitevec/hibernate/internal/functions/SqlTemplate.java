package io.github.sqlitevec.hibernate.internal.functions;

/** The SQL one vector function renders, written against {@link VectorSqlWriter}. */
@FunctionalInterface
interface SqlTemplate {
    void write(VectorSqlWriter sql);
}
