package io.github.sqlitevec.conformance.bench;

/**
 * The single-core memory-bandwidth bound: the time one core needs just to stream the bytes a
 * KNN query must look at, by summing an int[] of that many bytes. HotSpot's C2 compiles this
 * loop to AVX2 vector adds (an int sum may be reordered; a float sum may not, so it would stay
 * scalar), so it runs at the speed of the memory system, not of the arithmetic. The array lives
 * in RAM like SQLite's page cache; for small sizes both sit in the 32 MiB L3 instead.
 */
final class MemoryScan {
    private static volatile int sink; // keeps the JIT from dropping the loop

    private final int[] data;

    MemoryScan(long maxBytes) {
        data = new int[Math.toIntExact(maxBytes / 4)];
        for (int i = 0; i < data.length; i++) {
            data[i] = i; // touch every page, so the scan does not measure page faults
        }
    }

    /** Reads the first {@code bytes} bytes once. */
    void scan(long bytes) {
        sink = sum(data, Math.toIntExact(bytes / 4));
    }

    private static int sum(int[] a, int n) {
        int s = 0;
        for (int i = 0; i < n; i++) {
            s += a[i];
        }
        return s;
    }
}
