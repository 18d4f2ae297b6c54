package io.github.sqlitevec.migrate;

import io.github.sqlitevec.jdbc.schema.Vec0Table;
import java.util.List;

/**
 * What one source table becomes: the statements that create it on PostgreSQL, the SQLite query
 * that reads its rows, the target columns in that query's order, and what runs after the load.
 * Built by {@link SchemaReader}; immutable.
 */
final class TablePlan {

    enum Kind { TABLE, VEC0, FTS5 }

    /** A column written by COPY: its PostgreSQL name and type. */
    static final class Column {
        final String name;
        final PgType type;

        Column(String name, PgType type) {
            this.name = name;
            this.type = type;
        }
    }

    final String name;
    final Kind kind;
    final List<String> create;
    final String select;
    final List<Column> columns;
    final List<String> afterLoad;
    /** The column that identifies a row (for KNN checks), or null. */
    final String key;
    /** The vec0 model, for vec0 tables; null otherwise. */
    final Vec0Table vec0;

    TablePlan(String name, Kind kind, List<String> create, String select, List<Column> columns, List<String> afterLoad, String key, Vec0Table vec0) {
        this.name = name;
        this.kind = kind;
        this.create = List.copyOf(create);
        this.select = select;
        this.columns = List.copyOf(columns);
        this.afterLoad = List.copyOf(afterLoad);
        this.key = key;
        this.vec0 = vec0;
    }
}
