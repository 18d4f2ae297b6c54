package io.github.sqlitevec.conformance.differential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.sqlite.SQLiteConnection;

/**
 * Runs a scenario through plain sqlite-jdbc and through our driver, each on its own database files,
 * and asserts that the two transcripts are identical and that errors carry the SQLStates they
 * should: none from sqlite-jdbc, a standard one from us.
 */
final class DifferentialRunner {

    /** Two characters of class, three of subclass: digits and upper-case letters only. */
    private static final Pattern STANDARD_STATE = Pattern.compile("[0-9A-Z]{5}");

    private DifferentialRunner() {}

    static void assertSameBehaviour(Scenario scenario, Path workDir) throws Exception {
        Transcript plain = run(Side.PLAIN, scenario, workDir);
        Transcript ours = run(Side.OURS, scenario, workDir);

        assertEquals(String.join("\n", plain.lines()), String.join("\n", ours.lines()),
                "jdbc:sqlitevec: must observe exactly what jdbc:sqlite: observes in scenario '" + scenario.name() + "'");
        for (SQLException e : plain.errors()) {
            assertTrue(KnownDifferences.isSqliteJdbcState(e.getSQLState()),
                    "scenario '" + scenario.name() + "': sqlite-jdbc sets no standard SQLState; if it now does, revisit KnownDifferences: "
                            + e + " state " + e.getSQLState());
        }
        List<String> ourStates = new ArrayList<>();
        List<String> ourMessages = new ArrayList<>();
        for (SQLException e : ours.errors()) {
            String state = e.getSQLState();
            assertTrue(state != null && STANDARD_STATE.matcher(state).matches(),
                    "scenario '" + scenario.name() + "': our driver must give every error a standard five-character SQLState, got "
                            + state + " for " + e);
            ourStates.add(state);
            ourMessages.add(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        if (!scenario.ourStates().isEmpty()) {
            assertEquals(scenario.ourStates(), ourStates, "SQLStates of the errors in scenario '" + scenario.name() + "': " + ourMessages);
        }
    }

    /** The transcript of one side; a failure that escapes the body ends the transcript, like any other observation. */
    static Transcript run(Side side, Scenario scenario, Path workDir) throws Exception {
        Path dir = Files.createDirectories(workDir.resolve(side.name().toLowerCase()));
        Transcript transcript = new Transcript(dir.toString());
        Session opened;
        try {
            opened = new Session(side, dir, scenario.urlOptions());
        } catch (SQLException e) {
            transcript.failed("open " + scenario.urlOptions(), e);
            return transcript;
        } catch (RuntimeException e) {
            transcript.note("open " + scenario.urlOptions() + " threw", e.getClass().getName() + ": " + e.getMessage());
            return transcript;
        }
        try (Session session = opened) {
            boolean ourConnection = session.conn().getClass().getName().startsWith("io.github.sqlitevec.");
            assertEquals(side == Side.OURS, ourConnection, side.prefix + " opened " + session.conn().getClass());
            assertTrue(session.conn() instanceof SQLiteConnection, "both drivers hand out SQLiteConnections");
            try {
                scenario.body().run(session, transcript);
            } catch (SQLException e) {
                transcript.failed("scenario", e);
            } catch (RuntimeException e) {
                // The class alone: messages of ClassCastExceptions name the (different) connection classes.
                transcript.note("scenario threw", e.getClass().getName());
            }
        }
        return transcript;
    }
}
