package io.github.sqlitevec.conformance.ecosystem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sqlitevec.jdbc.SqliteVecDriver;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.Driver;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded {@code sqlitevec-jdbc-<version>-all.jar} is what a GUI tool such as DBeaver is given: one
 * file, a driver class name and a URL template, loaded in a class loader of its own. These tests use
 * that jar and nothing from this module's classpath.
 */
class AllInOneJarTest {
    private static final String DRIVER_CLASS = "io.github.sqlitevec.jdbc.SqliteVecDriver";

    @TempDir
    Path dir;

    private static Path allInOneJar() {
        Path jar = Path.of(System.getProperty("sqlitevec.allInOneJar", "target/all-in-one/sqlitevec-jdbc-all.jar"));
        assertTrue(Files.isRegularFile(jar), "no -all jar at " + jar + "; run through Maven, which copies it there");
        return jar;
    }

    @Test
    @Timeout(60)
    void javaDashJarPrintsTheVersionsItLoaded() throws Exception {
        Path db = dir.resolve("cli.db");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        String nativePath = System.getProperty("sqlitevec.native.path");
        if (nativePath != null) {
            command.add("-Dsqlitevec.native.path=" + nativePath); // a developer's locally built native, if any
        }
        command.addAll(List.of("-jar", allInOneJar().toString(), "jdbc:sqlitevec:" + db));

        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(50, TimeUnit.SECONDS), output);

        assertEquals(0, process.exitValue(), output);
        assertTrue(output.contains("sqlite-vec v" + SqliteVecDriver.SQLITE_VEC_VERSION), output);
        assertTrue(output.contains("url jdbc:sqlitevec:" + db), output);
    }

    @Test
    void isolatedClassLoaderConnectsSearchesAndBrowsesLikeAGuiTool() throws Exception {
        String url = "jdbc:sqlitevec:" + dir.resolve("gui.db");
        // Parent = platform loader: nothing of this module's classpath (sqlite-jdbc, our driver) is visible.
        try (URLClassLoader isolated = new URLClassLoader(new URL[] {allInOneJar().toUri().toURL()},
                ClassLoader.getPlatformClassLoader())) {
            Driver driver = (Driver) Class.forName(DRIVER_CLASS, true, isolated).getDeclaredConstructor().newInstance();
            assertTrue(driver.getClass().getClassLoader() == isolated, "driver must come from the -all jar");
            assertTrue(driver.acceptsURL(url));

            try (Connection c = driver.connect(url, new Properties())) {
                try (Statement s = c.createStatement()) {
                    s.execute("CREATE TABLE places (id INTEGER PRIMARY KEY, name TEXT)");
                    s.execute("CREATE VIRTUAL TABLE place_vectors USING vec0(embedding float[2])");
                    s.execute("INSERT INTO places VALUES (1, 'harbour'), (2, 'summit')");
                    s.execute("INSERT INTO place_vectors(rowid, embedding) VALUES (1, '[0, 0]'), (2, '[10, 10]')");
                }
                try (PreparedStatement knn = c.prepareStatement(
                        "SELECT p.name FROM place_vectors v JOIN places p ON p.id = v.rowid"
                                + " WHERE v.embedding MATCH '[9, 9]' AND k = 1");
                     ResultSet rs = knn.executeQuery()) {
                    assertTrue(rs.next());
                    assertEquals("summit", rs.getString(1));
                }

                // What a database navigator reads: product name picks the SQLite model, tables list.
                DatabaseMetaData meta = c.getMetaData();
                assertEquals("SQLite", meta.getDatabaseProductName());
                assertEquals("sqlitevec-jdbc", meta.getDriverName());
                List<String> tables = new ArrayList<>();
                try (ResultSet rs = meta.getTables(null, null, "%", new String[] {"TABLE"})) {
                    while (rs.next()) {
                        tables.add(rs.getString("TABLE_NAME"));
                    }
                }
                assertTrue(tables.contains("places"), String.valueOf(tables));
                try (ResultSet rs = meta.getColumns(null, null, "places", "%")) {
                    assertTrue(rs.next());
                    assertEquals("id", rs.getString("COLUMN_NAME"));
                }
            }
        }
    }
}
