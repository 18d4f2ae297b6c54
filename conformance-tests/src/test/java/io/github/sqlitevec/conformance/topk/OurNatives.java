package io.github.sqlitevec.conformance.topk;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Our x86-64 Linux natives that this CPU can run, copied out of the driver jar to be loaded by path. */
final class OurNatives {
    private static final String NATIVES = "/META-INF/sqlitevec/natives/0.1.9/";

    private OurNatives() {}

    /** Platform id to library file: linux-x86_64 always, linux-x86_64-v3 where the CPU has AVX2/FMA. */
    static Map<String, Path> extract(Path dir) throws IOException {
        Map<String, Path> builds = new LinkedHashMap<>();
        builds.put("linux-x86_64", extract(dir, "linux-x86_64"));
        if (cpuHasX8664V3()) {
            builds.put("linux-x86_64-v3", extract(dir, "linux-x86_64-v3"));
        }
        return builds;
    }

    /** Plain sqlite-jdbc with one of our natives loaded by path, the way the official binary is. */
    static Connection open(Path db, Path library) throws SQLException {
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + db + "?enable_load_extension=true");
        try (PreparedStatement load = c.prepareStatement("SELECT load_extension(?, 'sqlite3_vec_init')")) {
            load.setString(1, library.toString());
            load.executeQuery().close();
        }
        return c;
    }

    private static Path extract(Path dir, String platform) throws IOException {
        try (InputStream in = OurNatives.class.getResourceAsStream(NATIVES + platform + "/vec0.so")) {
            if (in == null) {
                throw new IOException("the driver jar has no " + NATIVES + platform + "/vec0.so");
            }
            Path file = Files.createTempDirectory(dir, platform).resolve("vec0.so");
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        }
    }

    private static boolean cpuHasX8664V3() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
            if (line.startsWith("flags")) {
                Set<String> flags = Set.of(line.substring(line.indexOf(':') + 1).trim().split("\\s+"));
                return flags.containsAll(Set.of("avx", "avx2", "fma", "bmi1", "bmi2", "f16c", "movbe"));
            }
        }
        return false;
    }
}
