package io.github.sqlitevec.jdbc.internal.connection;

import java.util.Locale;

/**
 * The {@code mmap_size} the driver applies when the URL and Properties do not choose one.
 *
 * <p>Why a default at all: sqlite-jdbc leaves SQLite's {@code mmap_size} at 0, so a {@code vec0}
 * scan copies every page through the page cache. Measured side by side (docs/benchmarks.md), a
 * 4 GiB mapping made float32 KNN 2.7–3.1× faster at 10k–100k rows and 384–1536 dimensions, the
 * largest single lever we found. The mapping is address space, not memory: SQLite maps at most
 * the file's size. The cost, documented in the README: with memory-mapped I/O a failing disk or a
 * file truncated behind SQLite's back raises a signal instead of an error, which ends the JVM.
 * Users opt out with {@code mmap_size=0}. 32-bit JVMs get no default: 4 GiB of address space is
 * all they have.
 */
final class MemoryMapping {
    static final String DEFAULT_MMAP_SIZE = Long.toString(4L << 30);

    private MemoryMapping() {}

    static boolean worthDefaulting() {
        String model = System.getProperty("sun.arch.data.model", "");
        if (!model.isEmpty()) {
            return model.equals("64");
        }
        return System.getProperty("os.arch", "").toLowerCase(Locale.ROOT).contains("64");
    }
}
