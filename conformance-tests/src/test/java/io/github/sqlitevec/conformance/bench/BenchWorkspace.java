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

    /** A fresh directory for one benchmark's database files. */
    static Path scratch(String name) throws IOException {
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
