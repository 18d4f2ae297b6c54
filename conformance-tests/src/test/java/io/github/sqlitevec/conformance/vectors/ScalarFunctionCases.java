package io.github.sqlitevec.conformance.vectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sqlitevec.jdbc.VectorCodec;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Cases for every scalar SQL function and the {@code vec_each} table function of sqlite-vec
 * 0.1.9, each compared with {@link ExactVectorMath}. Float32 vectors are bound as blobs through
 * {@code setObject(i, float[])} unless the case says JSON; int8 and bit vectors as
 * {@code vec_int8(?)} / {@code vec_bit(?)} over {@code setBytes}.
 */
final class ScalarFunctionCases {
    /** Covers scalar loops (dims < 16), the 16-wide SIMD blocks (16, 64, 384, 1536) and their tails (15, 17). */
    private static final int[] FLOAT_DIMENSIONS = {1, 2, 3, 8, 15, 16, 17, 64, 384, 1536};
    /** Hamming counts bytes one at a time, or 64-bit words when dims % 64 == 0. */
    private static final int[] BIT_DIMENSIONS = {8, 24, 64, 128, 1024};
    private static final Pattern SIX_DECIMALS = Pattern.compile("-?\\d+\\.\\d{6}");

    private final List<CorpusCase> cases = new ArrayList<>();
    private final SeededVectors vectors = new SeededVectors(20240901L);

    static List<CorpusCase> all() {
        ScalarFunctionCases c = new ScalarFunctionCases();
        c.versionAndDebug();
        c.lengthAndType();
        c.constructors();
        c.toJson();
        c.arithmetic();
        c.normalize();
        c.slice();
        c.quantization();
        c.floatDistances();
        c.int8Distances();
        c.hammingDistances();
        c.distanceLandmarks();
        c.each();
        return c.cases;
    }

    private void add(String name, CorpusCase.Check check) {
        cases.add(new CorpusCase(name, check));
    }

    private void versionAndDebug() {
        add("vecVersionIsV0_1_9", c -> assertEquals("v0.1.9", Sql.singleText(c, "SELECT vec_version()")));
        add("vecDebugStartsWithTheVersion",
                c -> assertTrue(Sql.singleText(c, "SELECT vec_debug()").startsWith("Version: v0.1.9")));
    }

    private void lengthAndType() {
        for (int dims : new int[] {1, 3, 8, 17, 384, 1536}) {
            float[] v = vectors.floats(dims);
            add("vecLengthOfA" + dims + "DimensionalFloat32BlobIs" + dims,
                    c -> assertEquals(dims, Sql.singleDouble(c, "SELECT vec_length(?)", (Object) v)));
        }
        for (int dims : new int[] {1, 5}) {
            String json = VectorCodec.toJson(vectors.floats(dims));
            add("vecLengthOfA" + dims + "ElementJsonArrayIs" + dims,
                    c -> assertEquals(dims, Sql.singleDouble(c, "SELECT vec_length(?)", json)));
        }
        for (int dims : new int[] {1, 4, 33}) {
            byte[] v = vectors.int8(dims);
            add("vecLengthOfA" + dims + "ByteInt8VectorIs" + dims,
                    c -> assertEquals(dims, Sql.singleDouble(c, "SELECT vec_length(vec_int8(?))", (Object) v)));
        }
        for (int bytes : new int[] {1, 2, 128}) {
            byte[] v = vectors.bits(bytes * 8);
            add("vecLengthOfA" + bytes + "ByteBitVectorIs" + bytes * 8,
                    c -> assertEquals(bytes * 8, Sql.singleDouble(c, "SELECT vec_length(vec_bit(?))", (Object) v)));
        }
        float[] f = vectors.floats(8);
        add("vecTypeOfABlobIsFloat32", c -> assertEquals("float32", Sql.singleText(c, "SELECT vec_type(?)", (Object) f)));
        add("vecTypeOfJsonIsFloat32", c -> assertEquals("float32", Sql.singleText(c, "SELECT vec_type('[1, 2]')")));
        add("vecTypeOfVecInt8IsInt8", c -> assertEquals("int8", Sql.singleText(c, "SELECT vec_type(vec_int8('[1, -2]'))")));
        add("vecTypeOfVecBitIsBit", c -> assertEquals("bit", Sql.singleText(c, "SELECT vec_type(vec_bit(X'F0'))")));
        add("vecTypeOfABinaryQuantizedVectorIsBit",
                c -> assertEquals("bit", Sql.singleText(c, "SELECT vec_type(vec_quantize_binary(?))", (Object) f)));
        add("vecTypeOfAnInt8QuantizedVectorIsInt8",
                c -> assertEquals("int8", Sql.singleText(c, "SELECT vec_type(vec_quantize_int8(?, 'unit'))", (Object) f)));
    }

