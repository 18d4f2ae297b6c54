package io.github.sqlitevec.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProgressTest {

    @Test
    void aTerminalGetsOneBarPerTableRedrawnInPlace() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Progress progress = new Progress(new PrintStream(bytes, true, StandardCharsets.UTF_8), true);
        progress.start("docs", 4000);
        progress.advance(1000);
        progress.advance(1000);
        progress.finish("");
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(out.contains("\rdocs                     [-------] ".replace("-------]", "------------------------------]") + "  0%  0/4000 rows"), out);
        assertTrue(out.contains("[#######-----------------------]  25%  1000/4000 rows"), out);
        assertTrue(out.contains("[###############---------------]  50%  2000/4000 rows"), out);
        assertTrue(out.endsWith("[##############################] 100%  4000/4000 rows" + System.lineSeparator()), out);
    }

    @Test
    void aFileOrPipeGetsOneLinePerTable() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Progress progress = new Progress(new PrintStream(bytes, true, StandardCharsets.UTF_8), false);
        progress.start("docs", 3);
        progress.advance(3);
        progress.finish("");
        assertEquals("copied docs: 3 rows" + System.lineSeparator(), bytes.toString(StandardCharsets.UTF_8));
    }
}
