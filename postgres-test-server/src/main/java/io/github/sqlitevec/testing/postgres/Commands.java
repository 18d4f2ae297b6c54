package io.github.sqlitevec.testing.postgres;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs an external command to completion, its output in a file, and fails with that output's tail. */
final class Commands {

    private Commands() {}

    /**
     * Runs {@code command} in {@code workDir}; stdout and stderr go to {@code output} (so no pipe can be
     * held open by a daemon the command leaves behind, such as the postmaster pg_ctl starts).
     */
    static void run(List<String> command, Path workDir, Path output, long timeoutSeconds) {
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        scrubEnvironment(builder.environment());
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command.get(0) + " (" + e.getMessage()
                    + "); the PostgreSQL test server needs it on the PATH", e);
        }
        try {
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish within "
                        + timeoutSeconds + " s; its output:\n" + tail(output, 40));
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + String.join(" ", command), e);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed with exit code "
                    + process.exitValue() + "; its output:\n" + tail(output, 40));
        }
    }

    /** PG* variables of the caller's environment would steer initdb/pg_ctl/psql away from our cluster. */
    static void scrubEnvironment(Map<String, String> environment) {
        environment.keySet().removeIf(name -> name.startsWith("PG"));
        environment.put("LC_ALL", "C");
    }

    /** The last {@code lines} lines of a text file, or a note saying why there are none. */
    static String tail(Path file, int lines) {
        try {
            if (!Files.exists(file)) {
                return "(no output: " + file + " was not written)";
            }
            // Decoded leniently: a log tail must never fail on a stray byte.
            List<String> all = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).lines().toList();
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(cannot read " + file + ": " + e.getMessage() + ")";
        }
    }
}
