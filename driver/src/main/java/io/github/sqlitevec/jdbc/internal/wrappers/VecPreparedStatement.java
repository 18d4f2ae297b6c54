package io.github.sqlitevec.jdbc.internal.wrappers;

import static io.github.sqlitevec.jdbc.internal.errors.SqlStateTranslator.translate;

import io.github.sqlitevec.jdbc.VectorCodec;
import io.github.sqlitevec.jdbc.internal.errors.SqlStateTranslator;
import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.net.URL;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Date;
import java.sql.NClob;
import java.sql.ParameterMetaData;
import java.sql.Ref;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLType;
import java.sql.SQLXML;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.Calendar;
import org.sqlite.SQLiteConnection;
import org.sqlite.jdbc4.JDBC4PreparedStatement;

/**
 * The {@code PreparedStatement} of a {@code jdbc:sqlitevec:} connection: sqlite-jdbc's own
 * {@link JDBC4PreparedStatement} with the additions of {@link VecStatement}, plus
 * {@code setObject(i, float[])} binding a sqlite-vec float32 vector blob. It is also its own
 * {@code ParameterMetaData}, as sqlite-jdbc's is.
 *
 * <p>Not thread-safe, like sqlite-jdbc's; {@link #cancel()} may be called from another thread.
 */
public final class VecPreparedStatement extends JDBC4PreparedStatement {

    private VecResultSet resultSet;

    /** Prepares {@code sql}, as sqlite-jdbc's constructor does; its errors are the caller's to translate. */
    public VecPreparedStatement(SQLiteConnection connection, String sql) throws SQLException {
        super(connection, sql);
    }

    /** See {@link VecStatement#withConnectionTimeout}; prepared batches pass through here too. */
    @Override
    protected <T> T withConnectionTimeout(SQLCallable<T> callable) throws SQLException {
        return QueryTimer.run(getDatabase(), getQueryTimeout(), () -> super.withConnectionTimeout(callable));
    }

    private ResultSet wrap(ResultSet rs) {
        if (rs == null || rs instanceof VecResultSet) {
            return rs;
        }
        if (resultSet == null || resultSet.delegate != rs) {
            resultSet = new VecResultSet(this, rs);
        }
        return resultSet;
    }

    private void setVector(int parameterIndex, float[] vector) throws SQLException {
        byte[] blob;
        try {
            blob = VectorCodec.toFloat32Blob(vector);
        } catch (IllegalArgumentException e) {
            throw SqlStateTranslator.dataException(
                    "parameter " + parameterIndex + " is not a valid float32 vector: " + e.getMessage(), e);
        }
        setBytes(parameterIndex, blob);
    }

