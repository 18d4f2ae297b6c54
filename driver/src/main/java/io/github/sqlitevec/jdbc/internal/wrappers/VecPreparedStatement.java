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
import java.sql.PreparedStatement;
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

/**
 * A sqlite-jdbc {@link PreparedStatement} with the behaviour of {@link VecStatement}, plus
 * {@code setObject(i, float[])} binding a sqlite-vec float32 vector blob.
 *
 * <p>Not thread-safe, like the sqlite-jdbc statement it wraps; {@link #cancel()} may be called
 * from another thread.
 */
public class VecPreparedStatement extends VecStatement implements PreparedStatement {

    private final PreparedStatement delegate;

    public VecPreparedStatement(SQLiteConnection owner, PreparedStatement delegate) {
        super(owner, delegate);
        this.delegate = delegate;
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

    @Override
    public void setObject(int parameterIndex, Object x) throws SQLException {
        if (x instanceof float[]) {
            setVector(parameterIndex, (float[]) x);
            return;
        }
        try { delegate.setObject(parameterIndex, x); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public void setObject(int parameterIndex, Object x, int targetSqlType) throws SQLException {
        if (x instanceof float[]) {
            setVector(parameterIndex, (float[]) x);
            return;
        }
        try { delegate.setObject(parameterIndex, x, targetSqlType); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public void setObject(int parameterIndex, Object x, int targetSqlType, int scaleOrLength) throws SQLException {
        if (x instanceof float[]) {
            setVector(parameterIndex, (float[]) x);
            return;
        }
        try {
            delegate.setObject(parameterIndex, x, targetSqlType, scaleOrLength);
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    @Override
    public void setObject(int parameterIndex, Object x, SQLType targetSqlType) throws SQLException {
        if (x instanceof float[]) {
            setVector(parameterIndex, (float[]) x);
            return;
        }
        try { delegate.setObject(parameterIndex, x, targetSqlType); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public void setObject(int parameterIndex, Object x, SQLType targetSqlType, int scaleOrLength)
            throws SQLException {
        if (x instanceof float[]) {
            setVector(parameterIndex, (float[]) x);
            return;
        }
        try {
            delegate.setObject(parameterIndex, x, targetSqlType, scaleOrLength);
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    @Override
    public ResultSet executeQuery() throws SQLException {
        return wrap(timed(delegate::executeQuery));
    }

    @Override
    public int executeUpdate() throws SQLException {
        return timed(delegate::executeUpdate);
    }

    @Override
    public void setNull(int parameterIndex, int sqlType) throws SQLException {
        try { delegate.setNull(parameterIndex, sqlType); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public void setBoolean(int parameterIndex, boolean x) throws SQLException {
        try { delegate.setBoolean(parameterIndex, x); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public void setByte(int parameterIndex, byte x) throws SQLException {
        try { delegate.setByte(parameterIndex, x); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public void setShort(int parameterIndex, short x) throws SQLException {
        try { delegate.setShort(parameterIndex, x); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public void setInt(int parameterIndex, int x) throws SQLException {
        try { delegate.setInt(parameterIndex, x); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public void setLong(int parameterIndex, long x) throws SQLException {
        try { delegate.setLong(parameterIndex, x); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public void setFloat(int parameterIndex, float x) throws SQLException {
        try { delegate.setFloat(parameterIndex, x); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public void setDouble(int parameterIndex, double x) throws SQLException {
        try { delegate.setDouble(parameterIndex, x); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public void setBigDecimal(int parameterIndex, BigDecimal x) throws SQLException {
        try { delegate.setBigDecimal(parameterIndex, x); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public void setString(int parameterIndex, String x) throws SQLException {
        try { delegate.setString(parameterIndex, x); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public void setBytes(int parameterIndex, byte[] x) throws SQLException {
        try { delegate.setBytes(parameterIndex, x); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public void setDate(int parameterIndex, Date x) throws SQLException {
        try { delegate.setDate(parameterIndex, x); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public void setTime(int parameterIndex, Time x) throws SQLException {
        try { delegate.setTime(parameterIndex, x); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public void setTimestamp(int parameterIndex, Timestamp x) throws SQLException {
        try { delegate.setTimestamp(parameterIndex, x); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public void setAsciiStream(int parameterIndex, InputStream x, int length) throws SQLException {
        try { delegate.setAsciiStream(parameterIndex, x, length); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    @Deprecated
    public void setUnicodeStream(int parameterIndex, InputStream x, int length) throws SQLException {
        try { delegate.setUnicodeStream(parameterIndex, x, length); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public void setBinaryStream(int parameterIndex, InputStream x, int length) throws SQLException {
        try { delegate.setBinaryStream(parameterIndex, x, length); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public void clearParameters() throws SQLException {
        try { delegate.clearParameters(); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public boolean execute() throws SQLException {
        return timed(delegate::execute);
    }

    @Override
    public void addBatch() throws SQLException {
        try { delegate.addBatch(); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public void setCharacterStream(int parameterIndex, Reader reader, int length) throws SQLException {
        try {
            delegate.setCharacterStream(parameterIndex, reader, length);
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    @Override
    public void setRef(int parameterIndex, Ref x) throws SQLException {
        try { delegate.setRef(parameterIndex, x); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public void setBlob(int parameterIndex, Blob x) throws SQLException {
        try { delegate.setBlob(parameterIndex, x); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public void setClob(int parameterIndex, Clob x) throws SQLException {
        try { delegate.setClob(parameterIndex, x); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public void setArray(int parameterIndex, Array x) throws SQLException {
        try { delegate.setArray(parameterIndex, x); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public ResultSetMetaData getMetaData() throws SQLException {
        try { return VecResultSetMetaData.wrap(delegate.getMetaData()); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public void setDate(int parameterIndex, Date x, Calendar cal) throws SQLException {
        try { delegate.setDate(parameterIndex, x, cal); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public void setTime(int parameterIndex, Time x, Calendar cal) throws SQLException {
        try { delegate.setTime(parameterIndex, x, cal); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public void setTimestamp(int parameterIndex, Timestamp x, Calendar cal) throws SQLException {
        try { delegate.setTimestamp(parameterIndex, x, cal); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public void setNull(int parameterIndex, int sqlType, String typeName) throws SQLException {
        try { delegate.setNull(parameterIndex, sqlType, typeName); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public void setURL(int parameterIndex, URL x) throws SQLException {
        try { delegate.setURL(parameterIndex, x); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public ParameterMetaData getParameterMetaData() throws SQLException {
        try { return VecParameterMetaData.wrap(delegate.getParameterMetaData()); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public void setRowId(int parameterIndex, RowId x) throws SQLException {
        try { delegate.setRowId(parameterIndex, x); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public void setNString(int parameterIndex, String value) throws SQLException {
        try { delegate.setNString(parameterIndex, value); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public void setNCharacterStream(int parameterIndex, Reader value, long length) throws SQLException {
        try {
            delegate.setNCharacterStream(parameterIndex, value, length);
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    @Override
    public void setNClob(int parameterIndex, NClob value) throws SQLException {
        try { delegate.setNClob(parameterIndex, value); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public void setClob(int parameterIndex, Reader reader, long length) throws SQLException {
        try { delegate.setClob(parameterIndex, reader, length); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public void setBlob(int parameterIndex, InputStream inputStream, long length) throws SQLException {
        try { delegate.setBlob(parameterIndex, inputStream, length); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public void setNClob(int parameterIndex, Reader reader, long length) throws SQLException {
        try { delegate.setNClob(parameterIndex, reader, length); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public void setSQLXML(int parameterIndex, SQLXML xmlObject) throws SQLException {
        try { delegate.setSQLXML(parameterIndex, xmlObject); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public void setAsciiStream(int parameterIndex, InputStream x, long length) throws SQLException {
        try { delegate.setAsciiStream(parameterIndex, x, length); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public void setBinaryStream(int parameterIndex, InputStream x, long length) throws SQLException {
        try { delegate.setBinaryStream(parameterIndex, x, length); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public void setCharacterStream(int parameterIndex, Reader reader, long length) throws SQLException {
        try {
            delegate.setCharacterStream(parameterIndex, reader, length);
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    @Override
    public void setAsciiStream(int parameterIndex, InputStream x) throws SQLException {
        try { delegate.setAsciiStream(parameterIndex, x); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public void setBinaryStream(int parameterIndex, InputStream x) throws SQLException {
        try { delegate.setBinaryStream(parameterIndex, x); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public void setCharacterStream(int parameterIndex, Reader reader) throws SQLException {
        try { delegate.setCharacterStream(parameterIndex, reader); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public void setNCharacterStream(int parameterIndex, Reader value) throws SQLException {
        try { delegate.setNCharacterStream(parameterIndex, value); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public void setClob(int parameterIndex, Reader reader) throws SQLException {
        try { delegate.setClob(parameterIndex, reader); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public void setBlob(int parameterIndex, InputStream inputStream) throws SQLException {
        try { delegate.setBlob(parameterIndex, inputStream); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public void setNClob(int parameterIndex, Reader reader) throws SQLException {
        try { delegate.setNClob(parameterIndex, reader); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public long executeLargeUpdate() throws SQLException {
        return timed(delegate::executeLargeUpdate);
    }
}