    private void constructors() {
        for (int dims : new int[] {1, 4, 10}) {
            float[] v = vectors.floats(dims);
            String json = VectorCodec.toJson(v);
            add("vecF32TurnsA" + dims + "ElementJsonArrayIntoItsLittleEndianFloat32Blob",
                    c -> assertArrayEquals(littleEndianFloats(v), Sql.singleBlob(c, "SELECT vec_f32(?)", json)));
        }
        float[] blob = vectors.floats(6);
        add("vecF32ReturnsAFloat32BlobUnchanged",
                c -> assertArrayEquals(littleEndianFloats(blob), Sql.singleBlob(c, "SELECT vec_f32(?)", (Object) blob)));
        add("vecF32AcceptsWhitespaceAndExponentsInJson",
                c -> assertArrayEquals(littleEndianFloats(new float[] {1f, -0.25f, 1500f}),
                        Sql.singleBlob(c, "SELECT vec_f32(?)", "  [ 1 , -2.5e-1,1.5E3 ]")));
        add("vecF32RoundsJsonDecimalsToTheNearestFloat32",
                c -> assertArrayEquals(littleEndianFloats(new float[] {(float) 0.1, (float) 0.7}),
                        Sql.singleBlob(c, "SELECT vec_f32('[0.1, 0.7]')")));
        add("vecInt8TurnsJsonIntegersIntoSignedBytes",
                c -> assertArrayEquals(new byte[] {1, -2, 127, -128, 0},
                        Sql.singleBlob(c, "SELECT vec_int8('[1, -2, 127, -128, 0]')")));
        // sqlite-vec 0.1.9 quirk, read in its source: the JSON reader stops at the end of the text
        // without requiring the closing bracket. Pinned so a stricter parser is noticed.
        add("aJsonArrayMissingItsClosingBracketIsStillReadToTheEnd",
                c -> assertEquals(2.0, Sql.singleDouble(c, "SELECT vec_length('[1, 2')")));
        byte[] int8 = vectors.int8(12);
        add("vecInt8ReturnsAnInt8BlobUnchanged",
                c -> assertArrayEquals(int8, Sql.singleBlob(c, "SELECT vec_int8(?)", (Object) int8)));
        byte[] bits = vectors.bits(32);
        add("vecBitReturnsABitBlobUnchanged",
                c -> assertArrayEquals(bits, Sql.singleBlob(c, "SELECT vec_bit(?)", (Object) bits)));
    }

    private void toJson() {
        for (int dims : new int[] {1, 3, 16}) {
            float[] v = vectors.floats(dims);
            add("vecToJsonPrintsEachOf" + dims + "Float32ElementsWithSixDecimals", c -> {
                String json = Sql.singleText(c, "SELECT vec_to_json(?)", (Object) v);
                String[] parts = json.substring(1, json.length() - 1).split(",");
                assertEquals('[', json.charAt(0));
                assertEquals(dims, parts.length, json);
                for (int i = 0; i < dims; i++) {
                    assertTrue(SIX_DECIMALS.matcher(parts[i]).matches(), parts[i]);
                    // six decimals round to ±5e-7; the float itself is exact
                    assertEquals(v[i], Double.parseDouble(parts[i]), 5.000001e-7, "element " + i);
                }
            });
        }
        byte[] int8 = vectors.int8(9);
        add("vecToJsonPrintsInt8ElementsAsIntegers", c -> assertEquals(intJson(int8),
                Sql.singleText(c, "SELECT vec_to_json(vec_int8(?))", (Object) int8)));
        add("vecToJsonPrintsTheInt8Extremes",
                c -> assertEquals("[-128,127]", Sql.singleText(c, "SELECT vec_to_json(vec_int8('[-128, 127]'))")));
        byte[] bits = vectors.bits(24);
        add("vecToJsonPrintsBitsLeastSignificantBitOfEachByteFirst",
                c -> assertEquals(bitJson(bits), Sql.singleText(c, "SELECT vec_to_json(vec_bit(?))", (Object) bits)));
        add("vecToJsonPrintsBitsOfX01AsOneThenSevenZeros",
                c -> assertEquals("[1,0,0,0,0,0,0,0]", Sql.singleText(c, "SELECT vec_to_json(vec_bit(X'01'))")));
    }