    /** sqlite-jdbc's other {@code setObject} overloads end here, so {@code float[]} binds through all of them. */
    @Override
    public void setObject(int parameterIndex, Object x) throws SQLException {
        if (x instanceof float[]) {
            setVector(parameterIndex, (float[]) x);
            return;
        }
        try { super.setObject(parameterIndex, x); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public void setObject(int parameterIndex, Object x, int targetSqlType) throws SQLException {
        try { super.setObject(parameterIndex, x, targetSqlType); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public void setObject(int parameterIndex, Object x, int targetSqlType, int scaleOrLength) throws SQLException {
        try { super.setObject(parameterIndex, x, targetSqlType, scaleOrLength); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public void setObject(int parameterIndex, Object x, SQLType targetSqlType) throws SQLException {
        if (x instanceof float[]) {
            setVector(parameterIndex, (float[]) x);
            return;
        }
        try { super.setObject(parameterIndex, x, targetSqlType); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public void setObject(int parameterIndex, Object x, SQLType targetSqlType, int scaleOrLength) throws SQLException {
        if (x instanceof float[]) {
            setVector(parameterIndex, (float[]) x);
            return;
        }
        try {
            super.setObject(parameterIndex, x, targetSqlType, scaleOrLength);
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    @Override
    public ResultSet executeQuery() throws SQLException {
        try { return wrap(super.executeQuery()); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public boolean execute() throws SQLException {
        try { return super.execute(); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public int executeUpdate() throws SQLException {
        try { return super.executeUpdate(); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public long executeLargeUpdate() throws SQLException {
        try { return super.executeLargeUpdate(); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public int[] executeBatch() throws SQLException {
        try { return super.executeBatch(); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public long[] executeLargeBatch() throws SQLException {
        try { return super.executeLargeBatch(); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public void addBatch() throws SQLException {
        try { super.addBatch(); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public void clearParameters() throws SQLException {
        try { super.clearParameters(); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public ResultSetMetaData getMetaData() throws SQLException {
        // sqlite-jdbc answers with the statement's result set, which is its own metadata
        try { return (ResultSetMetaData) wrap((ResultSet) super.getMetaData()); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public int getParameterCount() throws SQLException {
        try { return super.getParameterCount(); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public int getParameterType(int param) throws SQLException {
        try { return super.getParameterType(param); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public String getParameterTypeName(int param) throws SQLException {
        try { return super.getParameterTypeName(param); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public String getParameterClassName(int param) throws SQLException {
        try { return super.getParameterClassName(param); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public ResultSet getResultSet() throws SQLException {
        try { return wrap(super.getResultSet()); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public ResultSet getGeneratedKeys() throws SQLException {
        try { return wrap(super.getGeneratedKeys()); } catch (SQLException e) { throw translate(e); }
    }

    // Statement's methods, as sqlite-jdbc answers them on a prepared statement, with standard SQLStates.

    @Override
    public ResultSet executeQuery(String sql) throws SQLException {
        try { return super.executeQuery(sql); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public boolean execute(String sql) throws SQLException {
        try { return super.execute(sql); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public boolean execute(String sql, int autoGeneratedKeys) throws SQLException {
        try { return super.execute(sql, autoGeneratedKeys); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public boolean execute(String sql, int[] columnIndexes) throws SQLException {
        try { return super.execute(sql, columnIndexes); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public boolean execute(String sql, String[] columnNames) throws SQLException {
        try { return super.execute(sql, columnNames); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public int executeUpdate(String sql) throws SQLException {
        try { return super.executeUpdate(sql); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public int executeUpdate(String sql, int autoGeneratedKeys) throws SQLException {
        try { return super.executeUpdate(sql, autoGeneratedKeys); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public int executeUpdate(String sql, int[] columnIndexes) throws SQLException {
        try { return super.executeUpdate(sql, columnIndexes); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public int executeUpdate(String sql, String[] columnNames) throws SQLException {
        try { return super.executeUpdate(sql, columnNames); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public long executeLargeUpdate(String sql) throws SQLException {
        try { return super.executeLargeUpdate(sql); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public long executeLargeUpdate(String sql, int autoGeneratedKeys) throws SQLException {
        try { return super.executeLargeUpdate(sql, autoGeneratedKeys); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public long executeLargeUpdate(String sql, int[] columnIndexes) throws SQLException {
        try { return super.executeLargeUpdate(sql, columnIndexes); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public long executeLargeUpdate(String sql, String[] columnNames) throws SQLException {
        try { return super.executeLargeUpdate(sql, columnNames); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public void addBatch(String sql) throws SQLException {
        try { super.addBatch(sql); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public void clearBatch() throws SQLException {
        try { super.clearBatch(); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public int getUpdateCount() throws SQLException {
        try { return super.getUpdateCount(); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public long getLargeUpdateCount() throws SQLException {
        try { return super.getLargeUpdateCount(); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public boolean getMoreResults() throws SQLException {
        try { return super.getMoreResults(); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public boolean getMoreResults(int current) throws SQLException {
        try { return super.getMoreResults(current); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public void close() throws SQLException {
        try { super.close(); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public void cancel() throws SQLException {
        try { super.cancel(); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public void setQueryTimeout(int seconds) throws SQLException {
        try { super.setQueryTimeout(seconds); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public void setMaxRows(int max) throws SQLException {
        try { super.setMaxRows(max); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public void setLargeMaxRows(long max) throws SQLException {
        try { super.setLargeMaxRows(max); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public void setMaxFieldSize(int max) throws SQLException {
        try { super.setMaxFieldSize(max); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public int getFetchSize() throws SQLException {
        try { return super.getFetchSize(); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public void setFetchSize(int rows) throws SQLException {
        try { super.setFetchSize(rows); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public void setFetchDirection(int direction) throws SQLException {
        try { super.setFetchDirection(direction); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public void closeOnCompletion() throws SQLException {
        try { super.closeOnCompletion(); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public boolean isCloseOnCompletion() throws SQLException {
        try { return super.isCloseOnCompletion(); } catch (SQLException e) { throw translate(e); }
    }

    // Parameter setters: sqlite-jdbc's, with standard SQLStates.

    @Override
    public void setArray(int parameterIndex, Array x) throws SQLException {
        try { super.setArray(parameterIndex, x); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public void setAsciiStream(int parameterIndex, InputStream x) throws SQLException {
        try { super.setAsciiStream(parameterIndex, x); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public void setAsciiStream(int parameterIndex, InputStream x, int y) throws SQLException {
        try { super.setAsciiStream(parameterIndex, x, y); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public void setAsciiStream(int parameterIndex, InputStream x, long y) throws SQLException {
        try { super.setAsciiStream(parameterIndex, x, y); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public void setBigDecimal(int parameterIndex, BigDecimal x) throws SQLException {
        try { super.setBigDecimal(parameterIndex, x); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public void setBinaryStream(int parameterIndex, InputStream x) throws SQLException {
        try { super.setBinaryStream(parameterIndex, x); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public void setBinaryStream(int parameterIndex, InputStream x, int y) throws SQLException {
        try { super.setBinaryStream(parameterIndex, x, y); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public void setBinaryStream(int parameterIndex, InputStream x, long y) throws SQLException {
        try { super.setBinaryStream(parameterIndex, x, y); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public void setBlob(int parameterIndex, InputStream x) throws SQLException {
        try { super.setBlob(parameterIndex, x); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public void setBlob(int parameterIndex, InputStream x, long y) throws SQLException {
        try { super.setBlob(parameterIndex, x, y); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public void setBlob(int parameterIndex, Blob x) throws SQLException {
        try { super.setBlob(parameterIndex, x); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public void setBoolean(int parameterIndex, boolean x) throws SQLException {
        try { super.setBoolean(parameterIndex, x); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public void setByte(int parameterIndex, byte x) throws SQLException {
        try { super.setByte(parameterIndex, x); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public void setBytes(int parameterIndex, byte[] x) throws SQLException {
        try { super.setBytes(parameterIndex, x); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public void setCharacterStream(int parameterIndex, Reader x) throws SQLException {
        try { super.setCharacterStream(parameterIndex, x); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public void setCharacterStream(int parameterIndex, Reader x, int y) throws SQLException {
        try { super.setCharacterStream(parameterIndex, x, y); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public void setCharacterStream(int parameterIndex, Reader x, long y) throws SQLException {
        try { super.setCharacterStream(parameterIndex, x, y); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public void setClob(int parameterIndex, Reader x) throws SQLException {
        try { super.setClob(parameterIndex, x); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public void setClob(int parameterIndex, Reader x, long y) throws SQLException {
        try { super.setClob(parameterIndex, x, y); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public void setClob(int parameterIndex, Clob x) throws SQLException {
        try { super.setClob(parameterIndex, x); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public void setDate(int parameterIndex, Date x) throws SQLException {
        try { super.setDate(parameterIndex, x); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public void setDate(int parameterIndex, Date x, Calendar y) throws SQLException {
        try { super.setDate(parameterIndex, x, y); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public void setDouble(int parameterIndex, double x) throws SQLException {
        try { super.setDouble(parameterIndex, x); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public void setFloat(int parameterIndex, float x) throws SQLException {
        try { super.setFloat(parameterIndex, x); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public void setInt(int parameterIndex, int x) throws SQLException {
        try { super.setInt(parameterIndex, x); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public void setLong(int parameterIndex, long x) throws SQLException {
        try { super.setLong(parameterIndex, x); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public void setNCharacterStream(int parameterIndex, Reader x) throws SQLException {
        try { super.setNCharacterStream(parameterIndex, x); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public void setNCharacterStream(int parameterIndex, Reader x, long y) throws SQLException {
        try { super.setNCharacterStream(parameterIndex, x, y); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public void setNClob(int parameterIndex, Reader x) throws SQLException {
        try { super.setNClob(parameterIndex, x); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public void setNClob(int parameterIndex, Reader x, long y) throws SQLException {
        try { super.setNClob(parameterIndex, x, y); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public void setNClob(int parameterIndex, NClob x) throws SQLException {
        try { super.setNClob(parameterIndex, x); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public void setNString(int parameterIndex, String x) throws SQLException {
        try { super.setNString(parameterIndex, x); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public void setNull(int parameterIndex, int x) throws SQLException {
        try { super.setNull(parameterIndex, x); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public void setNull(int parameterIndex, int x, String y) throws SQLException {
        try { super.setNull(parameterIndex, x, y); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public void setRef(int parameterIndex, Ref x) throws SQLException {
        try { super.setRef(parameterIndex, x); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public void setRowId(int parameterIndex, RowId x) throws SQLException {
        try { super.setRowId(parameterIndex, x); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public void setSQLXML(int parameterIndex, SQLXML x) throws SQLException {
        try { super.setSQLXML(parameterIndex, x); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public void setShort(int parameterIndex, short x) throws SQLException {
        try { super.setShort(parameterIndex, x); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public void setString(int parameterIndex, String x) throws SQLException {
        try { super.setString(parameterIndex, x); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public void setTime(int parameterIndex, Time x) throws SQLException {
        try { super.setTime(parameterIndex, x); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public void setTime(int parameterIndex, Time x, Calendar y) throws SQLException {
        try { super.setTime(parameterIndex, x, y); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public void setTimestamp(int parameterIndex, Timestamp x) throws SQLException {
        try { super.setTimestamp(parameterIndex, x); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public void setTimestamp(int parameterIndex, Timestamp x, Calendar y) throws SQLException {
        try { super.setTimestamp(parameterIndex, x, y); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public void setURL(int parameterIndex, URL x) throws SQLException {
        try { super.setURL(parameterIndex, x); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    @Deprecated
    public void setUnicodeStream(int parameterIndex, InputStream x, int y) throws SQLException {
        try { super.setUnicodeStream(parameterIndex, x, y); } catch (SQLException e) { throw translate(e); }
    }
}
