package io.github.sqlitevec.conformance.vectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.sqlite.SQLiteException;
import java.util.ArrayList;
import java.util.List;

/**
 * Statements sqlite-vec rejects, and the standard SQLState each must surface as: class 22 for
 * values that are not usable vectors, class 42 for statements whose shape is wrong, 23505 for
 * duplicate keys. The expectation comes from what the statement did wrong, not from what the
 * driver happens to answer today.
 */
final class ErrorCases {
    private static final ExpectedError DATA_CLASS = ExpectedError.ofClass("22", SQLiteException.class);
    private static final ExpectedError SYNTAX_CLASS = ExpectedError.ofClass("42", SQLiteException.class);

    private final List<CorpusCase> cases = new ArrayList<>();

    static List<CorpusCase> all() {
        ErrorCases c = new ErrorCases();
        c.scalarFunctionInputs();
        c.scalarFunctionArguments();
        c.tableDefinitions();
        c.writes();
        c.knnQueries();
        c.namesThatDoNotExist();
        return c.cases;
    }

    private void add(String name, ExpectedError expected, String setup, String sql, Object... params) {
        cases.add(new CorpusCase(name, c -> {
            // sqlite-jdbc runs only the first statement of a string, so run the setup one by one
            for (String statement : setup.split(";")) {
                if (!statement.isBlank()) {
                    Sql.execute(c, statement);
                }
            }
            expected.assertRaisedBy(c, sql, params);
        }));
    }

    private void scalarFunctionInputs() {
        ExpectedError bad = ExpectedError.INVALID_VECTOR;
        add("distanceBetweenVectorsOfDifferentLengthsIs22023", bad, "", "SELECT vec_distance_l2(?, ?)",
                new float[] {1, 2, 3}, new float[] {1, 2});
        add("cosineBetweenFloat32AndInt8Is22023", bad, "", "SELECT vec_distance_cosine('[1, 2]', vec_int8('[1, 2]'))");
        add("l2BetweenBitVectorsIs22023", bad, "", "SELECT vec_distance_l2(vec_bit(X'01'), vec_bit(X'02'))");
        add("addingBitVectorsIs22023", bad, "", "SELECT vec_add(vec_bit(X'01'), vec_bit(X'02'))");
        add("jsonWithAWordInsideIs22023", bad, "", "SELECT vec_length('[1, two, 3]')");
        // sqlite-vec words this one "JSON array parsing error", which the driver's table missed (see report)
        add("textThatIsNotAJsonArrayIs22023", bad, "", "SELECT vec_f32('{\"a\": 1}')");
        add("anEmptyJsonArrayIs22023", bad, "", "SELECT vec_length('[]')");
        add("anEmptyBlobIs22023", bad, "", "SELECT vec_length(X'')");
        add("aBlobWhoseLengthIsNotAMultipleOfFourIs22023", bad, "", "SELECT vec_length(X'0102030405')");
        add("anIntegerWhereAVectorBelongsIs22023", bad, "", "SELECT vec_length(42)");
        add("anInt8ElementAbove127Is22023", bad, "", "SELECT vec_int8('[1, 200]')");
        add("aFractionalInt8ElementIs22023", bad, "", "SELECT vec_int8('[1.5]')");
        add("aBitVectorFromTextIs22023", bad, "", "SELECT vec_bit('[1, 0]')");
        add("aNegativeSliceStartIs22023", bad, "", "SELECT vec_slice('[1, 2, 3]', -1, 2)");
        add("aBitSliceOffAByteBoundaryIs22023", bad, "", "SELECT vec_slice(vec_bit(X'0102'), 3, 8)");
        add("theSecondOfTwoBadVectorsIsNamedIn22023", bad, "", "SELECT vec_distance_l1('[1, 2]', 'oops')");
    }