    private void arithmetic() {
        for (int dims : new int[] {1, 4, 33, 128}) {
            float[] a = vectors.floats(dims);
            float[] b = vectors.floats(dims);
            double[] sum = new double[dims];
            double[] difference = new double[dims];
            for (int i = 0; i < dims; i++) {
                sum[i] = (double) a[i] + b[i];
                difference[i] = (double) a[i] - b[i];
            }
            add("vecAddSumsTwo" + dims + "DimensionalFloat32VectorsElementwise",
                    c -> Tolerance.assertClose(sum, Sql.singleVector(c, "SELECT vec_add(?, ?)", a, b), "vec_add"));
            add("vecSubSubtractsTwo" + dims + "DimensionalFloat32VectorsElementwise",
                    c -> Tolerance.assertClose(difference, Sql.singleVector(c, "SELECT vec_sub(?, ?)", a, b), "vec_sub"));
        }
        for (int dims : new int[] {3, 16}) {
            byte[] a = vectors.int8(dims);
            byte[] b = vectors.int8(dims);
            byte[] sum = new byte[dims];
            byte[] difference = new byte[dims];
            for (int i = 0; i < dims; i++) {
                sum[i] = (byte) (a[i] + b[i]);
                difference[i] = (byte) (a[i] - b[i]);
            }
            add("vecAddSumsTwo" + dims + "DimensionalInt8Vectors", c -> {
                assertArrayEquals(sum, Sql.singleBlob(c, "SELECT vec_add(vec_int8(?), vec_int8(?))", a, b));
                assertEquals("int8", Sql.singleText(c, "SELECT vec_type(vec_add(vec_int8(?), vec_int8(?)))", a, b));
            });
            add("vecSubSubtractsTwo" + dims + "DimensionalInt8Vectors",
                    c -> assertArrayEquals(difference, Sql.singleBlob(c, "SELECT vec_sub(vec_int8(?), vec_int8(?))", a, b)));
        }
    }

    private void normalize() {
        for (int dims : new int[] {1, 2, 3, 16, 384}) {
            float[] v = vectors.floats(dims);
            double[] unit = ExactVectorMath.normalize(v);
            add("vecNormalizeScalesA" + dims + "DimensionalVectorToLengthOne", c -> {
                float[] actual = Sql.singleVector(c, "SELECT vec_normalize(?)", (Object) v);
                Tolerance.assertClose(unit, actual, "vec_normalize");
                double norm = 0;
                for (float x : actual) {
                    norm += (double) x * x;
                }
                Tolerance.assertClose(1.0, Math.sqrt(norm), "length of the normalized vector");
            });
        }
        add("vecNormalizeOfThreeFourIsPointSixPointEight", c -> Tolerance.assertClose(new double[] {0.6, 0.8},
                Sql.singleVector(c, "SELECT vec_normalize('[3, 4]')"), "vec_normalize([3,4])"));
    }

