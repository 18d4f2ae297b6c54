package io.github.sqlitevec.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sqlitevec.testing.postgres.PostgresTestServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code java -jar sqlitevec-migrate-<version>-all.jar}, as a user runs it (after package; see the pom). */
class AllInOneJarTest {

    @TempDir
    Path dir;

    @Test
    void theAllInOneJarMigratesAndVerifiesWithNothingElseOnTheClassPath() throws Exception {
        Path source = dir.resolve("app.db");
        SourceDatabases.featureComplete(source);
        String target = PostgresTestServer.shared().createDatabase("migrate_jar");
        String[] result = java("--from", SourceDatabases.url(source), "--to", target, "--verify");
        assertEquals("0", result[0], result[1]);
        assertTrue(result[1].contains("verification passed"), result[1]);
        assertTrue(result[1].contains("copied docs: 60 rows"), result[1]);
    }

    @Test
    void helpAndBadInputAnswerWithTheirExitCodes() throws Exception {
        String[] help = java("--help");
        assertEquals("0", help[0], help[1]);
        assertTrue(help[1].startsWith("usage: java -jar sqlitevec-migrate-<version>-all.jar"), help[1]);
        String[] missing = java("--from", "jdbc:sqlitevec:" + dir.resolve("missing.db"), "--to", "jdbc:postgresql://127.0.0.1:1/x");
        assertEquals("2", missing[0], missing[1]);
        assertTrue(missing[1].contains("does not exist"), missing[1]);
    }

    /** Exit code and combined output of {@code java -jar <the -all jar> args}. */
    private static String[] java(String... args) throws IOException, InterruptedException {
        Path jar = Paths.get(System.getProperty("sqlitevec.migrate.jar"));
        assertTrue(Files.isRegularFile(jar), "no all-in-one jar at " + jar);
        List<String> command = new ArrayList<>(List.of(Paths.get(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(5, TimeUnit.MINUTES), "java -jar did not finish");
        return new String[] {Integer.toString(process.exitValue()), output};
    }
}
