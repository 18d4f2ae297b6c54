package io.github.sqlitevec.examples.rag;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** The bundled notes copied to a folder and indexed into a fresh SQLite file, as a user would. */
final class IndexedDemoNotes {
    final Path notes;
    final Connection connection;
    final Embedder embedder = new Embedder(); // the model itself is loaded once per JVM
    final NoteIndex index;
    final NoteIndex.Report firstRun;

    IndexedDemoNotes(Path dir) throws IOException, SQLException {
        notes = Files.createDirectories(dir.resolve("notes"));
        DemoCorpus.copyTo(notes);
        connection = DriverManager.getConnection("jdbc:sqlitevec:" + dir.resolve("notes.db"));
        index = new NoteIndex(connection, embedder, Chunker.forNotes());
        firstRun = update();
    }

    NoteIndex.Report update() throws IOException, SQLException {
        return index.update(notes, IndexedDemoNotes::silentProgress);
    }

    HybridSearch search() {
        return new HybridSearch(connection, embedder);
    }

    /** A non-interactive bar writing to memory: exercised like the real one, but quiet. */
    static ProgressBar silentProgress(String label, long total) {
        return new ProgressBar(new PrintStream(new ByteArrayOutputStream()), false, label, total);
    }
}
