package io.github.sqlitevec.examples.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Runs the scripted session end to end and checks what the user reads. */
@Timeout(60)
class AgentMemoryDemoTest {

    @TempDir
    Path dir;

    @Test
    void theSessionRecallsTheOldAllergyFirstAndForgetsOnlyStaleSmallTalk() {
        List<String> lines = runDemo(dir.resolve("demo.db"));

        assertTrue(lineAfter(lines, "recall \"Can Ada eat snacks with peanuts?\"").endsWith("Ada is allergic to peanuts: never suggest recipes or snacks with peanuts."),
                String.join("\n", lines));
        assertTrue(lineAfter(lines, "recall \"When is Ada's trip to Japan?\"").endsWith("Ada is planning a trip to Japan in April."));
        assertTrue(lines.contains("forget(not recalled for 14 days, importance < 0.3): 3 memories forgotten"), String.join("\n", lines));
        List<String> kept = lines.subList(lines.indexOf("still remembered:") + 1, lines.size());
        assertEquals(List.of(
                "  [0.95] Ada is allergic to peanuts: never suggest recipes or snacks with peanuts.",
                "  [0.70] Ada prefers short Java code examples over long explanations.",
                "  [0.60] Ada is planning a trip to Japan in April.",
                "  [0.20] Ada asked what time it is in Tokyo right now."), kept);
    }

    @Test
    void runningTheDemoTwiceOnOneFileGivesTheSameTranscript() {
        Path db = dir.resolve("twice.db");
        assertEquals(runDemo(db), runDemo(db));
    }

    private static List<String> runDemo(Path db) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            AgentMemoryDemo.run(db, out);
        }
        return bytes.toString(StandardCharsets.UTF_8).lines().toList();
    }

    private static String lineAfter(List<String> lines, String line) {
        int at = lines.indexOf(line);
        assertTrue(at >= 0 && at + 1 < lines.size(), "missing line: " + line + "\n" + String.join("\n", lines));
        return lines.get(at + 1);
    }
}
