package io.github.sqlitevec.jdbc.internal.connection;

import io.github.sqlitevec.jdbc.internal.errors.SqlStateTranslator;
import io.github.sqlitevec.jdbc.internal.wrappers.VecDatabaseMetaData;
import io.github.sqlitevec.jdbc.internal.wrappers.VecPreparedStatement;
import io.github.sqlitevec.jdbc.internal.wrappers.VecStatement;
import java.sql.Array;
import java.sql.Blob;
import java.sql.CallableStatement;
import java.sql.Clob;
import java.sql.NClob;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLXML;
import java.sql.Savepoint;
import java.sql.ShardingKey;
import java.sql.Statement;
import java.sql.Struct;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Executor;
import org.sqlite.core.CoreDatabaseMetaData;
import org.sqlite.jdbc4.JDBC4Connection;

/**
 * The connection {@code jdbc:sqlitevec:} hands out. It <em>is</em> a sqlite-jdbc connection, because
 * {@code org.sqlite.Function.create}, {@code Collation.create}, {@code BusyHandler} and
 * {@code ProgressHandler} insist on {@code instanceof SQLiteConnection}; and it creates sqlite-jdbc
 * statements and metadata of our own subclasses exactly where sqlite-jdbc creates its own, so
 * sqlite-jdbc's internal casts hold. On top it has sqlite-vec loaded, and its errors carry standard
 * SQLStates. Like sqlite-jdbc's, not meant for concurrent use.
 */
public final class VecConnection extends JDBC4Connection {

    private VecDatabaseMetaData metaData;

    private VecConnection(String url, String address, Properties properties) throws SQLException {
        super(url, address, properties);
    }

    /** Opens a connection for a {@code jdbc:sqlitevec:} URL with sqlite-vec loaded. */
    public static VecConnection open(String url, Properties info, String sqliteVecVersion) throws SQLException {
        Properties properties = new Properties();
        if (info != null) {
            properties.putAll(info);
        }
        ConnectionUrl parsed = ConnectionUrl.parse(url, properties);
        // Extension loading is switched on for this handle only, and off again right after ours is in.
        properties.setProperty(ConnectionUrl.LOAD_EXTENSION, "true");
        if (!parsed.userSetsMmapSize && MemoryMapping.worthDefaulting()) {
            properties.setProperty(ConnectionUrl.MMAP_SIZE, MemoryMapping.DEFAULT_MMAP_SIZE);
        }
        VecConnection connection;
        try {
            connection = new VecConnection(url, parsed.address, properties);
        } catch (SQLException e) {
            throw SqlStateTranslator.translateOpening(e);
        }
        try {
            VectorExtension.load(connection, sqliteVecVersion);
            if (!parsed.userLoadsExtensions) {
                connection.getDatabase().enable_load_extension(false);
            }
            // Our statements are not the application's first: setReadOnly() must still be allowed.
            connection.setFirstStatementExecuted(false);
            return connection;
        } catch (SQLException e) {
            closeAfterFailure(connection, e);
            throw SqlStateTranslator.translateOpening(e);
        } catch (RuntimeException | Error e) {
            closeAfterFailure(connection, e);
            throw e;
        }
    }

    private static void closeAfterFailure(VecConnection connection, Throwable failure) {
        try {
            connection.close();
        } catch (SQLException closing) {
            failure.addSuppressed(closing);
        }
    }

    /** What sqlite-jdbc's own factory does, with our subclass. */
    @Override
    public Statement createStatement(int type, int concurrency, int holdability) throws SQLException {
        try {
            checkOpen();
            checkCursor(type, concurrency, holdability);
            return new VecStatement(this);
        } catch (SQLException e) {
            throw SqlStateTranslator.translate(e);
        }
    }

    /** What sqlite-jdbc's own factory does, with our subclass; preparing may fail on the SQL. */
    @Override
    public PreparedStatement prepareStatement(String sql, int type, int concurrency, int holdability) throws SQLException {
        try {
            checkOpen();
            checkCursor(type, concurrency, holdability);
            return new VecPreparedStatement(this, sql);
        } catch (SQLException e) {
            throw SqlStateTranslator.translate(e);
        }
    }

