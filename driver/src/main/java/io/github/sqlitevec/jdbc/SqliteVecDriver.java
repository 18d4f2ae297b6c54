package io.github.sqlitevec.jdbc;

import io.github.sqlitevec.jdbc.internal.connection.VecConnection;
import io.github.sqlitevec.jdbc.internal.natives.NativeLibraryLoader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * The {@code jdbc:sqlitevec:} driver: sqlite-jdbc with sqlite-vec loaded on every connection.
 * Accepts {@code jdbc:sqlitevec:} followed by anything sqlite-jdbc accepts after
 * {@code jdbc:sqlite:} — a file, {@code :memory:}, a {@code file:} URI, query parameters — and the
 * same Properties. Registered through {@code META-INF/services/java.sql.Driver}.
 *
 * <pre>{@code
 * try (Connection c = DriverManager.getConnection("jdbc:sqlitevec:docs.db");
 *      Statement s = c.createStatement()) {
 *     s.execute("CREATE VIRTUAL TABLE IF NOT EXISTS docs USING vec0(embedding float[3])");
 *     try (PreparedStatement insert = c.prepareStatement("INSERT INTO docs(rowid, embedding) VALUES (?, ?)")) {
 *         insert.setLong(1, 1);
 *         insert.setObject(2, new float[] {0.1f, 0.2f, 0.3f});
 *         insert.executeUpdate();
 *     }
 *     try (PreparedStatement knn = c.prepareStatement(
 *             "SELECT rowid, distance FROM docs WHERE embedding MATCH ? AND k = 5")) {
 *         knn.setObject(1, new float[] {0.1f, 0.2f, 0.25f});
 *         try (ResultSet rs = knn.executeQuery()) { ... }
 *     }
 * }
 * }</pre>
 *
 * <p>SQL {@code load_extension()} is disabled on every connection unless the URL or Properties say
 * {@code enable_load_extension=true}. Thread-safe.
 */
public final class SqliteVecDriver implements Driver {
    /** The URL prefix this driver accepts. */
    public static final String PREFIX = "jdbc:sqlitevec:";
    /** This driver's version, e.g. {@code 0.1.0}. */
    public static final String VERSION;
    public static final int MAJOR_VERSION;
    public static final int MINOR_VERSION;
    /** The sqlite-vec version bundled and loaded, e.g. {@code 0.1.9}. */
    public static final String SQLITE_VEC_VERSION;

    static {
        Properties versions = new Properties();
        try (InputStream in = SqliteVecDriver.class.getResourceAsStream("/META-INF/sqlitevec/version.properties")) {
            if (in == null) {
                throw new IllegalStateException("sqlitevec-jdbc is missing META-INF/sqlitevec/version.properties; the jar is damaged");
            }
            versions.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        VERSION = versions.getProperty("driver.version");
        SQLITE_VEC_VERSION = versions.getProperty("sqlite-vec.version");
        String[] parts = VERSION.split("[.-]");
        MAJOR_VERSION = Integer.parseInt(parts[0]);
        MINOR_VERSION = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
        try {
            DriverManager.registerDriver(new SqliteVecDriver());
        } catch (SQLException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @Override
    public Connection connect(String url, Properties info) throws SQLException {
        if (!acceptsURL(url)) {
            return null; // the JDBC contract: let DriverManager try the next driver
        }
        return VecConnection.open(url, info, SQLITE_VEC_VERSION);
    }

    @Override
    public boolean acceptsURL(String url) {
        return isValidURL(url);
    }

    /** Whether {@code url} starts with {@code jdbc:sqlitevec:} (any case), like sqlite-jdbc's {@code JDBC.isValidURL}. */
    public static boolean isValidURL(String url) {
        return url != null && url.regionMatches(true, 0, PREFIX, 0, PREFIX.length());
    }

    @Override
    public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) throws SQLException {
        String rest = url == null ? "" : url.substring(Math.min(url.length(), PREFIX.length()));
        return new org.sqlite.JDBC().getPropertyInfo("jdbc:sqlite:" + rest, info);
    }

    @Override
    public int getMajorVersion() {
        return MAJOR_VERSION;
    }

    @Override
    public int getMinorVersion() {
        return MINOR_VERSION;
    }

    /** SQLite is not a full SQL-92 database, so this driver does not claim JDBC compliance. */
    @Override
    public boolean jdbcCompliant() {
        return false;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("sqlitevec-jdbc logs through System.Logger, not java.util.logging");
    }

    /**
     * Prints what this jar runs on: {@code java -jar sqlitevec-jdbc-<version>-all.jar [url]}.
     * A quick check that the native for this platform loads.
     */
    public static void main(String[] args) throws SQLException {
        String url = args.length > 0 ? args[0] : PREFIX + ":memory:";
        try (Connection c = DriverManager.getConnection(url);
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT sqlite_version(), vec_version()")) {
            rs.next();
            System.out.printf(Locale.ROOT, "sqlitevec-jdbc %s%nSQLite %s, sqlite-vec %s%nnative %s%nOS %s %s, Java %s%nurl %s%n",
                    VERSION, rs.getString(1), rs.getString(2), NativeLibraryLoader.library(SQLITE_VEC_VERSION),
                    System.getProperty("os.name"), System.getProperty("os.arch"), System.getProperty("java.version"), url);
        }
    }
}