    private void slice() {
        float[] v = vectors.floats(17);
        int[][] ranges = {{0, 1}, {1, 3}, {0, 17}, {5, 17}};
        for (int[] r : ranges) {
            float[] expected = java.util.Arrays.copyOfRange(v, r[0], r[1]);
            add("vecSliceFrom" + r[0] + "To" + r[1] + "OfAFloat32VectorKeepsThoseElements",
                    c -> assertArrayEquals(expected, Sql.singleVector(c, "SELECT vec_slice(?, ?, ?)", v, r[0], r[1])));
        }
        byte[] int8 = vectors.int8(10);
        add("vecSliceOfAnInt8VectorKeepsInt8Elements", c -> {
            assertArrayEquals(java.util.Arrays.copyOfRange(int8, 2, 7),
                    Sql.singleBlob(c, "SELECT vec_slice(vec_int8(?), 2, 7)", (Object) int8));
            assertEquals("int8", Sql.singleText(c, "SELECT vec_type(vec_slice(vec_int8(?), 2, 7))", (Object) int8));
        });
        add("vecSliceOfAnInt8VectorFromZeroToOneIsTheFirstElement",
                c -> assertArrayEquals(new byte[] {int8[0]}, Sql.singleBlob(c, "SELECT vec_slice(vec_int8(?), 0, 1)", (Object) int8)));
        byte[] bits = vectors.bits(32);
        add("vecSliceOfABitVectorOnByteBoundariesKeepsThoseBytes", c -> {
            assertArrayEquals(java.util.Arrays.copyOfRange(bits, 1, 3),
                    Sql.singleBlob(c, "SELECT vec_slice(vec_bit(?), 8, 24)", (Object) bits));
            assertEquals(16.0, Sql.singleDouble(c, "SELECT vec_length(vec_slice(vec_bit(?), 8, 24))", (Object) bits));
        });
        add("vecSliceOfAJsonVectorWorksLikeABlob", c -> assertArrayEquals(new float[] {2f, 3f},
                Sql.singleVector(c, "SELECT vec_slice('[1, 2, 3, 4]', 1, 3)")));
    }

    private void quantization() {
        for (int dims : new int[] {8, 16, 64, 264}) {
            float[] v = vectors.floats(dims);
            add("vecQuantizeBinaryOf" + dims + "FloatsSetsTheBitsOfThePositiveOnes",
                    c -> assertArrayEquals(ExactVectorMath.quantizeBinary(v),
                            Sql.singleBlob(c, "SELECT vec_quantize_binary(?)", (Object) v)));
        }
        for (int dims : new int[] {8, 24}) {
            byte[] int8 = vectors.int8(dims);
            add("vecQuantizeBinaryOf" + dims + "Int8ValuesSetsTheBitsOfThePositiveOnes",
                    c -> assertArrayEquals(ExactVectorMath.quantizeBinary(int8),
                            Sql.singleBlob(c, "SELECT vec_quantize_binary(vec_int8(?))", (Object) int8)));
        }
        add("vecQuantizeBinaryTreatsZeroAsNotPositive", c -> assertArrayEquals(new byte[] {(byte) 0b1000_0010},
                Sql.singleBlob(c, "SELECT vec_quantize_binary('[0, 0.5, 0, -1, -0.0, 0, 0, 3]')")));
        for (int dims : new int[] {1, 8, 100}) {
            float[] v = vectors.floatsClearOfQuantizationSteps(dims);
            add("vecQuantizeInt8UnitMaps" + dims + "FloatsOntoInt8Steps",
                    c -> assertArrayEquals(ExactVectorMath.quantizeUnit(v),
                            Sql.singleBlob(c, "SELECT vec_quantize_int8(?, 'unit')", (Object) v)));
        }
        float[] v = vectors.floatsClearOfQuantizationSteps(12);
        add("vecQuantizeInt8AcceptsUnitInAnyCase", c -> assertArrayEquals(ExactVectorMath.quantizeUnit(v),
                Sql.singleBlob(c, "SELECT vec_quantize_int8(?, 'UNIT')", (Object) v)));
        // -1 and 1 themselves sit exactly on a step, where float32 rounding decides; stay clear of them
        float[] outside = {-3f, -1.5f, 1.5f, 2.5f, 0.999f};
        add("vecQuantizeInt8ClampsValuesOutsideTheUnitRange", c -> {
            byte[] expected = ExactVectorMath.quantizeUnit(outside);
            assertArrayEquals(new byte[] {-128, -128, 127, 127, 126}, expected, "oracle");
            assertArrayEquals(expected, Sql.singleBlob(c, "SELECT vec_quantize_int8(?, 'unit')", (Object) outside));
        });
    }

