package io.github.sqlitevec.jdbc.internal.wrappers;

import static io.github.sqlitevec.jdbc.internal.errors.SqlStateTranslator.translate;

import java.sql.ResultSetMetaData;
import java.sql.SQLException;

/**
 * sqlite-jdbc's result set metadata (the result set object itself) with normalized errors.
 * Not thread-safe, like what it wraps.
 */
final class VecResultSetMetaData implements ResultSetMetaData {
    private final ResultSetMetaData delegate;

    VecResultSetMetaData(ResultSetMetaData delegate) {
        this.delegate = delegate;
    }

    static ResultSetMetaData wrap(ResultSetMetaData metaData) {
        return metaData == null ? null : new VecResultSetMetaData(metaData);
    }

    @Override
    public int getColumnCount() throws SQLException {
        try { return delegate.getColumnCount(); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public boolean isAutoIncrement(int column) throws SQLException {
        try { return delegate.isAutoIncrement(column); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public boolean isCaseSensitive(int column) throws SQLException {
        try { return delegate.isCaseSensitive(column); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public boolean isSearchable(int column) throws SQLException {
        try { return delegate.isSearchable(column); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public boolean isCurrency(int column) throws SQLException {
        try { return delegate.isCurrency(column); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public int isNullable(int column) throws SQLException {
        try { return delegate.isNullable(column); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public boolean isSigned(int column) throws SQLException {
        try { return delegate.isSigned(column); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public int getColumnDisplaySize(int column) throws SQLException {
        try { return delegate.getColumnDisplaySize(column); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public String getColumnLabel(int column) throws SQLException {
        try { return delegate.getColumnLabel(column); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public String getColumnName(int column) throws SQLException {
        try { return delegate.getColumnName(column); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public String getSchemaName(int column) throws SQLException {
        try { return delegate.getSchemaName(column); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public int getPrecision(int column) throws SQLException {
        try { return delegate.getPrecision(column); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public int getScale(int column) throws SQLException {
        try { return delegate.getScale(column); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public String getTableName(int column) throws SQLException {
        try { return delegate.getTableName(column); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public String getCatalogName(int column) throws SQLException {
        try { return delegate.getCatalogName(column); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public int getColumnType(int column) throws SQLException {
        try { return delegate.getColumnType(column); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public String getColumnTypeName(int column) throws SQLException {
        try { return delegate.getColumnTypeName(column); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public boolean isReadOnly(int column) throws SQLException {
        try { return delegate.isReadOnly(column); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public boolean isWritable(int column) throws SQLException {
        try { return delegate.isWritable(column); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public boolean isDefinitelyWritable(int column) throws SQLException {
        try { return delegate.isDefinitelyWritable(column); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public String getColumnClassName(int column) throws SQLException {
        try { return delegate.getColumnClassName(column); } catch (SQLException e) { throw translate(e); }
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
