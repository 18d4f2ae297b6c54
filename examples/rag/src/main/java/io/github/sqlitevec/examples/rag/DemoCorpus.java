package io.github.sqlitevec.examples.rag;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The notes bundled with the example, so the first run has something to search on any machine.
 * They live in the jar under {@code demo-notes/}; {@code demo-notes/FILES} lists them because a
 * jar cannot be listed like a folder.
 */
final class DemoCorpus {
    private static final String FOLDER = "demo-notes/";

    /** The question the no-argument run answers; {@link #SAMPLE_ANSWER} holds the passage it should find. */
    static final String SAMPLE_QUESTION = "how long can sourdough dough rest in the fridge?";
    static final String SAMPLE_ANSWER = "kitchen/sourdough.md";

    /** A few more questions for the latency figure, each about a different note. */
    static final List<String> MORE_QUESTIONS = List.of(
            "my bike tyre keeps going flat",
            "what is a good coffee to water ratio for pour-over?",
            "how do I undo my last git commit but keep the changes?",
            "why is the SQLite database locked when two programs write?",
            "how often should I water a fiddle leaf fig?");

    private DemoCorpus() {}

    static List<String> files() {
        return read("FILES").lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
    }

    /** Copies the notes into {@code target}, keeping their sub-folders. */
    static void copyTo(Path target) throws IOException {
        for (String file : files()) {
            Path destination = target.resolve(file);
            Files.createDirectories(destination.getParent());
            Files.writeString(destination, read(file));
        }
    }

    static String read(String file) {
        try (InputStream in = DemoCorpus.class.getClassLoader().getResourceAsStream(FOLDER + file)) {
            if (in == null) {
                throw new IllegalStateException("demo note " + FOLDER + file + " is missing from the jar; rebuild the example");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