    private void floatDistances() {
        for (Metric metric : Metric.values()) {
            for (int dims : FLOAT_DIMENSIONS) {
                float[] a = vectors.floats(dims);
                float[] b = vectors.floats(dims);
                double expected = ExactVectorMath.distance(metric, a, b);
                add(metric.scalarFunction() + "Of" + dims + "DimensionalFloat32BlobsMatchesTheOracle",
                        c -> Tolerance.assertClose(expected,
                                Sql.singleDouble(c, "SELECT " + metric.scalarFunction() + "(?, ?)", a, b), metric.scalarFunction()));
            }
            float[] a = vectors.floats(5);
            float[] b = vectors.floats(5);
            double expected = ExactVectorMath.distance(metric, a, b);
            add(metric.scalarFunction() + "OfJsonTextMatchesTheOracle",
                    c -> Tolerance.assertClose(expected, Sql.singleDouble(c, "SELECT " + metric.scalarFunction() + "(?, ?)",
                            VectorCodec.toJson(a), VectorCodec.toJson(b)), metric.scalarFunction()));
            add(metric.scalarFunction() + "OfABlobAndJsonTextMatchesTheOracle",
                    c -> Tolerance.assertClose(expected, Sql.singleDouble(c, "SELECT " + metric.scalarFunction() + "(?, ?)",
                            a, VectorCodec.toJson(b)), metric.scalarFunction()));
        }
    }

    private void int8Distances() {
        for (Metric metric : Metric.values()) {
            for (int dims : new int[] {1, 16, 100}) {
                byte[] a = vectors.int8(dims);
                byte[] b = vectors.int8(dims);
                if (dims == 1) {
                    a[0] = 37; // a one-element cosine needs non-zero elements
                    b[0] = -5;
                }
                double expected = ExactVectorMath.distance(metric, a, b);
                add(metric.scalarFunction() + "Of" + dims + "DimensionalInt8VectorsMatchesTheOracle",
                        c -> Tolerance.assertClose(expected, Sql.singleDouble(c,
                                "SELECT " + metric.scalarFunction() + "(vec_int8(?), vec_int8(?))", a, b), metric.scalarFunction()));
            }
        }
        add("vecDistanceL1OfInt8VectorsIsAnInteger", c -> assertEquals("integer",
                Sql.singleText(c, "SELECT typeof(vec_distance_l1(vec_int8('[1, 2]'), vec_int8('[4, 6]')))")));
    }

    private void hammingDistances() {
        for (int dims : BIT_DIMENSIONS) {
            byte[] a = vectors.bits(dims);
            byte[] b = vectors.bits(dims);
            int expected = ExactVectorMath.hamming(a, b);
            add("vecDistanceHammingOf" + dims + "BitVectorsCountsTheDifferingBits",
                    c -> assertEquals(expected, Sql.singleDouble(c, "SELECT vec_distance_hamming(vec_bit(?), vec_bit(?))", a, b)));
        }
        float[] a = vectors.floats(64);
        float[] b = vectors.floats(64);
        add("vecDistanceHammingOfBinaryQuantizedFloatsCountsSignDisagreements", c -> {
            int expected = ExactVectorMath.hamming(ExactVectorMath.quantizeBinary(a), ExactVectorMath.quantizeBinary(b));
            assertEquals(expected, Sql.singleDouble(c,
                    "SELECT vec_distance_hamming(vec_quantize_binary(?), vec_quantize_binary(?))", a, b));
        });
    }

