package io.github.sqlitevec.jdbc.internal.natives;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Whether this x86_64 CPU runs x86-64-v3 code (AVX2, FMA, BMI1/2, F16C, LZCNT, MOVBE), so the
 * faster sqlite-vec build can be chosen. Any doubt answers "no": the baseline build runs everywhere.
 */
final class CpuFeatures {
    private static final List<String> X86_64_V3_FLAGS =
            Arrays.asList("avx", "avx2", "fma", "bmi1", "bmi2", "f16c", "movbe", "abm");

    private CpuFeatures() {}

    static boolean supportsX86_64_v3() {
        Boolean fromCpuinfo = fromProcCpuinfo();
        return fromCpuinfo != null ? fromCpuinfo : fromHotSpot();
    }

    /** Linux lists a flag only when both the CPU and the kernel support it (AVX needs OS-saved state). */
    private static Boolean fromProcCpuinfo() {
        try {
            for (String line : Files.readAllLines(Paths.get("/proc/cpuinfo"))) {
                if (line.startsWith("flags")) {
                    Set<String> flags = new HashSet<>(Arrays.asList(line.substring(line.indexOf(':') + 1).trim().split("\\s+")));
                    return flags.containsAll(X86_64_V3_FLAGS);
                }
            }
            return null;
        } catch (IOException | RuntimeException notLinux) {
            return null;
        }
    }

    /**
     * Elsewhere, HotSpot's own CPU probe: it enables UseAVX=2 and UseFMA only when CPU and OS allow
     * them. A runtime without jdk.management (jlink images, other VMs) fails to link here: baseline.
     */
    private static boolean fromHotSpot() {
        try {
            HotSpotDiagnosticMXBean bean = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            return Integer.parseInt(bean.getVMOption("UseAVX").getValue()) >= 2
                    && Boolean.parseBoolean(bean.getVMOption("UseFMA").getValue());
        } catch (RuntimeException | LinkageError notHotSpot) {
            return false;
        }
    }
}
