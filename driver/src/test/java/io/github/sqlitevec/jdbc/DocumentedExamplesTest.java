package io.github.sqlitevec.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The examples of sqlite-vec 0.1.9's SQL API reference give, bit for bit, the results it documents
 * (which are also what the official release binary returns), on whichever native this machine
 * loads — the x86-64-v3 build on a CPU with AVX2/FMA. Build flags must not change a documented
 * result: our builds reassociate only inside the distance loops and never fuse a multiply and an
 * add (zig-cross/patches/0002, {@code -ffp-contract=off}). Blobs are compared as hex, distances as
 * exact doubles.
 */
class DocumentedExamplesTest {
    static Connection connection;

    @BeforeAll
    static void open() throws SQLException {
        connection = DriverManager.getConnection("jdbc:sqlitevec::memory:");
    }

    @AfterAll
    static void close() throws SQLException {
        connection.close();
    }

    static Stream<Arguments> blobs() {
        return Stream.of(
                Arguments.of("vec_f32('[.1, .2, .3, 4]')", "CDCCCC3DCDCC4C3E9A99993E00008040"),
                Arguments.of("vec_int8('[1, 2, 3, 4]')", "01020304"),
                Arguments.of("vec_bit(X'F0')", "F0"),
                Arguments.of("vec_add('[.1, .2, .3]', '[.4, .5, .6]')", "0000003F3333333F6766663F"),
                Arguments.of("vec_sub('[.1, .2, .3]', '[.4, .5, .6]')", "9A9999BE9A9999BE9A9999BE"),
                Arguments.of("vec_normalize('[2, 3, 1, -4]')", "BAF4BA3E8B370C3FBAF43A3EBAF43ABF"),
                Arguments.of("vec_slice('[1, 2,3, 4]', 0, 2)", "0000803F00000040"),
                Arguments.of("vec_quantize_binary('[1, 2, 3, 4, 5, 6, 7, 8]')", "FF"),
                Arguments.of("vec_quantize_binary('[1, 2, 3, 4, -5, -6, -7, -8]')", "0F"),
                Arguments.of("vec_quantize_binary('[-1, -2, -3, -4, -5, -6, -7, -8]')", "00"));
    }

    static Stream<Arguments> texts() {
        return Stream.of(
                Arguments.of("vec_to_json(vec_f32(X'AABBCCDD'))", "[-1844071490169864000.000000]"),
                Arguments.of("vec_to_json(vec_int8(X'AABBCCDD'))", "[-86,-69,-52,-35]"),
                Arguments.of("vec_to_json(vec_bit(X'F0'))", "[0,0,0,0,1,1,1,1]"),
                Arguments.of("vec_to_json(vec_add('[.1, .2, .3]', '[.4, .5, .6]'))", "[0.500000,0.700000,0.900000]"),
                Arguments.of("vec_to_json(vec_add(vec_int8('[1, 2, 3]'), vec_int8('[4, 5, 6]')))", "[5,7,9]"),
                Arguments.of("vec_to_json(vec_sub('[.1, .2, .3]', '[.4, .5, .6]'))", "[-0.300000,-0.300000,-0.300000]"),
                Arguments.of("vec_to_json(vec_normalize('[2, 3, 1, -4]'))", "[0.365148,0.547723,0.182574,-0.730297]"),
                Arguments.of("vec_to_json(vec_normalize(vec_slice('[2, 3, 1, -4]', 0, 2)))", "[0.554700,0.832050]"),
                Arguments.of("vec_to_json(vec_slice('[1, 2,3, 4]', 2, 4))", "[3.000000,4.000000]"),
                Arguments.of("vec_to_json('[1,2,3,4]')", "[1.000000,2.000000,3.000000,4.000000]"),
                Arguments.of("vec_type(vec_int8(X'AABBCCDD'))", "int8"),
                Arguments.of("vec_length(vec_bit(X'AABBCCDD'))", "32"));
    }

    static Stream<Arguments> distances() {
        return Stream.of(
                Arguments.of("vec_distance_L2('[1, 1]', '[2, 2]')", 1.4142135381698608),
                Arguments.of("vec_distance_L2('[1, 1]', '[-2, -2]')", 4.242640495300293),
                Arguments.of("vec_distance_L2('[1.1, 2.2, 3.3]', '[4.4, 5.5, 6.6]')", 5.7157673835754395),
                Arguments.of("vec_distance_L2(X'AABBCCDD', X'00112233')", 1844071490169864200.0),
                Arguments.of("vec_distance_cosine('[1, 1]', '[2, 2]')", 2.220446049250313e-16),
                Arguments.of("vec_distance_cosine('[1, 1]', '[-2, -2]')", 2.0),
                Arguments.of("vec_distance_cosine('[1.1, 2.2, 3.3]', '[4.4, 5.5, 6.6]')", 0.02536807395517826),
                Arguments.of("vec_distance_cosine(X'AABBCCDD', X'00112233')", 2.0),
                Arguments.of("vec_distance_hamming(vec_bit(X'00'), vec_bit(X'FF'))", 8.0),
                Arguments.of("vec_distance_hamming(vec_bit(X'FF'), vec_bit(X'FF'))", 0.0),
                Arguments.of("vec_distance_hamming(vec_bit(X'F0'), vec_bit(X'44'))", 4.0));
    }

    @ParameterizedTest(name = "{0} = X''{1}''")
    @MethodSource("blobs")
    void blobResultIsTheDocumentedOne(String expression, String hex) throws SQLException {
        assertEquals(hex, text("hex(" + expression + ")"));
    }

    @ParameterizedTest(name = "{0} = ''{1}''")
    @MethodSource("texts")
    void textResultIsTheDocumentedOne(String expression, String text) throws SQLException {
        assertEquals(text, text(expression));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("distances")
    void distanceIsTheDocumentedDouble(String expression, double expected) throws SQLException {
        double got = number(expression);
        assertEquals(Double.doubleToLongBits(expected), Double.doubleToLongBits(got),
                () -> expression + " returned " + got + ", sqlite-vec documents " + expected);
    }

    private static double number(String expression) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT " + expression)) {
            rs.next();
            return rs.getDouble(1);
        }
    }

    private static String text(String expression) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT " + expression)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