    private void distanceLandmarks() {
        float[] v = vectors.floats(32);
        float[] opposite = new float[v.length];
        float[] doubled = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            opposite[i] = -v[i];
            doubled[i] = 2 * v[i];
        }
        add("l2DistanceOfAVectorToItselfIsZero",
                c -> assertEquals(0.0, Sql.singleDouble(c, "SELECT vec_distance_l2(?, ?)", v, v)));
        add("cosineDistanceOfParallelVectorsIsZero",
                c -> Tolerance.assertClose(0.0, Sql.singleDouble(c, "SELECT vec_distance_cosine(?, ?)", v, doubled), "cosine"));
        add("cosineDistanceOfOppositeVectorsIsTwo",
                c -> Tolerance.assertClose(2.0, Sql.singleDouble(c, "SELECT vec_distance_cosine(?, ?)", v, opposite), "cosine"));
        add("cosineDistanceOfOrthogonalVectorsIsOne",
                c -> Tolerance.assertClose(1.0, Sql.singleDouble(c, "SELECT vec_distance_cosine('[1, 0, 0]', '[0, 5, 0]')"), "cosine"));
        add("l2DistanceOfThreeFourTriangleIsFive",
                c -> Tolerance.assertClose(5.0, Sql.singleDouble(c, "SELECT vec_distance_l2('[0, 0]', '[3, 4]')"), "l2"));
        // 0/0 is NaN, which SQLite stores as NULL: the zero vector has no direction
        add("cosineDistanceToTheZeroVectorIsNull",
                c -> assertNull(Sql.single(c, "SELECT vec_distance_cosine('[0, 0]', '[1, 1]')")));
        add("distancesAreSymmetric", c -> {
            float[] w = vectors.floats(32);
            for (Metric m : Metric.values()) {
                assertEquals(Sql.singleDouble(c, "SELECT " + m.scalarFunction() + "(?, ?)", v, w),
                        Sql.singleDouble(c, "SELECT " + m.scalarFunction() + "(?, ?)", w, v), 1e-6, m.name());
            }
        });
    }

    private void each() {
        float[] v = vectors.floats(7);
        add("vecEachYieldsOneRowPerFloat32ElementInOrder", c -> {
            List<Object[]> rows = Sql.rows(c, "SELECT rowid, value FROM vec_each(?) ORDER BY rowid", (Object) v);
            assertEquals(v.length, rows.size());
            for (int i = 0; i < v.length; i++) {
                assertEquals(i, ((Number) rows.get(i)[0]).intValue());
                assertEquals(v[i], ((Number) rows.get(i)[1]).doubleValue(), 0.0, "element " + i);
            }
        });
        byte[] int8 = vectors.int8(6);
        add("vecEachYieldsInt8ElementsAsIntegers", c -> {
            List<Object[]> rows = Sql.rows(c, "SELECT value FROM vec_each(vec_int8(?)) ORDER BY rowid", (Object) int8);
            assertEquals(int8.length, rows.size());
            for (int i = 0; i < int8.length; i++) {
                assertEquals(int8[i], ((Number) rows.get(i)[0]).intValue(), "element " + i);
            }
        });
        add("vecEachSumsToTheSumOfTheElements", c -> Tolerance.assertClose(sum(v),
                Sql.singleDouble(c, "SELECT sum(value) FROM vec_each(?)", (Object) v), "sum"));
        // sqlite-vec 0.1.9 quirk, read in its source: vec_each walks the bits of each byte from
        // the most significant one, while vec_to_json, vec_quantize_binary and hamming start at
        // the least significant one. This case pins the quirk so a change is noticed.
        add("vecEachOverABitVectorReadsEachByteMostSignificantBitFirst", c -> {
            List<Object[]> rows = Sql.rows(c, "SELECT value FROM vec_each(vec_bit(X'01')) ORDER BY rowid");
            assertEquals(8, rows.size());
            for (int i = 0; i < 8; i++) {
                assertEquals(i == 7 ? 1 : 0, ((Number) rows.get(i)[0]).intValue(), "bit " + i);
            }
        });
    }

    private static double sum(float[] v) {
        double s = 0;
        for (float x : v) {
            s += x;
        }
        return s;
    }

    static byte[] littleEndianFloats(float[] v) {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(v.length * 4).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        for (float x : v) {
            b.putFloat(x);
        }
        return b.array();
    }

    private static String intJson(byte[] v) {
        StringBuilder s = new StringBuilder("[");
        for (int i = 0; i < v.length; i++) {
            s.append(i == 0 ? "" : ",").append(v[i]);
        }
        return s.append(']').toString();
    }

    private static String bitJson(byte[] bits) {
        StringBuilder s = new StringBuilder("[");
        for (int i = 0; i < bits.length * 8; i++) {
            s.append(i == 0 ? "" : ",").append(ExactVectorMath.bit(bits, i) ? 1 : 0);
        }
        return s.append(']').toString();
    }
}
