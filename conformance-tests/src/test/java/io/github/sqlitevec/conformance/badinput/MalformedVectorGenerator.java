package io.github.sqlitevec.conformance.badinput;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Deterministic stream of mostly malformed vectors, each classified by an oracle as valid or not.
 *
 * <p>How inputs are classified (sqlite-vec 0.1.9 and this driver):
 * <ul>
 *   <li>{@code float[]} through {@code setObject}: valid iff every element is finite and the length
 *       fits the target; the driver refuses NaN, infinities and empty arrays itself (SQLState 22000,
 *       documented on {@code VectorCodec.toFloat32Blob}).</li>
 *   <li>Raw blobs: valid iff the <em>length</em> fits the target (32 bytes for float[8], 8 for int8[8],
 *       1 for bit[8], any positive multiple of 4 for {@code vec_length}). The bytes are not inspected:
 *       the driver passes blobs through and sqlite-vec stores NaN and infinity bit patterns (a finding
 *       pinned by {@link SqliteVecLeniencyTest}), so a 32-byte blob with NaN in it <em>is</em> valid.</li>
 *   <li>JSON text: only two shapes are generated — well-formed arrays of finite numbers (valid iff
 *       the count fits; for int8 every number must also be an integer in [-128, 127]), and breakages
 *       that sqlite-vec 0.1.9 certainly rejects (bad element tokens, empty arrays, nesting, text not
 *       starting with {@code [}). sqlite-vec's parser accepts several malformed spellings (a missing
 *       {@code ]}, trailing text, {@code NaN}, space-separated numbers); those are not fuzzed but listed
 *       in {@link SqliteVecLeniencyTest}. {@code vec_bit} accepts no text at all.</li>
 *   <li>Numbers, booleans and NULL where a vector is needed: never valid.</li>
 *   <li>SQL literals: a blob or string literal is classified like the bound value; an unquoted
 *       {@code [1,2]} is an identifier in SQLite (no such column, 42703) and an unterminated quote a
 *       syntax error (42601).</li>
 * </ul>
 */
final class MalformedVectorGenerator {

    /** Element tokens sqlite-vec 0.1.9 rejects inside a JSON array (checked one by one). */
    static final List<String> BAD_ELEMENTS = List.of("true", "false", "null", "\"a\"", "[1]", "{}", "1e999", "-1e999",
            "abc", "--1", "1e", "e1", ".", "-", "+", "0x", "'1'", "1_0", "Ø", "1e+", "\"\"", "[]");

    /** Whole texts sqlite-vec 0.1.9 rejects, whatever the target. */
    static final List<String> BAD_SHAPES = List.of("[]", "[ ]", "[", "[[1,2,3,4,5,6,7,8]]", "[,1,2,3,4,5,6,7,8]",
            "[1;2;3;4;5;6;7;8]", "");

    private static final VectorTarget[] TARGETS = VectorTarget.values();

    private final Random random;
    private int index;

    MalformedVectorGenerator(long seed) {
        this.random = new Random(seed);
    }

