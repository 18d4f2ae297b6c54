package io.github.sqlitevec.conformance.topk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlitevec.conformance.bench.OfficialSqliteVec;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Build flags change no SQL function result outside the distance loops: on random real-valued
 * vectors (1 to 1536 dimensions), vec_normalize, vec_quantize_int8, vec_quantize_binary,
 * vec_add, vec_sub, vec_slice and vec_to_json return bit-identical results from each of our
 * x86-64 builds (and {@code jdbc:sqlitevec:}) and from the official 0.1.9 binary. Our baseline
 * build, which does not reassociate at all, also returns bit-identical distances. (The
 * x86-64-v3 build sums long distance loops in another order; its distances are checked exactly
 * on the documented examples by the driver's DocumentedExamplesTest, and on exact integer data
 * by {@link TopKDifferentialTest}.) Part of the default test run.
 */
class ScalarFunctionsDifferentialTest {
    private static final String[] FUNCTIONS = {
        "hex(vec_normalize(?1))",
        "hex(vec_quantize_int8(?1, 'unit'))",
        "hex(vec_quantize_binary(vec_slice(?1, 0, ?3)))",
        "hex(vec_add(?1, ?2))",
        "hex(vec_sub(?1, ?2))",
        "hex(vec_slice(?1, ?3 / 8, ?3))",
        "vec_to_json(?1)",
    };
    private static final String[] DISTANCES = {
        "vec_distance_l2(?1, ?2)", "vec_distance_l1(?1, ?2)", "vec_distance_cosine(?1, ?2)",
        "vec_distance_l2(vec_quantize_int8(?1, 'unit'), vec_quantize_int8(?2, 'unit'))",
        "vec_distance_cosine(vec_quantize_int8(?1, 'unit'), vec_quantize_int8(?2, 'unit'))",
    };

    @TempDir
    Path dir;

    @Test
    void everyBuildReturnsTheOfficialBitsForRandomVectors() throws Exception {
        OfficialSqliteVec official = OfficialSqliteVec.fetch();
        Map<String, Path> builds = OurNatives.extract(dir);
        Path db = dir.resolve("scalar.db");
        Random random = new Random(1536);
        int compared = 0;
        try (Connection reference = official.open(db);
                Connection driver = DriverManager.getConnection("jdbc:sqlitevec:" + db);
                Connection baseline = OurNatives.open(db, builds.get("linux-x86_64"));
                Connection v3 = builds.containsKey("linux-x86_64-v3")
                        ? OurNatives.open(db, builds.get("linux-x86_64-v3")) : null) {
            List<Connection> ours = new ArrayList<>(List.of(driver, baseline));
            if (v3 != null) {
                ours.add(v3);
            }
            for (int i = 0; i < 400; i++) {
                int dims = 8 * (1 + random.nextInt(i % 10 == 0 ? 192 : 16));
                byte[] a = vector(random, dims);
                byte[] b = vector(random, dims);
                for (String f : FUNCTIONS) {
                    String expected = eval(reference, f, a, b, dims);
                    for (Connection c : ours) {
                        assertEquals(expected, eval(c, f, a, b, dims), f + " on " + dims + " dimensions, vector " + i);
                        compared++;
                    }
                }
                for (String d : DISTANCES) {
                    assertEquals(eval(reference, d, a, b, dims), eval(baseline, d, a, b, dims),
                            "linux-x86_64: " + d + " on " + dims + " dimensions, vector " + i);
                    compared++;
                }
            }
        }
        System.out.println("scalar functions differential: " + compared + " results bit-identical to the official binary");
    }

    private static String eval(Connection c, String expression, byte[] a, byte[] b, int dims) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT " + expression)) {
            p.setBytes(1, a);
            if (expression.contains("?2")) {
                p.setBytes(2, b);
            }
            if (expression.contains("?3")) {
                p.setInt(3, dims);
            }
            try (ResultSet rs = p.executeQuery()) {
                rs.next();
                Object value = rs.getObject(1);
                return value instanceof Double d ? Long.toHexString(Double.doubleToLongBits(d)) : String.valueOf(value);
            }
        }
    }

    /** Gaussian components with random scales, so sums are inexact and rounding order shows. */
    private static byte[] vector(Random random, int dims) {
        ByteBuffer buffer = ByteBuffer.allocate(4 * dims).order(ByteOrder.LITTLE_ENDIAN);
        double scale = Math.pow(10, random.nextInt(5) - 2);
        for (int i = 0; i < dims; i++) {
            buffer.putFloat((float) (random.nextGaussian() * scale));
        }
        return buffer.array();
    }
}
