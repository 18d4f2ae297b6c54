package io.github.sqlitevec.conformance.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The reference: the sqlite-vec release binary its authors publish as the npm package
 * {@code sqlite-vec-linux-x64}, loaded into plain sqlite-jdbc. Fetched with the ordinary npm
 * client into a cache under the build directory on first use; never committed.
 */
public final class OfficialSqliteVec {
    static final String PACKAGE = "sqlite-vec-linux-x64";
    static final String VERSION = "0.1.9";

    private final Path library;

    private OfficialSqliteVec(Path library) {
        this.library = library;
    }

    /** Fetches the package once (later runs reuse the cached file). */
    public static OfficialSqliteVec fetch() throws IOException, InterruptedException {
        Path cache = BenchWorkspace.root().resolve("official-sqlite-vec-" + VERSION);
        Path library = cache.resolve("vec0.so");
        if (!Files.exists(library)) {
            Files.createDirectories(cache);
            run(cache, "npm", "pack", PACKAGE + "@" + VERSION, "--silent");
            run(cache, "tar", "xzf", PACKAGE + "-" + VERSION + ".tgz");
            Files.move(cache.resolve("package/vec0.so"), library, StandardCopyOption.REPLACE_EXISTING);
        }
        return new OfficialSqliteVec(library);
    }

    public Path library() {
        return library;
    }

    /** A {@code jdbc:sqlite:} connection (not ours) with the official extension loaded. */
    public Connection open(Path database) throws SQLException {
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + database + "?enable_load_extension=true");
        try (PreparedStatement load = c.prepareStatement("SELECT load_extension(?, 'sqlite3_vec_init')")) {
            load.setString(1, library.toString());
            load.executeQuery().close();
        }
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT vec_version()")) {
            rs.next();
            if (!("v" + VERSION).equals(rs.getString(1))) {
                throw new IllegalStateException("official binary reports " + rs.getString(1));
            }
        }
        return c;
    }

    private static void run(Path dir, String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD) // stdout carries the tables
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        if (p.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed with exit code " + p.exitValue()
                    + "; fetching the official binary needs npm and tar on the PATH");
        }
    }
}
