package io.github.sqlitevec.jdbc;

import io.github.sqlitevec.jdbc.internal.connection.VecConnection;
import java.sql.SQLException;
import java.util.Properties;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteConnection;
import org.sqlite.SQLiteDataSource;

/**
 * A JavaBean {@code DataSource} whose connections have sqlite-vec loaded. It inherits every
 * option of sqlite-jdbc's {@link SQLiteDataSource} ({@code setJournalMode("WAL")},
 * {@code setBusyTimeout(5000)}, {@code setEnforceForeignKeys(true)}, …), and works as HikariCP's
 * {@code dataSourceClassName}:
 *
 * <pre>{@code
 * SqliteVecDataSource ds = new SqliteVecDataSource();
 * ds.setUrl("jdbc:sqlitevec:app.db");     // jdbc:sqlite: URLs are accepted too
 * ds.setJournalMode("WAL");
 * try (Connection c = ds.getConnection()) { ... }
 * }</pre>
 *
 * Configure it, then share it: getting connections is thread-safe, configuring is not.
 */
public class SqliteVecDataSource extends SQLiteDataSource {

    public SqliteVecDataSource() {
        setUrl(SqliteVecDriver.PREFIX);
    }

    public SqliteVecDataSource(SQLiteConfig config) {
        super(config);
        setUrl(SqliteVecDriver.PREFIX);
    }

    /** Takes a {@code jdbc:sqlitevec:} URL; a {@code jdbc:sqlite:} URL is read as the same address. */
    @Override
    public void setUrl(String url) {
        if (url != null && url.regionMatches(true, 0, "jdbc:sqlite:", 0, "jdbc:sqlite:".length())) {
            url = SqliteVecDriver.PREFIX + url.substring("jdbc:sqlite:".length());
        }
        if (!SqliteVecDriver.isValidURL(url)) {
            throw new IllegalArgumentException("SqliteVecDataSource needs a URL starting with " + SqliteVecDriver.PREFIX
                    + " (e.g. jdbc:sqlitevec:app.db); got " + url);
        }
        super.setUrl(url);
    }

    /** The database file (or {@code :memory:}); same as {@code setUrl("jdbc:sqlitevec:" + name)}. */
    @Override
    public void setDatabaseName(String name) {
        setUrl(SqliteVecDriver.PREFIX + (name == null ? "" : name));
    }

    @Override
    public String getDatabaseName() {
        return getUrl().substring(SqliteVecDriver.PREFIX.length());
    }

    @Override
    public SQLiteConnection getConnection(String username, String password) throws SQLException {
        Properties properties = getConfig().toProperties();
        if (username != null) {
            properties.put("user", username);
        }
        if (password != null) {
            properties.put("pass", password);
        }
        return VecConnection.open(getUrl(), properties, SqliteVecDriver.SQLITE_VEC_VERSION);
    }
}
