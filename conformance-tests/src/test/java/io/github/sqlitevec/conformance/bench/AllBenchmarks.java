package io.github.sqlitevec.conformance.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * Every benchmark of docs/benchmarks.md in one run (about 15 minutes on 2 cores); prints the
 * markdown tables on stdout, progress on stderr.
 *
 * <pre>./mvnw -B -pl conformance-tests -am -Pbench verify -DskipTests -Dbench.main=io.github.sqlitevec.conformance.bench.AllBenchmarks</pre>
 */
public final class AllBenchmarks {
    private AllBenchmarks() {}

    public static void main(String[] args) throws Exception {
        Instant start = Instant.now();
        System.out.println("java " + System.getProperty("java.runtime.version") + " (" + System.getProperty("java.vm.name")
                + "), " + Runtime.getRuntime().availableProcessors() + " CPUs; load average at start: " + loadAverage());
        System.out.println(ConnectionOpenBenchmark.table(ConnectionOpenBenchmark.measure()));
        System.out.println(BulkInsertBenchmark.run());
        KnnBenchmark knn = KnnBenchmark.run();
        System.out.println(knn.latency);
        System.out.println(knn.mmap);
        System.out.println(knn.recall);
        System.out.println(knn.pageSize);
        System.out.println(knn.setup);
        System.out.println("load average at end: " + loadAverage() + "; total " + Duration.between(start, Instant.now()).toSeconds() + " s");
    }

    /** The 1, 5 and 15 minute load averages (Linux), or what the JVM knows elsewhere. */
    static String loadAverage() throws Exception {
        Path proc = Path.of("/proc/loadavg");
        if (Files.isReadable(proc)) {
            String[] parts = Files.readString(proc).trim().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        }
        return String.valueOf(java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
}
