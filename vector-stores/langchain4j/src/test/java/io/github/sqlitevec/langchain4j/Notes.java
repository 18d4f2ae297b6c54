package io.github.sqlitevec.langchain4j;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** A small folder of plain-text notes on unrelated topics, written by the tests that index files. */
final class Notes {

    static final String BIKE = "The road bike tyres need 6.5 bar of air pressure. "
            + "Pump them every two weeks, because the inner tubes slowly lose air.";
    static final String GARDEN = "Tomatoes in the garden want water every evening in July, "
            + "and the basil next to them only every other day.";
    static final String KITCHEN = "The sourdough starter lives in the fridge; feed it flour and water "
            + "on Sunday before baking bread.";
    static final String TAXES = "The tax return is due on the last day of July; "
            + "keep the receipts for the new laptop in the blue folder.";

    static final Map<String, String> FILES = Map.of(
            "bike.txt", BIKE, "garden.txt", GARDEN, "kitchen.txt", KITCHEN, "taxes.txt", TAXES);

    private Notes() {}

    /** Writes the notes into {@code dir} and returns it. */
    static Path writeTo(Path dir) {
        try {
            Files.createDirectories(dir);
            for (Map.Entry<String, String> note : FILES.entrySet()) {
                Files.writeString(dir.resolve(note.getKey()), note.getValue());
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
