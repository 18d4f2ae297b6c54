package io.github.sqlitevec.hibernate.internal.types;

import java.sql.CallableStatement;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.HexFormat;

import org.hibernate.type.descriptor.ValueBinder;
import org.hibernate.type.descriptor.ValueExtractor;
import org.hibernate.type.descriptor.WrapperOptions;
import org.hibernate.type.descriptor.java.JavaType;
import org.hibernate.type.descriptor.jdbc.ArrayJdbcType;
import org.hibernate.type.descriptor.jdbc.BasicBinder;
import org.hibernate.type.descriptor.jdbc.BasicExtractor;
import org.hibernate.type.descriptor.jdbc.JdbcLiteralFormatter;
import org.hibernate.type.descriptor.jdbc.JdbcType;
import org.hibernate.type.spi.TypeConfiguration;

/**
 * A Hibernate vector type code ({@code SqlTypes.VECTOR}, {@code VECTOR_FLOAT32}, {@code VECTOR_INT8},
 * {@code VECTOR_BINARY}) stored the way sqlite-vec reads it: a blob in sqlite-vec's layout.
 *
 * <p>It extends {@link ArrayJdbcType} like hibernate-vector's types do, because Hibernate treats a
 * {@code float[]} attribute with a vector code as a plural basic type; the wire format, however, is a
 * plain blob ({@code setBytes}/{@code getBytes}), never a JDBC {@code Array}. Immutable and thread-safe.
 */
public final class SqliteVecJdbcType extends ArrayJdbcType {

    private final int sqlTypeCode;
    private final VectorKind kind;

    public SqliteVecJdbcType(JdbcType elementJdbcType, int sqlTypeCode, VectorKind kind) {
        super(elementJdbcType);
        this.sqlTypeCode = sqlTypeCode;
        this.kind = kind;
    }

    public VectorKind kind() {
        return kind;
    }

    @Override
    public int getJdbcTypeCode() {
        return Types.VARBINARY;
    }

    @Override
    public int getDefaultSqlTypeCode() {
        return sqlTypeCode;
    }

    @Override
    public String getFriendlyName() {
        return "SQLITE_VEC_" + kind.name();
    }

    @Override
    public JavaType<?> getRecommendedJavaType(Integer precision, Integer scale, TypeConfiguration typeConfiguration) {
        return typeConfiguration.getJavaTypeRegistry().resolveDescriptor(kind.javaType());
    }

    @Override
    public Class<?> getPreferredJavaTypeClass(WrapperOptions options) {
        return kind.javaType();
    }

    @Override
    public <T> JdbcLiteralFormatter<T> getJdbcLiteralFormatter(JavaType<T> javaType) {
        // A blob literal; vector functions add vec_int8()/vec_bit() around it like around a column.
        return (appender, value, dialect, options) -> {
            appender.appendSql("X'");
            appender.appendSql(HexFormat.of().formatHex(kind.toBlob(javaType.unwrap(value, kind.javaType(), options))));
            appender.appendSql("'");
        };
    }

    @Override
    public <X> ValueBinder<X> getBinder(JavaType<X> javaType) {
        return new BasicBinder<>(javaType, this) {
            @Override
            protected void doBind(PreparedStatement st, X value, int index, WrapperOptions options) throws SQLException {
                st.setBytes(index, toBlob(value, options));
            }

            @Override
            protected void doBind(CallableStatement st, X value, String name, WrapperOptions options) throws SQLException {
                st.setBytes(name, toBlob(value, options));
            }

            private byte[] toBlob(X value, WrapperOptions options) throws SQLException {
                try {
                    return kind.toBlob(getJavaType().unwrap(value, kind.javaType(), options));
                } catch (IllegalArgumentException e) {
                    throw new SQLException(e.getMessage(), "22023", e);
                }
            }
        };
    }

    @Override
    public <X> ValueExtractor<X> getExtractor(JavaType<X> javaType) {
        return new BasicExtractor<>(javaType, this) {
            @Override
            protected X doExtract(ResultSet rs, int paramIndex, WrapperOptions options) throws SQLException {
                return wrap(rs.getBytes(paramIndex), options);
            }

            @Override
            protected X doExtract(CallableStatement statement, int index, WrapperOptions options) throws SQLException {
                return wrap(statement.getBytes(index), options);
            }

            @Override
            protected X doExtract(CallableStatement statement, String name, WrapperOptions options) throws SQLException {
                return wrap(statement.getBytes(name), options);
            }

            private X wrap(byte[] blob, WrapperOptions options) {
                return blob == null ? null : getJavaType().wrap(kind.fromBlob(blob), options);
            }
        };
    }

    @Override
    public boolean equals(Object that) {
        return that instanceof SqliteVecJdbcType other && other.sqlTypeCode == sqlTypeCode && other.kind == kind;
    }

    @Override
    public int hashCode() {
        return 31 * sqlTypeCode + kind.hashCode();
    }

    @Override
    public String toString() {
        return "SqliteVecJdbcType(" + kind + ")";
    }
}
