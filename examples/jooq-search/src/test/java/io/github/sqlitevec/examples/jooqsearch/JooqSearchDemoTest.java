package io.github.sqlitevec.examples.jooqsearch;

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

/** Runs the demo end to end and checks what the user reads. */
@Timeout(60)
class JooqSearchDemoTest {

    @TempDir
    Path dir;

    @Test
    void theDemoPrintsTheBestArticleOfEachSearchAndOnlyFilteredRows() throws Exception {
        List<String> lines = runDemo(dir.resolve("demo.db"));
        String transcript = String.join("\n", lines);

        assertEquals("40 articles loaded", lines.get(0), transcript);
        assertTrue(transcript.contains("where (articles.embedding match ? and articles.k = ? and articles.category = ?) order by articles.distance"),
                transcript);
        assertTrue(firstHit(lines, "searching \"crisp bread crust\"").endsWith("[cooking 2021] Baking bread in a dutch oven for a crisp crust"), transcript);
        assertTrue(firstHit(lines, "searching \"choosing a telescope or tyres\"")
                .endsWith("[astronomy 2020] Choosing a first telescope: refractor or reflector"), transcript);
        assertTrue(firstHit(lines, "quantized").endsWith("[databases 2025] Binary quantization makes vector search smaller and faster"), transcript);
        List<String> yearFiltered = hits(lines, "searching \"choosing a telescope or tyres\"");
        assertEquals(4, yearFiltered.size());
        assertTrue(yearFiltered.stream().allMatch(l -> l.matches(".*\\[(astronomy|cycling) 20(19|20|21|22)\\].*")), yearFiltered.toString());
    }

    @Test
    void runningTheDemoTwiceOnOneFileGivesTheSameTranscript() throws Exception {
        Path db = dir.resolve("twice.db");
        assertEquals(runDemo(db), runDemo(db));
    }

    private static List<String> runDemo(Path db) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            JooqSearchDemo.run(db, out);
        }
        return bytes.toString(StandardCharsets.UTF_8).lines().toList();
    }

    private static String firstHit(List<String> lines, String headingStart) {
        List<String> hits = hits(lines, headingStart);
        assertTrue(!hits.isEmpty(), "no hits after " + headingStart + "\n" + String.join("\n", lines));
        return hits.get(0);
    }

    /** The indented lines under the heading that starts with {@code headingStart}. */
    private static List<String> hits(List<String> lines, String headingStart) {
        int at = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(headingStart)) {
                at = i;
            }
        }
        assertTrue(at >= 0, "missing heading " + headingStart + "\n" + String.join("\n", lines));
        int end = at + 1;
        while (end < lines.size() && lines.get(end).startsWith("  ")) {
            end++;
        }
        return lines.subList(at + 1, end);
    }
}