    /** Data errors that sqlite-vec words in ways the driver's message table did not cover (see report). */
    private void scalarFunctionArguments() {
        add("hammingBetweenFloat32VectorsIsADataError", DATA_CLASS, "", "SELECT vec_distance_hamming('[1, 2]', '[1, 2]')");
        add("quantizeInt8WithAnUnknownRangeIsADataError", DATA_CLASS, "", "SELECT vec_quantize_int8('[0.1]', 'minmax')");
        add("binaryQuantizingALengthNotDivisibleBy8IsADataError", DATA_CLASS, "", "SELECT vec_quantize_binary('[1, 2, 3]')");
        add("binaryQuantizingABitVectorIsADataError", DATA_CLASS, "", "SELECT vec_quantize_binary(vec_bit(X'01'))");
        add("aSliceEndingPastTheVectorIsADataError", DATA_CLASS, "", "SELECT vec_slice('[1, 2, 3]', 1, 5)");
        add("anEmptySliceIsADataError", DATA_CLASS, "", "SELECT vec_slice('[1, 2, 3]', 1, 1)");
        add("normalizingAnInt8VectorIsADataError", DATA_CLASS, "", "SELECT vec_normalize(vec_int8('[1, 2]'))");
    }

    private void tableDefinitions() {
        ExpectedError syntax = ExpectedError.SYNTAX;
        add("aDistanceMetricOnABitColumnIs42601", syntax, "", "CREATE VIRTUAL TABLE e_bitm USING vec0(e bit[8] distance_metric=cosine)");
        add("anUnknownDistanceMetricIs42601", syntax, "", "CREATE VIRTUAL TABLE e_dot USING vec0(e float[8] distance_metric=dot)");
        add("aVec0TableWithoutAVectorColumnIs42601", syntax, "", "CREATE VIRTUAL TABLE e_none USING vec0(n integer)");
        add("aChunkSizeNotDivisibleBy8Is42601", syntax, "", "CREATE VIRTUAL TABLE e_chunk USING vec0(e float[8], chunk_size=12)");
        add("aZeroDimensionalColumnIs42601", syntax, "", "CREATE VIRTUAL TABLE e_zero USING vec0(e float[0])");
        add("anUnknownTableOptionIs42601", syntax, "", "CREATE VIRTUAL TABLE e_opt USING vec0(e float[8], foo=1)");
        add("creatingAVec0TableThatExistsIs42P07", ExpectedError.DUPLICATE_TABLE,
                "CREATE VIRTUAL TABLE e_twice USING vec0(e float[2])", "CREATE VIRTUAL TABLE e_twice USING vec0(e float[2])");
    }

