package io.github.sqlitevec.jooq;

import java.util.function.Consumer;
import org.jooq.Context;
import org.jooq.DataType;
import org.jooq.Field;
import org.jooq.SQLDialect;
import org.jooq.impl.CustomField;

/**
 * Query parts that render sqlite-vec SQL on SQLite and pgvector SQL on PostgreSQL, chosen when the
 * query is rendered (from the executing context's dialect), so one Java expression serves both.
 */
final class Portable {

    private Portable() {}

    static boolean postgres(Context<?> ctx) {
        return ctx.family() == SQLDialect.POSTGRES;
    }

    /** {@code sqlite} on SQLite (and any dialect but PostgreSQL), {@code postgres} rendered on PostgreSQL. */
    static <T> Field<T> field(String name, DataType<T> type, Field<T> sqlite, Consumer<Context<?>> postgres) {
        return CustomField.of(name, type, ctx -> {
            if (postgres(ctx)) {
                postgres.accept(ctx);
            } else {
                ctx.visit(sqlite);
            }
        });
    }

    /** A sqlite-vec function without a pgvector counterpart: rendering it for PostgreSQL fails with the alternative. */
    static <T> Field<T> sqliteOnly(String name, DataType<T> type, Field<T> sqlite, String alternative) {
        return field(name, type, sqlite, ctx -> {
            throw unsupported(name, alternative);
        });
    }

    static UnsupportedOperationException unsupported(String what, String alternative) {
        return new UnsupportedOperationException(what + " exists only in sqlite-vec and has no pgvector counterpart; on PostgreSQL " + alternative);
    }

    /** {@code (a <op> b)}. */
    static void operator(Context<?> ctx, Field<?> a, String op, Field<?> b) {
        ctx.sql('(').visit(a).sql(' ').sql(op).sql(' ').visit(b).sql(')');
    }

    /** {@code name(args...)}. */
    static void call(Context<?> ctx, String name, Field<?>... args) {
        ctx.sql(name).sql('(');
        for (int i = 0; i < args.length; i++) {
            if (i > 0) {
                ctx.sql(", ");
            }
            ctx.visit(args[i]);
        }
        ctx.sql(')');
    }

    static boolean isBit(Field<?> field) {
        return field.getDataType().getBinding() instanceof BitVectorBinding;
    }
}