    @Override
    public CallableStatement prepareCall(String sql, int type, int concurrency, int holdability) throws SQLException {
        try {
            return super.prepareCall(sql, type, concurrency, holdability);
        } catch (SQLException e) {
            throw SqlStateTranslator.translate(e);
        }
    }

    /** sqlite-jdbc's {@code getMetaData()} returns this too, so both paths give our metadata. */
    @Override
    public CoreDatabaseMetaData getSQLiteDatabaseMetaData() throws SQLException {
        try {
            checkOpen();
        } catch (SQLException e) {
            throw SqlStateTranslator.translate(e);
        }
        if (metaData == null) {
            metaData = new VecDatabaseMetaData(this);
        }
        return metaData;
    }

    @Override
    public void commit() throws SQLException {
        try {
            super.commit();
        } catch (SQLException e) {
            throw SqlStateTranslator.translate(e);
        }
    }

    @Override
    public void rollback() throws SQLException {
        try {
            super.rollback();
        } catch (SQLException e) {
            throw SqlStateTranslator.translate(e);
        }
    }

    @Override
    public void rollback(Savepoint savepoint) throws SQLException {
        try {
            super.rollback(savepoint);
        } catch (SQLException e) {
            throw SqlStateTranslator.translate(e);
        }
    }

    @Override
    public Savepoint setSavepoint() throws SQLException {
        try {
            return super.setSavepoint();
        } catch (SQLException e) {
            throw SqlStateTranslator.translate(e);
        }
    }

    @Override
    public Savepoint setSavepoint(String name) throws SQLException {
        try {
            return super.setSavepoint(name);
        } catch (SQLException e) {
            throw SqlStateTranslator.translate(e);
        }
    }

    @Override
    public void releaseSavepoint(Savepoint savepoint) throws SQLException {
        try {
            super.releaseSavepoint(savepoint);
        } catch (SQLException e) {
            throw SqlStateTranslator.translate(e);
        }
    }

    @Override
    public void setAutoCommit(boolean autoCommit) throws SQLException {
        try {
            super.setAutoCommit(autoCommit);
        } catch (SQLException e) {
            throw SqlStateTranslator.translate(e);
        }
    }

    @Override
    public boolean getAutoCommit() throws SQLException {
        try {
            return super.getAutoCommit();
        } catch (SQLException e) {
            throw SqlStateTranslator.translate(e);
        }
    }

    @Override
    public void setTransactionIsolation(int level) throws SQLException {
        try {
            super.setTransactionIsolation(level);
        } catch (SQLException e) {
            throw SqlStateTranslator.translate(e);
        }
    }

    @Override
    public void setReadOnly(boolean readOnly) throws SQLException {
        try {
            super.setReadOnly(readOnly);
        } catch (SQLException e) {
            throw SqlStateTranslator.translate(e);
        }
    }

    @Override
    public void setBusyTimeout(int milliseconds) throws SQLException {
        try {
            super.setBusyTimeout(milliseconds);
        } catch (SQLException e) {
            throw SqlStateTranslator.translate(e);
        }
    }

    @Override
    public void setSchema(String schema) throws SQLException {
        try {
            super.setSchema(schema);
        } catch (SQLException e) {
            throw SqlStateTranslator.translate(e);
        }
    }

    @Override
    public boolean isValid(int timeout) throws SQLException {
        try {
            return super.isValid(timeout);
        } catch (SQLException e) {
            throw SqlStateTranslator.translate(e);
        }
    }

    @Override
    public void abort(Executor executor) throws SQLException {
        try {
            super.abort(executor);
        } catch (SQLException e) {
            throw SqlStateTranslator.translate(e);
        }
    }