    private void writes() {
        ExpectedError bad = ExpectedError.INVALID_VECTOR;
        add("insertingAVectorOfTheWrongLengthIs22023", bad, "CREATE VIRTUAL TABLE w_len USING vec0(e float[4])",
                "INSERT INTO w_len(rowid, e) VALUES (1, ?)", new float[] {1, 2, 3});
        add("insertingAnInt8VectorIntoAFloatColumnIs22023", bad, "CREATE VIRTUAL TABLE w_type USING vec0(e float[2])",
                "INSERT INTO w_type(rowid, e) VALUES (1, vec_int8('[1, 2]'))");
        add("insertingAFloatVectorIntoAnInt8ColumnIs22023", bad, "CREATE VIRTUAL TABLE w_i8 USING vec0(e int8[2])",
                "INSERT INTO w_i8(rowid, e) VALUES (1, '[1, 2]')");
        add("insertingAnUntypedBlobIntoABitColumnIs22023", bad, "CREATE VIRTUAL TABLE w_bit USING vec0(e bit[16])",
                "INSERT INTO w_bit(rowid, e) VALUES (1, X'ff00')");
        add("updatingToAVectorOfTheWrongLengthIs22023", bad,
                "CREATE VIRTUAL TABLE w_upd USING vec0(e float[2]); INSERT INTO w_upd(rowid, e) VALUES (1, '[1, 2]')",
                "UPDATE w_upd SET e = '[1, 2, 3]' WHERE rowid = 1");
        add("aBooleanMetadataValueOfTwoIs22023", bad, "CREATE VIRTUAL TABLE w_bool USING vec0(e float[2], flag boolean)",
                "INSERT INTO w_bool(rowid, e, flag) VALUES (1, '[1, 2]', 2)");
        add("textInAnIntegerMetadataColumnIs22023", bad, "CREATE VIRTUAL TABLE w_int USING vec0(e float[2], n integer)",
                "INSERT INTO w_int(rowid, e, n) VALUES (1, '[1, 2]', 'many')");
        add("textInAFloatMetadataColumnIs22023", bad, "CREATE VIRTUAL TABLE w_flt USING vec0(e float[2], x float)",
                "INSERT INTO w_flt(rowid, e, x) VALUES (1, '[1, 2]', 'pi')");
        add("anIntegerInATextMetadataColumnIs22023", bad, "CREATE VIRTUAL TABLE w_txt USING vec0(e float[2], t text)",
                "INSERT INTO w_txt(rowid, e, t) VALUES (1, '[1, 2]', 5)");
        add("aDuplicateRowidIs23505", ExpectedError.UNIQUE,
                "CREATE VIRTUAL TABLE w_dup USING vec0(e float[2]); INSERT INTO w_dup(rowid, e) VALUES (1, '[1, 2]')",
                "INSERT INTO w_dup(rowid, e) VALUES (1, '[3, 4]')");
        add("aDuplicateTextPrimaryKeyIs23505", ExpectedError.UNIQUE,
                "CREATE VIRTUAL TABLE w_dupt USING vec0(id text primary key, e float[2]); INSERT INTO w_dupt(id, e) VALUES ('a', '[1, 2]')",
                "INSERT INTO w_dupt(id, e) VALUES ('a', '[3, 4]')");
        cases.add(new CorpusCase("insertOrReplaceOnAnExistingVec0RowIs23505WithAHint", c -> {
            Sql.execute(c, "CREATE VIRTUAL TABLE w_repl USING vec0(e float[2])");
            Sql.execute(c, "INSERT INTO w_repl(rowid, e) VALUES (1, '[1, 2]')");
            String message = ExpectedError.UNIQUE.assertRaisedBy(c, "INSERT OR REPLACE INTO w_repl(rowid, e) VALUES (1, '[3, 4]')").getMessage();
            assertTrue(message.contains("UPDATE the row"), message);
            assertEquals(1, Sql.count(c, "w_repl"));
        }));
        // sqlite-vec 0.1.9 ignores the OR IGNORE conflict clause: the duplicate still fails
        add("insertOrIgnoreOnAnExistingVec0RowStillFailsWith23505", ExpectedError.UNIQUE,
                "CREATE VIRTUAL TABLE w_ign USING vec0(e float[2]); INSERT INTO w_ign(rowid, e) VALUES (1, '[1, 2]')",
                "INSERT OR IGNORE INTO w_ign(rowid, e) VALUES (1, '[3, 4]')");
        add("anAuxiliaryValueOfTheWrongTypeIs23000", ExpectedError.INTEGRITY,
                "CREATE VIRTUAL TABLE w_aux USING vec0(e float[2], +note text)",
                "INSERT INTO w_aux(rowid, e, note) VALUES (1, '[1, 2]', 5)");
        add("updatingAPartitionKeyIsHYC00", ExpectedError.NOT_SUPPORTED,
                "CREATE VIRTUAL TABLE w_part USING vec0(u integer partition key, e float[2]); INSERT INTO w_part(rowid, u, e) VALUES (1, 1, '[1, 2]')",
                "UPDATE w_part SET u = 2 WHERE rowid = 1");
        // wordings the driver's message table did not cover (see report)
        add("aWrongTypedPartitionKeyIsADataError", DATA_CLASS,
                "CREATE VIRTUAL TABLE w_ptype USING vec0(u integer partition key, e float[2])",
                "INSERT INTO w_ptype(rowid, u, e) VALUES (1, 'x', '[1, 2]')");
        add("anIntegerForATextPrimaryKeyIsADataError", DATA_CLASS,
                "CREATE VIRTUAL TABLE w_pk USING vec0(id text primary key, e float[2])",
                "INSERT INTO w_pk(id, e) VALUES (5, '[1, 2]')");
        add("writingTheHiddenDistanceColumnIsASyntaxError", SYNTAX_CLASS,
                "CREATE VIRTUAL TABLE w_dist USING vec0(e float[2])",
                "INSERT INTO w_dist(rowid, e, distance) VALUES (1, '[1, 2]', 0.5)");
    }

