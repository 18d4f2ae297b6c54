package io.github.sqlitevec.jdbc.internal.wrappers;

import static io.github.sqlitevec.jdbc.internal.errors.SqlStateTranslator.translate;

import java.sql.ParameterMetaData;
import java.sql.SQLException;

/**
 * sqlite-jdbc's parameter metadata (the prepared statement itself) with normalized errors.
 * Not thread-safe, like what it wraps.
 */
final class VecParameterMetaData implements ParameterMetaData {
    private final ParameterMetaData delegate;

    VecParameterMetaData(ParameterMetaData delegate) {
        this.delegate = delegate;
    }

    static ParameterMetaData wrap(ParameterMetaData metaData) {
        return metaData == null ? null : new VecParameterMetaData(metaData);
    }

    @Override
    public int getParameterCount() throws SQLException {
        try { return delegate.getParameterCount(); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public int isNullable(int param) throws SQLException {
        try { return delegate.isNullable(param); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public boolean isSigned(int param) throws SQLException {
        try { return delegate.isSigned(param); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public int getPrecision(int param) throws SQLException {
        try { return delegate.getPrecision(param); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public int getScale(int param) throws SQLException {
        try { return delegate.getScale(param); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public int getParameterType(int param) throws SQLException {
        try { return delegate.getParameterType(param); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public String getParameterTypeName(int param) throws SQLException {
        try { return delegate.getParameterTypeName(param); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public String getParameterClassName(int param) throws SQLException {
        try { return delegate.getParameterClassName(param); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public int getParameterMode(int param) throws SQLException {
        try { return delegate.getParameterMode(param); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return iface.isInstance(this) ? iface.cast(this) : delegate.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return iface.isInstance(this) || iface.isInstance(delegate) || delegate.isWrapperFor(iface);
    }
}