    @Override
    public Blob createBlob() throws SQLException {
        try {
            return super.createBlob();
        } catch (SQLException e) {
            throw SqlStateTranslator.translate(e);
        }
    }

    @Override
    public Clob createClob() throws SQLException {
        try {
            return super.createClob();
        } catch (SQLException e) {
            throw SqlStateTranslator.translate(e);
        }
    }

    @Override
    public NClob createNClob() throws SQLException {
        try {
            return super.createNClob();
        } catch (SQLException e) {
            throw SqlStateTranslator.translate(e);
        }
    }

    @Override
    public SQLXML createSQLXML() throws SQLException {
        try {
            return super.createSQLXML();
        } catch (SQLException e) {
            throw SqlStateTranslator.translate(e);
        }
    }

    @Override
    public Struct createStruct(String typeName, Object[] attributes) throws SQLException {
        try {
            return super.createStruct(typeName, attributes);
        } catch (SQLException e) {
            throw SqlStateTranslator.translate(e);
        }
    }

    @Override
    public Array createArrayOf(String typeName, Object[] elements) throws SQLException {
        try {
            return super.createArrayOf(typeName, elements);
        } catch (SQLException e) {
            throw SqlStateTranslator.translate(e);
        }
    }

    @Override
    public void setHoldability(int holdability) throws SQLException {
        try {
            super.setHoldability(holdability);
        } catch (SQLException e) {
            throw SqlStateTranslator.translate(e);
        }
    }

    @Override
    public void setCatalog(String catalog) throws SQLException {
        try {
            super.setCatalog(catalog);
        } catch (SQLException e) {
            throw SqlStateTranslator.translate(e);
        }
    }

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"}) // sqlite-jdbc declares the raw type
    public void setTypeMap(Map map) throws SQLException {
        try {
            super.setTypeMap(map);
        } catch (SQLException e) {
            throw SqlStateTranslator.translate(e);
        }
    }

    @Override
    public void setNetworkTimeout(Executor executor, int milliseconds) throws SQLException {
        try {
            super.setNetworkTimeout(executor, milliseconds);
        } catch (SQLException e) {
            throw SqlStateTranslator.translate(e);
        }
    }

    @Override
    public String getCatalog() throws SQLException {
        try {
            return super.getCatalog();
        } catch (SQLException e) {
            throw SqlStateTranslator.translate(e);
        }
    }

    @Override
    public int getHoldability() throws SQLException {
        try {
            return super.getHoldability();
        } catch (SQLException e) {
            throw SqlStateTranslator.translate(e);
        }
    }

    // Sharding keys: JDBC's default answer (unsupported), with a state.

    @Override
    public void setShardingKey(ShardingKey shardingKey) throws SQLException {
        try {
            super.setShardingKey(shardingKey);
        } catch (SQLException e) {
            throw SqlStateTranslator.translate(e);
        }
    }

    @Override
    public void setShardingKey(ShardingKey shardingKey, ShardingKey superShardingKey) throws SQLException {
        try {
            super.setShardingKey(shardingKey, superShardingKey);
        } catch (SQLException e) {
            throw SqlStateTranslator.translate(e);
        }
    }

    @Override
    public boolean setShardingKeyIfValid(ShardingKey shardingKey, int timeout) throws SQLException {
        try {
            return super.setShardingKeyIfValid(shardingKey, timeout);
        } catch (SQLException e) {
            throw SqlStateTranslator.translate(e);
        }
    }

    @Override
    public boolean setShardingKeyIfValid(ShardingKey shardingKey, ShardingKey superShardingKey, int timeout)
            throws SQLException {
        try {
            return super.setShardingKeyIfValid(shardingKey, superShardingKey, timeout);
        } catch (SQLException e) {
            throw SqlStateTranslator.translate(e);
        }
    }

    @Override
    public void close() throws SQLException {
        try {
            if (metaData != null && !isClosed()) {
                metaData.close();
            }
            super.close();
        } catch (SQLException e) {
            throw SqlStateTranslator.translate(e);
        }
    }
}