    private void knnQueries() {
        ExpectedError syntax = ExpectedError.SYNTAX;
        ExpectedError bad = ExpectedError.INVALID_VECTOR;
        add("knnWithoutKOrLimitIs42601", syntax, knnTable("q1"), "SELECT rowid FROM q1 WHERE e MATCH '[1, 2]'");
        add("knnWithBothKAndLimitIs42601", syntax, knnTable("q2"), "SELECT rowid FROM q2 WHERE e MATCH '[1, 2]' AND k = 1 LIMIT 2");
        add("knnOrderedByDistanceDescendingIs42601", syntax, knnTable("q11"),
                "SELECT rowid FROM q11 WHERE e MATCH '[1, 2]' AND k = 1 ORDER BY distance DESC");
        add("knnFilteredOnAnAuxiliaryColumnIs42601", syntax, knnTable("q3"), "SELECT rowid FROM q3 WHERE e MATCH '[1, 2]' AND k = 1 AND note = 'n'");
        add("knnWithGreaterThanOnABooleanIs42601", syntax, knnTable("q4"), "SELECT rowid FROM q4 WHERE e MATCH '[1, 2]' AND k = 1 AND flag > 0");
        add("knnWithInOnAFloatMetadataColumnIs42601", syntax, knnTable("q12"),
                "SELECT rowid FROM q12 WHERE e MATCH '[1, 2]' AND k = 1 AND x IN (0.5, 1.5)");
        add("knnWithDistanceEqualsIs42601", syntax, knnTable("q5"), "SELECT rowid FROM q5 WHERE e MATCH '[1, 2]' AND k = 1 AND distance = 3");
        add("knnWithAQueryOfTheWrongLengthIs22023", bad, knnTable("q6"), "SELECT rowid FROM q6 WHERE e MATCH ? AND k = 1", new float[] {1, 2, 3});
        add("knnWithAnInt8QueryOnAFloatColumnIs22023", bad, knnTable("q7"), "SELECT rowid FROM q7 WHERE e MATCH vec_int8('[1, 2]') AND k = 1");
        add("knnWithAMalformedJsonQueryIs22023", bad, knnTable("q8"), "SELECT rowid FROM q8 WHERE e MATCH '[1, x]' AND k = 1");
        // wordings the driver's message table did not cover (see report)
        add("knnWithANegativeKIsADataError", DATA_CLASS, knnTable("q9"), "SELECT rowid FROM q9 WHERE e MATCH '[1, 2]' AND k = -1");
        add("knnWithKAboveTheLimitIsADataError", DATA_CLASS, knnTable("q10"), "SELECT rowid FROM q10 WHERE e MATCH '[1, 2]' AND k = 5000");
    }

    /** Setup for a small vec0 table of its own, so each case stands alone. */
    private static String knnTable(String name) {
        return "CREATE VIRTUAL TABLE " + name + " USING vec0(e float[2], flag boolean, x float, +note text);"
                + " INSERT INTO " + name + "(rowid, e, flag, x, note) VALUES (1, '[1, 2]', 1, 0.5, 'n')";
    }

    private void namesThatDoNotExist() {
        add("aMissingVec0TableIs42P01", ExpectedError.UNDEFINED_TABLE, "", "SELECT rowid FROM no_such_vectors WHERE e MATCH '[1]' AND k = 1");
        add("aMissingVecFunctionIs42883", ExpectedError.UNDEFINED_FUNCTION, "", "SELECT vec_distance_dot('[1]', '[1]')");
        add("aVecFunctionWithTheWrongArgumentCountIs42883", ExpectedError.UNDEFINED_FUNCTION, "", "SELECT vec_length()");
        add("anUnknownVirtualTableModuleIs42883", ExpectedError.UNDEFINED_FUNCTION, "", "CREATE VIRTUAL TABLE e_mod USING vec1(e float[2])");
        add("aMissingVec0ColumnIs42703", ExpectedError.UNDEFINED_COLUMN, "CREATE VIRTUAL TABLE n_col USING vec0(e float[2])",
                "SELECT embedding FROM n_col");
    }
}
