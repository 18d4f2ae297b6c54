package io.github.sqlitevec.examples.rag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The program as a user runs it: arguments in, text out, an exit status. */
@Timeout(120)
class MainTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        out.reset();
        err.reset();
        PrintStream progress = new PrintStream(err, true, StandardCharsets.UTF_8);
        return new Main(dir, new PrintStream(out, true, StandardCharsets.UTF_8), progress,
                (label, total) -> new ProgressBar(progress, false, label, total)).run(args);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void runWithoutArgumentsIndexesTheDemoNotesAndAnswersTheSampleQuestion() {
        assertEquals(0, run(), err.toString(StandardCharsets.UTF_8));

        String printed = out();
        assertTrue(printed.contains("indexed 27 files into " + dir.resolve("sqlitevec-demo.db").toAbsolutePath()
                + ": 27 added, 0 changed, 0 unchanged, 0 removed"), printed);
        assertTrue(printed.matches("(?s).*embedded \\d+ chunks in [0-9.]+ s \\([0-9.]+ chunks/s\\).*"), printed);
        assertTrue(printed.contains("Q: " + DemoCorpus.SAMPLE_QUESTION + "\n 1. " + DemoCorpus.SAMPLE_ANSWER + ":"), printed);
        assertTrue(printed.contains("12 to 48 hours"), "the top passage's snippet should hold the answer:\n" + printed);
        assertTrue(printed.matches("(?s).*query latency: median [0-9.]+ ms over 6 questions.*"), printed);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("ETA"), "progress bar on stderr");
        assertTrue(Files.exists(dir.resolve("sqlitevec-demo.db")));

        assertEquals(0, run());
        assertTrue(out().contains("0 added, 0 changed, 27 unchanged, 0 removed"), out());
        assertTrue(out().contains("embedded 0 chunks"), out());
    }

    @Test
    void indexThenSearchAUsersFolder() throws Exception {
        Path notes = Files.createDirectories(dir.resolve("my notes"));
        Files.writeString(notes.resolve("plants.md"), "# Balcony\nThe basil wants sun all day and water every morning.\n");
        Files.writeString(notes.resolve("car.txt"), "Winter tyres go on in November and off at Easter.\n");
        Files.write(notes.resolve("photo.jpg"), new byte[] {(byte) 0xff, (byte) 0xd8, 0, 1});

        assertEquals(0, run("index", "my notes", "--db", "mine.db"), err.toString(StandardCharsets.UTF_8));
        assertTrue(out().contains("indexed 2 files"), out());

        assertEquals(0, run("search", "when do I change to snow tyres?", "--db", "mine.db", "--top", "1"));
        assertTrue(out().contains(" 1. car.txt:1-1  rrf "), out());
        assertTrue(out().contains("Winter tyres go on in November and off at Easter."), out());
    }

    @Test
    void searchingBeforeIndexingTellsTheUserWhatToRun() {
        assertEquals(2, run("search", "anything"));
        String message = err.toString(StandardCharsets.UTF_8);
        assertTrue(message.startsWith("no index at " + dir.resolve(Main.DEFAULT_DB).toAbsolutePath()
                + "; run: index <folder>"), message);
        assertTrue(message.contains("usage:"), message);
        assertTrue(Files.notExists(dir.resolve(Main.DEFAULT_DB)), "searching must not create an empty index");
    }

    @Test
    void badArgumentsPrintTheUsage() {
        assertEquals(2, run("serch", "typo"));
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("unknown command: serch\nusage:"));
        assertEquals(2, run("search", "two", "questions"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("quote a question with spaces"));
        assertEquals(2, run("search", "q", "--top", "zero"));
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("--top needs a positive number, got zero"));
    }
}
