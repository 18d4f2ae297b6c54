package io.github.sqlitevec.examples.springboot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.dao.DuplicateKeyException;

/**
 * Starts the example as a user would, on a fresh file, without H2 or any other driver on the classpath.
 * These tests are about the notes table, so they run without the web server and give the RAG index
 * an empty folder instead of the demo notes ({@code SearchEndpointTest} covers that part).
 */
class NotesApplicationTest {
    @TempDir
    Path dir;

    private ConfigurableApplicationContext start() throws IOException {
        return SpringApplication.run(NotesApplication.class,
                "--spring.datasource.url=jdbc:sqlitevec:" + dir.resolve("notes.db"),
                "--spring.main.web-application-type=none",
                "--rag.notes-folder=" + Files.createDirectories(dir.resolve("no-notes")));
    }

    @Test
    void flywayCreatesTheVectorTableAndSearchFindsTheWarmFoodNotes() throws IOException {
        try (ConfigurableApplicationContext app = start()) {
            NoteStore notes = app.getBean(NoteStore.class);

            List<String> nearest = notes.nearest(new float[] {0.9f, 0.1f, 0.7f}, 2);

            assertEquals(List.of("Ice cream in July", "Hot soup on a winter evening"), nearest);
        }
    }

    @Test
    void storingANoteTwiceIsADuplicateKey() throws IOException {
        try (ConfigurableApplicationContext app = start()) {
            NoteStore notes = app.getBean(NoteStore.class);

            assertThrows(DuplicateKeyException.class, () -> notes.add("Skiing in fresh snow", new float[] {0f, 1f, 0f}));
        }
    }
}
