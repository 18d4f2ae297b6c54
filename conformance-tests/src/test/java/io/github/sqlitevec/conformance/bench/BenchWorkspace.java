package io.github.sqlitevec.conformance.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Where benchmarks put their files: under the build directory ({@code -Dbench.dir}, set by the
 * {@code bench} profile), never in the source tree, and removed again when a benchmark ends.
 */
final class BenchWorkspace {
    private BenchWorkspace() {}

    /** The root, e.g. {@code target/bench}; the official binary's cache lives here and is kept between runs. */
    static Path root() throws IOException {
        Path root = Paths.get(System.getProperty("bench.dir", "target/bench")).toAbsolutePath();
        Files.createDirectories(root);
        return root;
    }

    /**
     * Fails unless the driver under measurement is the one built from this checkout: with
     * {@code -pl conformance-tests} but without {@code -am}, Maven takes sqlitevec-jdbc from the
     * local repository, whose natives may be any older build (it happened: a scale run measured
     * a jar installed before the top-k patch).
     */
    static void requireDriverFromThisBuild() {
        String jar = String.valueOf(io.github.sqlitevec.jdbc.SqliteVecDriver.class.getProtectionDomain().getCodeSource().getLocation());
        if (jar.contains("/.m2/")) {
            throw new IllegalStateException("the benchmark would measure " + jar + ", not this checkout's driver; "
                    + "run it with -pl conformance-tests -am");
        }
    }

    /** A fresh directory for one benchmark's database files. */
    static Path scratch(String name) throws IOException {
        requireDriverFromThisBuild();
        return Files.createTempDirectory(root(), name + "-");
    }

    static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
