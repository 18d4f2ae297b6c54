package io.github.sqlitevec.jooq;

import org.jooq.SQLDialect;

import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Types;
import org.jooq.Binding;
import org.jooq.BindingGetResultSetContext;
import org.jooq.BindingGetSQLInputContext;
import org.jooq.BindingGetStatementContext;
import org.jooq.BindingRegisterContext;
import org.jooq.BindingSQLContext;
import org.jooq.BindingSetSQLOutputContext;
import org.jooq.BindingSetStatementContext;
import org.jooq.Converter;
import org.jooq.conf.ParamType;
import org.jooq.exception.DataTypeException;

/**
 * What the three vector bindings share: a blob on the JDBC side, a Java array on the user side,
 * an optional dimension check, and a bind marker that may need a sqlite-vec type constructor
 * ({@code vec_int8(?)}, {@code vec_bit(?)}) because a plain blob is read as float32.
 *
 * <p>The database type is {@code Object}, not {@code byte[]}: vec0 declares its columns without
 * a type, so jOOQ-codegen sees them as {@code OTHER}, and the same binding must also sit on
 * {@code BLOB} columns ({@link SqliteVecDataTypes}). Reading accepts blobs and JSON text;
 * writing always produces the blob.
 *
 * <p>Under {@code SQLDialect.POSTGRES} the same binding speaks pgvector: values are bound as text
 * and cast ({@code cast(? as vector)}, {@code cast(? as bit(n))}) and read back from their text
 * form, so one {@code DataType} serves both databases.
 */
abstract class VectorBinding<U> implements Binding<Object, U> {

    private static final long serialVersionUID = 1L;

    /** Dimensions every value must have, or 0 for any. */
    private final int dimensions;
    private final Converter<Object, U> converter;

    VectorBinding(int dimensions, Class<U> userType) {
        if (dimensions < 0) {
            throw new IllegalArgumentException("a vector has a positive number of dimensions; got " + dimensions);
        }
        this.dimensions = dimensions;
        this.converter = Converter.of(Object.class, userType, this::fromDatabase, this::encodeChecked);
    }

    /** Dimensions every value is checked against, 0 when any count is accepted. */
    public final int dimensions() {
        return dimensions;
    }

    /** The SQL type name sqlite-vec uses for this vector, e.g. {@code float[384]} (or {@code float[]} unchecked). */
    abstract String typeName();

    /** SQL function that tags a bound blob with this element type, or null when none is needed. */
    abstract String typeConstructor();

    abstract byte[] encode(U value);

    abstract U decode(byte[] blob);

    /** Dimensions of a user value. */
    abstract int dimensionsOf(U value);

    /** Reads a column that holds JSON text rather than a blob (e.g. the result of {@code vec_to_json}). */
    abstract U decodeJson(String json);

    /** The value as pgvector input text: {@code [1,2,3]} for vectors, {@code 0101…} for bits. */
    abstract String toPostgresText(U value);

    /** The PostgreSQL type a bound value is cast to ({@code vector}, or {@code bit(n)} for {@code n} bits). */
    abstract String postgresCast(int dimensions);

    /** Reads pgvector's text output. */
    U fromPostgresText(String text) {
        return decodeJson(text);
    }

    @Override
    public final Converter<Object, U> converter() {
        return converter;
    }

    private U fromDatabase(Object raw) {
        if (raw == null) {
            return null;
        } else if (raw instanceof byte[]) {
            return decodeChecked((byte[]) raw);
        } else if (raw instanceof String) {
            try {
                return checkDimensions(decodeJson((String) raw));
            } catch (IllegalArgumentException e) {
                throw new DataTypeException("cannot read a " + typeName() + " vector from JSON text: " + e.getMessage(), e);
            }
        }
        throw new DataTypeException("cannot read a " + typeName() + " vector from a " + raw.getClass().getSimpleName()
                + " value (" + raw + "); sqlite-vec vectors are blobs or JSON text");
    }

    private U decodeChecked(byte[] blob) {
        if (blob == null) {
            return null;
        }
        U value;
        try {
            value = decode(blob);
        } catch (IllegalArgumentException e) {
            throw new DataTypeException("cannot read a " + typeName() + " vector: " + e.getMessage(), e);
        }
        return checkDimensions(value);
    }

