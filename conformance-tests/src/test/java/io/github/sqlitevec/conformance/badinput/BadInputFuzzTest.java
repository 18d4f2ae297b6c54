package io.github.sqlitevec.conformance.badinput;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Thousands of malformed vectors, from a fixed seed, through every way a vector reaches sqlite-vec.
 * Each invalid one must fail with an SQLException whose SQLState is class 22 (data) or 42 (syntax or
 * undefined name), leave the tables exactly as they were, and never take the JVM down; each valid
 * one must be accepted. {@link MalformedVectorGenerator} documents how inputs are classified.
 */
class BadInputFuzzTest {

    static final long SEED = 0x5eed_2024_0229L;
    static final int INPUTS = 12_000;

    @TempDir
    Path dir;

    @Test
    @Timeout(180)
    void everyMalformedVectorIsRejectedWithClass22Or42AndLeavesTheTablesUnchanged() throws Exception {
        List<FuzzInput> inputs = new MalformedVectorGenerator(SEED).generate(INPUTS);
        Map<String, Integer> rejectedByState = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        int accepted = 0;
        int acceptedNonFiniteBlobs = 0;

        try (Connection c = DriverManager.getConnection("jdbc:sqlitevec:" + dir.resolve("fuzz.db"))) {
            VectorTables.create(c);
            String baseline = VectorTables.fingerprint(c);
            long baselineRows = VectorTables.rowCount(c);
            c.setAutoCommit(false);

            for (FuzzInput input : inputs) {
                Outcome outcome = execute(c, input);
                String after = VectorTables.fingerprint(c);
                if (outcome.failure == null && !(outcome.error instanceof SQLException)) {
                    // accepted
                    if (!input.valid()) {
                        problems.add("accepted although invalid: " + input.reproducer() + " -> " + outcome.result);
                    } else {
                        accepted++;
                        if (input.kind().contains("NaN/Inf bits") && input.target() != VectorTarget.VEC_LENGTH) {
                            acceptedNonFiniteBlobs++;
                        }
                        String check = checkAccepted(c, input, outcome, baselineRows);
                        if (check != null) {
                            problems.add(check + ": " + input.reproducer());
                        }
                    }
                } else if (outcome.failure != null) {
                    problems.add("threw " + outcome.failure + " instead of SQLException: " + input.reproducer());
                } else {
                    SQLException e = (SQLException) outcome.error;
                    String state = e.getSQLState();
                    if (input.valid()) {
                        problems.add("rejected although valid (" + state + " " + e.getMessage() + "): " + input.reproducer());
                    } else if (state == null || !(state.startsWith("22") || state.startsWith("42"))) {
                        problems.add("SQLState " + state + " is not class 22 or 42 (" + e.getClass().getSimpleName() + ": "
                                + e.getMessage() + "): " + input.reproducer());
                    } else {
                        rejectedByState.merge(state, 1, Integer::sum);
                    }
                    if (!after.equals(baseline)) {
                        problems.add("a rejected input changed the tables (" + baseline + " -> " + after + "): " + input.reproducer());
                    }
                }
                c.rollback();
                if (problems.size() > 25) {
                    break;
                }
            }
            assertEquals(baseline, VectorTables.fingerprint(c), "after the run the tables are as seeded");
        }

        int rejected = rejectedByState.values().stream().mapToInt(Integer::intValue).sum();
        System.out.printf("bad-input fuzz: %d inputs (seed %#x): %d rejected %s, %d accepted as valid (%d of them blobs with NaN/Inf"
                        + " bit patterns), %d problems%n",
                inputs.size(), SEED, rejected, rejectedByState, accepted, acceptedNonFiniteBlobs, problems.size());
        assertTrue(problems.isEmpty(), problems.size() + " inputs misbehaved, first ones:\n" + String.join("\n", problems.subList(0, Math.min(25, problems.size()))));
        assertTrue(rejected > INPUTS / 2, "most generated inputs are malformed; only " + rejected + " were rejected");
        assertTrue(accepted > 500, "the generator must also produce valid vectors, so the oracle is tested both ways");
    }

    /** What happened: a result, an SQLException, or something that is not an SQLException. */
    private static final class Outcome {
        Object result;
        Exception error;
        Throwable failure;
    }

    private static Outcome execute(Connection c, FuzzInput input) {
        Outcome outcome = new Outcome();
        try {
            if (input.channel() == Channel.SQL_LITERAL) {
                try (Statement s = c.createStatement()) {
                    outcome.result = run(s.execute(input.sql()) ? s.getResultSet() : null, s.getUpdateCount());
                }
            } else {
                try (PreparedStatement ps = c.prepareStatement(input.sql())) {
                    bind(ps, input);
                    outcome.result = run(ps.execute() ? ps.getResultSet() : null, ps.getUpdateCount());
                }
            }
        } catch (SQLException e) {
            outcome.error = e;
        } catch (RuntimeException | Error e) {
            outcome.failure = e;
        }
        return outcome;
    }

    private static Object run(ResultSet rs, int updateCount) throws SQLException {
        if (rs == null) {
            return updateCount;
        }
        try (rs) {
            return rs.next() ? rs.getObject(1) : "no row";
        }
    }

    private static void bind(PreparedStatement ps, FuzzInput input) throws SQLException {
        switch (input.channel()) {
            case FLOAT_ARRAY:
            case WRONG_TYPE:
                ps.setObject(1, input.value());
                break;
            case BYTES:
                ps.setBytes(1, (byte[]) input.value());
                break;
            case STRING:
                ps.setString(1, (String) input.value());
                break;
            default:
                throw new AssertionError(input.channel());
        }
    }

    /** A valid input must have done what it says: one more row, or the right answer. Null when it did. */
    private static String checkAccepted(Connection c, FuzzInput input, Outcome outcome, long baselineRows) throws SQLException {
        if (input.target().writes) {
            long rows = VectorTables.rowCount(c);
            return rows == baselineRows + 1 ? null : "valid insert left " + rows + " rows, expected " + (baselineRows + 1);
        }
        if (input.target() == VectorTarget.VEC_LENGTH) {
            Object length = outcome.result;
            return length instanceof Number && ((Number) length).intValue() == input.dimensions()
                    ? null : "vec_length answered " + length + ", expected " + input.dimensions();
        }
        return null;
    }
}
