package io.github.sqlitevec.jdbc.internal.wrappers;

import static io.github.sqlitevec.jdbc.internal.errors.SqlStateTranslator.translate;

import io.github.sqlitevec.jdbc.internal.errors.SqlState;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import org.sqlite.SQLiteConnection;

/**
 * A sqlite-jdbc {@link Statement} whose errors carry standard SQLStates, whose query timeout
 * really interrupts SQLite (sqlite-jdbc's only bounds lock waits), and whose result sets are
 * {@link VecResultSet}s. Everything else is sqlite-jdbc's behaviour, unchanged.
 *
 * <p>Not thread-safe, like the sqlite-jdbc statement it wraps; {@link #cancel()} may be called
 * from another thread.
 */
public class VecStatement implements Statement {

    /** A delegated call that may throw; lets every execute method share one timeout guard. */
    interface SqlCall<T> {
        T call() throws SQLException;
    }

    private final SQLiteConnection owner;
    private final Statement delegate;
    /** Kept alongside the delegate's copy so a call with no timeout costs one field read. */
    private int queryTimeout;
    private VecResultSet lastResultSet;

    public VecStatement(SQLiteConnection owner, Statement delegate) {
        this.owner = owner;
        this.delegate = delegate;
    }

    /**
     * Runs {@code call} under the query timeout, if one is set, and normalizes its errors. A closed
     * sqlite-jdbc statement would run the SQL anyway; JDBC says it must refuse.
     */
    final <T> T timed(SqlCall<T> call) throws SQLException {
        if (delegate.isClosed()) {
            throw SqlState.FUNCTION_SEQUENCE_ERROR.newException(
                    "this statement is closed; create a new one from the connection", 0, null);
        }
        QueryTimer.Guard guard = startTimer();
        try {
            return call.call();
        } catch (SQLException e) {
            throw QueryTimer.failure(e, guard);
        } finally {
            QueryTimer.stop(guard);
        }
    }

    /** A guard for one call, or null when no timeout is set. */
    final QueryTimer.Guard startTimer() {
        return queryTimeout > 0 ? QueryTimer.start(owner.getDatabase(), queryTimeout) : null;
    }

    /**
     * Wraps a result set of this statement. sqlite-jdbc hands out the same result set object
     * for every execution of a statement, so the last wrapper is reused rather than stacked.
     */
    final ResultSet wrap(ResultSet rs) {
        if (rs == null || rs instanceof VecResultSet) {
            return rs;
        }
        if (lastResultSet == null || lastResultSet.delegate != rs) {
            lastResultSet = new VecResultSet(this, rs);
        }
        return lastResultSet;
    }

    @Override
    public Connection getConnection() {
        return owner;
    }

    /** Delegated so sqlite-jdbc still applies it to lock waits, and remembered for {@link #timed}. */
    @Override
    public void setQueryTimeout(int seconds) throws SQLException {
        try { delegate.setQueryTimeout(seconds); } catch (SQLException e) { throw translate(e); }
        queryTimeout = seconds;
    }

