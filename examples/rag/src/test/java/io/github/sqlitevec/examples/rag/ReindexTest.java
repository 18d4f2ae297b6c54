package io.github.sqlitevec.examples.rag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sqlitevec.examples.rag.HybridSearch.Passage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Re-indexing does only the work the folder's changes call for. */
@Timeout(120)
class ReindexTest {
    private final Embedder embedder = new Embedder();

    @TempDir
    Path dir;

    /** A small folder: three notes from the demo, copied so each test can change them. */
    private Path notes() throws Exception {
        Path notes = Files.createDirectories(dir.resolve("notes"));
        for (String file : List.of("bike/chain-care.md", "kitchen/lentil-soup.md", "tech/sqlite-notes.md")) {
            Path target = notes.resolve(file);
            Files.createDirectories(target.getParent());
            Files.writeString(target, DemoCorpus.read(file));
        }
        return notes;
    }

    private NoteIndex index(Connection c) throws Exception {
        return new NoteIndex(c, embedder, Chunker.forNotes());
    }

    @Test
    void reindexingAnUnchangedFolderEmbedsNothing() throws Exception {
        Path notes = notes();
        try (Connection c = DriverManager.getConnection("jdbc:sqlitevec:" + dir.resolve("rag.db"))) {
            NoteIndex.Report first = index(c).update(notes, IndexedDemoNotes::silentProgress);
            NoteIndex.Report second = index(c).update(notes, IndexedDemoNotes::silentProgress);
            assertEquals(3, first.filesAdded());
            assertTrue(first.chunksEmbedded() >= 3, first.toString());
            assertEquals(new NoteIndex.Report(3, 3, 0, 0, 0, 0, 0, first.chunksTotal(), second.embedSeconds()), second);
        }
    }

    @Test
    void aTouchedButUnchangedFileIsNotEmbeddedAgain() throws Exception {
        Path notes = notes();
        try (Connection c = DriverManager.getConnection("jdbc:sqlitevec:" + dir.resolve("rag.db"))) {
            index(c).update(notes, IndexedDemoNotes::silentProgress);
            Files.setLastModifiedTime(notes.resolve("bike/chain-care.md"), FileTime.from(Instant.parse("2030-01-01T00:00:00Z")));
            NoteIndex.Report second = index(c).update(notes, IndexedDemoNotes::silentProgress);
            assertEquals(0, second.chunksEmbedded(), second.toString());
            assertEquals(3, second.filesUnchanged(), second.toString());
        }
    }

    @Test
    void aModifiedFileIsTheOnlyOneEmbeddedAgainAndItsNewTextIsFound() throws Exception {
        Path notes = notes();
        try (Connection c = DriverManager.getConnection("jdbc:sqlitevec:" + dir.resolve("rag.db"))) {
            NoteIndex.Report first = index(c).update(notes, IndexedDemoNotes::silentProgress);
            Path soup = notes.resolve("kitchen/lentil-soup.md");
            String changed = Files.readString(soup) + "\nVariation: stir in a handful of spinach and a spoon of harissa paste.\n";
            Files.writeString(soup, changed);
            int soupChunks = Chunker.forNotes().chunk(changed).size();

            NoteIndex.Report second = index(c).update(notes, IndexedDemoNotes::silentProgress);

            assertEquals(1, second.filesChanged(), second.toString());
            assertEquals(2, second.filesUnchanged(), second.toString());
            assertEquals(soupChunks, second.chunksEmbedded(), second.toString());
            assertEquals(first.chunksTotal() - Chunker.forNotes().chunk(DemoCorpus.read("kitchen/lentil-soup.md")).size()
                    + soupChunks, second.chunksTotal());
            Passage best = new HybridSearch(c, embedder).search("harissa and spinach", 1).get(0);
            assertEquals("kitchen/lentil-soup.md", best.path());
            assertTrue(best.text().contains("harissa"), best.text());
        }
    }

    @Test
    void aDeletedFileDisappearsFromTheIndexAndTheResults() throws Exception {
        Path notes = notes();
        try (Connection c = DriverManager.getConnection("jdbc:sqlitevec:" + dir.resolve("rag.db"))) {
            index(c).update(notes, IndexedDemoNotes::silentProgress);
            Files.delete(notes.resolve("tech/sqlite-notes.md"));

            NoteIndex.Report second = index(c).update(notes, IndexedDemoNotes::silentProgress);

            assertEquals(1, second.filesRemoved(), second.toString());
            assertEquals(0, second.chunksEmbedded(), second.toString());
            List<Passage> results = new HybridSearch(c, embedder).search("database is locked busy_timeout WAL", 10);
            assertFalse(results.stream().anyMatch(p -> p.path().equals("tech/sqlite-notes.md")), results.toString());
            try (var s = c.createStatement();
                 var rs = s.executeQuery("SELECT (SELECT count(*) FROM chunks), (SELECT count(*) FROM chunk_vectors),"
                         + " (SELECT count(*) FROM chunk_words)")) {
                rs.next();
                assertEquals(second.chunksTotal(), rs.getInt(1));
                assertEquals(rs.getInt(1), rs.getInt(2), "vectors left behind for deleted chunks");
                assertEquals(rs.getInt(1), rs.getInt(3), "full-text rows left behind for deleted chunks");
            }
        }
    }
}
