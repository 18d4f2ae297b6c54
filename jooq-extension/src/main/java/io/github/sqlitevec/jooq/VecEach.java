package io.github.sqlitevec.jooq;

import org.jooq.Field;
import org.jooq.Name;
import org.jooq.QueryPart;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.CustomQueryPart;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * The table-valued function {@code vec_each(v)}: one row per vector element. Made by
 * {@link SqliteVecDSL#vecEach(Field)}; use {@link #asTable()} in {@code from} and the typed
 * {@link #index()} and {@link #value()} columns in {@code select}. SQLite only: rendering it for
 * PostgreSQL fails and names {@code unnest}. Immutable and thread-safe.
 */
public final class VecEach {

    private static final Name ALIAS = DSL.name("vec_each");

    private final Table<Record> table;

    VecEach(Field<?> vector) {
        QueryPart function = CustomQueryPart.of(ctx -> {
            if (Portable.postgres(ctx)) {
                throw Portable.unsupported("vec_each", "unnest(cast(v as real[])) with ordinality gives one row per element");
            }
            ctx.sql("vec_each");
        });
        this.table = DSL.table("{0}({1})", function, vector).as(ALIAS);
    }

    /** {@code vec_each(v) as "vec_each"}, for {@code from} or a join. */
    public Table<Record> asTable() {
        return table;
    }

    /** The element's position, from 0: {@code "vec_each"."rowid"}. */
    public Field<Long> index() {
        return DSL.field(ALIAS.append("rowid"), SQLDataType.BIGINT);
    }

    /** The element's value (a float for float32, an integer for int8, 0 or 1 for bit): {@code "vec_each"."value"}. */
    public Field<Double> value() {
        return DSL.field(ALIAS.append("value"), SQLDataType.DOUBLE);
    }
}