    @Override
    public ResultSet getResultSet() throws SQLException {
        try { return wrap(delegate.getResultSet()); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public ResultSet getGeneratedKeys() throws SQLException {
        try { return wrap(delegate.getGeneratedKeys()); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        if (iface.isInstance(delegate)) {
            return iface.cast(delegate);
        }
        try { return delegate.unwrap(iface); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        if (iface.isInstance(this) || iface.isInstance(delegate)) {
            return true;
        }
        try { return delegate.isWrapperFor(iface); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public ResultSet executeQuery(String sql) throws SQLException {
        return wrap(timed(() -> delegate.executeQuery(sql)));
    }

    @Override
    public int executeUpdate(String sql) throws SQLException {
        return timed(() -> delegate.executeUpdate(sql));
    }

    @Override
    public void close() throws SQLException {
        try { delegate.close(); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public int getMaxFieldSize() throws SQLException {
        try { return delegate.getMaxFieldSize(); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public void setMaxFieldSize(int max) throws SQLException {
        try { delegate.setMaxFieldSize(max); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public int getMaxRows() throws SQLException {
        try { return delegate.getMaxRows(); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public void setMaxRows(int max) throws SQLException {
        try { delegate.setMaxRows(max); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public void setEscapeProcessing(boolean enable) throws SQLException {
        try { delegate.setEscapeProcessing(enable); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public int getQueryTimeout() throws SQLException {
        try { return delegate.getQueryTimeout(); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public void cancel() throws SQLException {
        try { delegate.cancel(); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public SQLWarning getWarnings() throws SQLException {
        try { return delegate.getWarnings(); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public void clearWarnings() throws SQLException {
        try { delegate.clearWarnings(); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public void setCursorName(String name) throws SQLException {
        try { delegate.setCursorName(name); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public boolean execute(String sql) throws SQLException {
        return timed(() -> delegate.execute(sql));
    }

    @Override
    public int getUpdateCount() throws SQLException {
        try { return delegate.getUpdateCount(); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public boolean getMoreResults() throws SQLException {
        try { return delegate.getMoreResults(); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public void setFetchDirection(int direction) throws SQLException {
        try { delegate.setFetchDirection(direction); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public int getFetchDirection() throws SQLException {
        try { return delegate.getFetchDirection(); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public void setFetchSize(int rows) throws SQLException {
        try { delegate.setFetchSize(rows); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public int getFetchSize() throws SQLException {
        try { return delegate.getFetchSize(); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public int getResultSetConcurrency() throws SQLException {
        try { return delegate.getResultSetConcurrency(); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public int getResultSetType() throws SQLException {
        try { return delegate.getResultSetType(); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public void addBatch(String sql) throws SQLException {
        try { delegate.addBatch(sql); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public void clearBatch() throws SQLException {
        try { delegate.clearBatch(); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public int[] executeBatch() throws SQLException {
        return timed(delegate::executeBatch);
    }

    @Override
    public boolean getMoreResults(int current) throws SQLException {
        try { return delegate.getMoreResults(current); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public int executeUpdate(String sql, int autoGeneratedKeys) throws SQLException {
        return timed(() -> delegate.executeUpdate(sql, autoGeneratedKeys));
    }

    @Override
    public int executeUpdate(String sql, int[] columnIndexes) throws SQLException {
        return timed(() -> delegate.executeUpdate(sql, columnIndexes));
    }

    @Override
    public int executeUpdate(String sql, String[] columnNames) throws SQLException {
        return timed(() -> delegate.executeUpdate(sql, columnNames));
    }

    @Override
    public boolean execute(String sql, int autoGeneratedKeys) throws SQLException {
        return timed(() -> delegate.execute(sql, autoGeneratedKeys));
    }

    @Override
    public boolean execute(String sql, int[] columnIndexes) throws SQLException {
        return timed(() -> delegate.execute(sql, columnIndexes));
    }

    @Override
    public boolean execute(String sql, String[] columnNames) throws SQLException {
        return timed(() -> delegate.execute(sql, columnNames));
    }

    @Override
    public int getResultSetHoldability() throws SQLException {
        try { return delegate.getResultSetHoldability(); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public boolean isClosed() throws SQLException {
        try { return delegate.isClosed(); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public void setPoolable(boolean poolable) throws SQLException {
        try { delegate.setPoolable(poolable); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public boolean isPoolable() throws SQLException {
        try { return delegate.isPoolable(); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public void closeOnCompletion() throws SQLException {
        try { delegate.closeOnCompletion(); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public boolean isCloseOnCompletion() throws SQLException {
        try { return delegate.isCloseOnCompletion(); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public long getLargeUpdateCount() throws SQLException {
        try { return delegate.getLargeUpdateCount(); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public void setLargeMaxRows(long max) throws SQLException {
        try { delegate.setLargeMaxRows(max); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public long getLargeMaxRows() throws SQLException {
        try { return delegate.getLargeMaxRows(); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public long[] executeLargeBatch() throws SQLException {
        return timed(delegate::executeLargeBatch);
    }

    @Override
    public long executeLargeUpdate(String sql) throws SQLException {
        return timed(() -> delegate.executeLargeUpdate(sql));
    }

    @Override
    public long executeLargeUpdate(String sql, int autoGeneratedKeys) throws SQLException {
        return timed(() -> delegate.executeLargeUpdate(sql, autoGeneratedKeys));
    }

    @Override
    public long executeLargeUpdate(String sql, int[] columnIndexes) throws SQLException {
        return timed(() -> delegate.executeLargeUpdate(sql, columnIndexes));
    }

    @Override
    public long executeLargeUpdate(String sql, String[] columnNames) throws SQLException {
        return timed(() -> delegate.executeLargeUpdate(sql, columnNames));
    }

    @Override
    public String enquoteLiteral(String val) throws SQLException {
        try { return delegate.enquoteLiteral(val); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public String enquoteIdentifier(String identifier, boolean alwaysQuote) throws SQLException {
        try {
            return delegate.enquoteIdentifier(identifier, alwaysQuote);
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    @Override
    public boolean isSimpleIdentifier(String identifier) throws SQLException {
        try { return delegate.isSimpleIdentifier(identifier); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public String enquoteNCharLiteral(String val) throws SQLException {
        try { return delegate.enquoteNCharLiteral(val); } catch (SQLException e) { throw translate(e); }
    }
}