    List<FuzzInput> generate(int count) {
        List<FuzzInput> inputs = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            inputs.add(next());
        }
        return inputs;
    }

    FuzzInput next() {
        index++;
        VectorTarget target = TARGETS[random.nextInt(TARGETS.length)];
        int roll = random.nextInt(100);
        if (roll < 20 && target.takesFloat32()) {
            return floatArray(target);
        } else if (roll < 45) {
            return bytes(target, Channel.BYTES);
        } else if (roll < 75) {
            return text(target, Channel.STRING);
        } else if (roll < 82) {
            return wrongType(target);
        } else {
            return literal(target);
        }
    }

    // --- float[] -------------------------------------------------------------------------------

    private FuzzInput floatArray(VectorTarget target) {
        int n = dimensionCount();
        float[] v = new float[n];
        String kind;
        int style = random.nextInt(4);
        for (int i = 0; i < n; i++) {
            v[i] = style == 3 ? Float.intBitsToFloat(random.nextInt()) : (random.nextFloat() - 0.5f) * 100;
        }
        if (style == 0 && n > 0) {
            float[] nonFinite = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY};
            v[random.nextInt(n)] = nonFinite[random.nextInt(3)];
            kind = "float[] with NaN/Inf";
        } else {
            kind = style == 3 ? "float[] from random bits" : "float[] of " + n;
        }
        boolean finite = true;
        for (float f : v) {
            finite &= Float.isFinite(f);
        }
        boolean valid = finite && target.acceptsBlobOf(4 * n);
        return new FuzzInput(index, target, Channel.FLOAT_ARRAY, kind, v, null, valid, n);
    }

    /** Mostly near the right dimension, sometimes zero, sometimes huge. */
    private int dimensionCount() {
        int roll = random.nextInt(100);
        if (roll < 40) {
            return VectorTarget.DIMENSIONS;
        } else if (roll < 45) {
            return 0;
        } else if (roll < 48) {
            return 9 + random.nextInt(70_000);
        }
        return 1 + random.nextInt(24);
    }

    // --- blobs ---------------------------------------------------------------------------------

    private FuzzInput bytes(VectorTarget target, Channel channel) {
        int length;
        int roll = random.nextInt(100);
        if (roll < 30) {
            length = expectedBlobLength(target);
        } else if (roll < 50) {
            length = Math.max(0, expectedBlobLength(target) + random.nextInt(9) - 4);
        } else if (roll < 52) {
            length = 4 * (9 + random.nextInt(70_000)) + random.nextInt(2);
        } else {
            length = random.nextInt(80);
        }
        byte[] blob = new byte[length];
        random.nextBytes(blob);
        String kind = "blob of " + length;
        if (length >= 4 && random.nextInt(4) == 0) {
            int[] patterns = {0x7fc00000, 0x7f800000, 0xff800000, 0x7fffffff};
            ByteBuffer.wrap(blob).order(ByteOrder.LITTLE_ENDIAN).putInt(4 * random.nextInt(length / 4), patterns[random.nextInt(4)]);
            kind = "blob of " + length + " with NaN/Inf bits";
        }
        boolean valid = target.acceptsBlobOf(length);
        int dims = length / 4;
        if (channel == Channel.SQL_LITERAL) {
            return new FuzzInput(index, target, channel, "literal " + kind, blob, "X'" + HexFormat.of().formatHex(blob) + "'", valid, dims);
        }
        return new FuzzInput(index, target, channel, kind, blob, null, valid, dims);
    }

    private static int expectedBlobLength(VectorTarget target) {
        switch (target) {
            case INT8_COLUMN: return VectorTarget.DIMENSIONS;
            case BIT_COLUMN: return VectorTarget.DIMENSIONS / 8;
            default: return 4 * VectorTarget.DIMENSIONS;
        }
    }

    // --- text ----------------------------------------------------------------------------------

    private FuzzInput text(VectorTarget target, Channel channel) {
        String json;
        String kind;
        boolean valid;
        int dims = 0;
        int roll = random.nextInt(100);
        if (roll < 40) {
            int n = random.nextInt(3) == 0 ? random.nextInt(20) : VectorTarget.DIMENSIONS;
            if (random.nextInt(200) == 0) {
                n = 9 + random.nextInt(5_000);
            }
            boolean int8 = target == VectorTarget.INT8_COLUMN ? random.nextInt(4) != 0 : random.nextBoolean();
            List<String> numbers = new ArrayList<>(n);
            boolean allInt8 = true;
            for (int i = 0; i < n; i++) {
                String number = int8 ? int8Number() : floatNumber();
                allInt8 &= isInt8(number);
                numbers.add(number);
            }
            json = array(numbers);
            kind = "well-formed JSON of " + n;
            valid = target.acceptsJsonOf(n, allInt8);
            dims = n;
        } else if (roll < 75) {
            List<String> numbers = new ArrayList<>();
            for (int i = 0; i < VectorTarget.DIMENSIONS; i++) {
                numbers.add(int8Number());
            }
            String bad = BAD_ELEMENTS.get(random.nextInt(BAD_ELEMENTS.size()));
            numbers.set(random.nextInt(numbers.size()), bad);
            json = array(numbers);
            kind = "JSON element " + bad;
            valid = false;
        } else if (roll < 85) {
            json = BAD_SHAPES.get(random.nextInt(BAD_SHAPES.size()));
            kind = "JSON shape " + json;
            valid = false;
        } else {
            json = notJson();
            kind = "text that is not JSON";
            valid = false;
        }
        if (channel == Channel.SQL_LITERAL) {
            return new FuzzInput(index, target, channel, "literal " + kind, json, "'" + json.replace("'", "''") + "'", valid, dims);
        }
        return new FuzzInput(index, target, channel, kind, json, null, valid, dims);
    }

    private String int8Number() {
        int roll = random.nextInt(20);
        if (roll == 0) {
            return String.valueOf(128 + random.nextInt(1000));
        } else if (roll == 1) {
            return String.valueOf(-129 - random.nextInt(1000));
        }
        return String.valueOf(random.nextInt(256) - 128);
    }

    /** Finite numbers well inside float range, in the spellings JSON allows. */
    private String floatNumber() {
        float f = (random.nextFloat() - 0.5f) * (float) Math.pow(10, random.nextInt(20) - 8);
        switch (random.nextInt(4)) {
            case 0: return Float.toString(f).replace("E", "e");
            case 1: return String.format(Locale.ROOT, "%.6e", f);
            case 2: return new BigDecimal(f).stripTrailingZeros().toPlainString();
            default: return random.nextBoolean() ? "-0" : "0.5";
        }
    }

    private static boolean isInt8(String number) {
        try {
            int v = Integer.parseInt(number);
            return v >= -128 && v <= 127;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** Numbers joined with JSON whitespace in varying places. */
    private String array(List<String> elements) {
        StringBuilder b = new StringBuilder(random.nextInt(8) == 0 ? " [" : "[");
        for (int i = 0; i < elements.size(); i++) {
            if (i > 0) {
                b.append(random.nextInt(6) == 0 ? " ,\t" : ",");
            }
            b.append(random.nextInt(10) == 0 ? "\n" : "").append(elements.get(i));
        }
        return b.append(random.nextInt(10) == 0 ? " ]" : "]").toString();
    }

    /** Printable garbage whose first character is neither {@code [} nor whitespace. */
    private String notJson() {
        int n = 1 + random.nextInt(40);
        StringBuilder b = new StringBuilder();
        String first = "abcxyz{(\"0123456789-+.,]}:;#<>?!é✓";
        b.append(first.charAt(random.nextInt(first.length())));
        for (int i = 1; i < n; i++) {
            b.append((char) (33 + random.nextInt(94)));
        }
        return b.toString();
    }

    // --- wrong types and literals --------------------------------------------------------------

    private FuzzInput wrongType(VectorTarget target) {
        Object[] values = {random.nextInt(), random.nextLong(), random.nextDouble() * 1e6, random.nextBoolean(), null,
                new BigDecimal(random.nextInt(1000)).movePointLeft(2), (short) 8};
        Object value = values[random.nextInt(values.length)];
        return new FuzzInput(index, target, Channel.WRONG_TYPE, "wrong type " + (value == null ? "null" : value.getClass().getSimpleName()),
                value, null, false, 0);
    }

    private FuzzInput literal(VectorTarget target) {
        int roll = random.nextInt(100);
        if (roll < 35) {
            return bytes(target, Channel.SQL_LITERAL);
        } else if (roll < 75) {
            return text(target, Channel.SQL_LITERAL);
        }
        String[] literals = {"NULL", String.valueOf(random.nextInt()), random.nextDouble() + "", "[1,2,3,4,5,6,7,8]",
                "'[1,2,3,4,5,6,7,8]", "x'0g'", "X'123'"};
        String literal = literals[random.nextInt(literals.length)];
        return new FuzzInput(index, target, Channel.SQL_LITERAL, "literal " + literal, literal, literal, false, 0);
    }
}