    private byte[] encodeChecked(U value) {
        if (value == null) {
            return null;
        }
        checkDimensions(value);
        try {
            return encode(value);
        } catch (IllegalArgumentException e) {
            throw new DataTypeException("cannot write a " + typeName() + " vector: " + e.getMessage(), e);
        }
    }

    private U checkDimensions(U value) {
        int actual = dimensionsOf(value);
        if (dimensions > 0 && actual != dimensions) {
            throw new DataTypeException("vector has " + actual + " dimensions, data type " + typeName() + " expects "
                    + dimensions + "; use a vector of " + dimensions + " dimensions or a data type declared for " + actual);
        }
        return value;
    }

    @Override
    public final void sql(BindingSQLContext<U> ctx) throws SQLException {
        if (ctx.family() == SQLDialect.POSTGRES) {
            U value = ctx.value();
            int n = value == null ? dimensions : dimensionsOf(value);
            ctx.render().sql("cast(");
            if (ctx.render().paramType() == ParamType.INLINED) {
                ctx.render().sql(value == null ? "null" : "'" + toPostgresText(checkDimensions(value)) + "'");
            } else {
                ctx.render().sql(ctx.variable());
            }
            ctx.render().sql(" as ").sql(postgresCast(n)).sql(')');
            return;
        }
        String constructor = typeConstructor();
        if (constructor != null) {
            ctx.render().sql(constructor).sql('(');
        }
        if (ctx.render().paramType() == ParamType.INLINED) {
            byte[] blob = encodeChecked(ctx.value());
            ctx.render().sql(blob == null ? "null" : hexLiteral(blob));
        } else {
            ctx.render().sql(ctx.variable());
        }
        if (constructor != null) {
            ctx.render().sql(')');
        }
    }

    private static String hexLiteral(byte[] blob) {
        StringBuilder hex = new StringBuilder(blob.length * 2 + 3).append("X'");
        for (byte b : blob) {
            hex.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
        }
        return hex.append('\'').toString();
    }

    @Override
    public final void register(BindingRegisterContext<U> ctx) throws SQLException {
        throw new SQLFeatureNotSupportedException("SQLite has no stored procedures with OUT parameters");
    }

    @Override
    public final void set(BindingSetStatementContext<U> ctx) throws SQLException {
        if (ctx.family() == SQLDialect.POSTGRES) {
            U value = ctx.value();
            if (value == null) {
                ctx.statement().setNull(ctx.index(), Types.VARCHAR);
            } else {
                ctx.statement().setString(ctx.index(), toPostgresText(checkDimensions(value)));
            }
            return;
        }
        byte[] blob = encodeChecked(ctx.value());
        if (blob == null) {
            ctx.statement().setNull(ctx.index(), Types.BLOB);
        } else {
            ctx.statement().setBytes(ctx.index(), blob);
        }
    }

    @Override
    public final void set(BindingSetSQLOutputContext<U> ctx) throws SQLException {
        throw new SQLFeatureNotSupportedException("SQLite has no user-defined SQL types");
    }

    @Override
    public final void get(BindingGetResultSetContext<U> ctx) throws SQLException {
        // Blobs are what vec0 and the vec_* functions return; JSON text is what vec_to_json and
        // tables that store vectors as text return. Both are vectors to the user.
        if (ctx.family() == SQLDialect.POSTGRES) {
            String text = ctx.resultSet().getString(ctx.index());
            try {
                ctx.value(text == null ? null : checkDimensions(fromPostgresText(text)));
            } catch (IllegalArgumentException e) {
                throw new DataTypeException("cannot read a " + typeName() + " vector from PostgreSQL's " + text + ": " + e.getMessage(), e);
            }
            return;
        }
        ctx.value(fromDatabase(ctx.resultSet().getObject(ctx.index())));
    }

    @Override
    public final void get(BindingGetStatementContext<U> ctx) throws SQLException {
        throw new SQLFeatureNotSupportedException("SQLite has no stored procedures with OUT parameters");
    }

    @Override
    public final void get(BindingGetSQLInputContext<U> ctx) throws SQLException {
        throw new SQLFeatureNotSupportedException("SQLite has no user-defined SQL types");
    }

    @Override
    public final boolean equals(Object other) {
        return other != null && other.getClass() == getClass() && ((VectorBinding<?>) other).dimensions == dimensions;
    }

    @Override
    public final int hashCode() {
        return getClass().hashCode() * 31 + dimensions;
    }

    @Override
    public final String toString() {
        return getClass().getSimpleName() + "[" + typeName() + "]";
    }
}
