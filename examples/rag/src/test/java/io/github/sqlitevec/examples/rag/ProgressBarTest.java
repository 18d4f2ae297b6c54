package io.github.sqlitevec.examples.rag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgressBarTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    @Test
    void withoutATerminalItPrintsAPlainLineAtEveryTenth() {
        ProgressBar bar = new ProgressBar(out, false, "embedding", 200);
        for (int i = 0; i < 200; i++) {
            bar.advance(1);
        }
        bar.finish();
        String printed = bytes.toString(StandardCharsets.UTF_8);
        List<String> lines = printed.lines().toList();
        assertFalse(printed.contains("\r"), "carriage returns garble logs");
        assertEquals(11, lines.size(), printed);
        assertTrue(lines.get(0).startsWith("embedding [.............................."), lines.get(0));
        assertTrue(lines.get(10).startsWith("embedding [##############################] 200/200  "), lines.get(10));
        assertTrue(lines.get(10).matches(".*  [0-9.]+/s  ETA --"), lines.get(10));
        assertTrue(lines.get(5).matches(".* 100/200  [0-9.]+/s  ETA \\d+:\\d\\d"), lines.get(5));
    }

    @Test
    void onATerminalItRedrawsOneLineInPlace() {
        ProgressBar bar = new ProgressBar(out, true, "embedding", 4);
        bar.advance(2);
        bar.advance(2);
        bar.finish();
        String printed = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(printed.startsWith("\rembedding [###############...............] 2/4  "), printed);
        assertTrue(printed.contains("\rembedding [##############################] 4/4  "), printed);
        assertEquals(1, printed.chars().filter(c -> c == '\n').count(), "one line, redrawn, ended once: " + printed);
    }

    @Test
    void nothingToDoStillEndsCleanly() {
        ProgressBar bar = new ProgressBar(out, false, "embedding", 0);
        bar.advance(0);
        bar.finish();
        assertTrue(bytes.toString(StandardCharsets.UTF_8).startsWith("embedding [##############################] 0/0"));
    }
}
