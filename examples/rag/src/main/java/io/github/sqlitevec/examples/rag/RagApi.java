package io.github.sqlitevec.examples.rag;

import io.github.sqlitevec.examples.rag.HybridSearch.Passage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The rag example's index and search as one small public API, for programs that embed it (the Spring
 * Boot service in {@code examples/spring-boot} serves {@code POST /search} with it). The classes
 * behind it ({@link NoteIndex}, {@link HybridSearch}, {@link Embedder}, ...) stay package-private.
 *
 * <p>Thread-safe: the model is shared and every call works only on the connection it is given.
 */
public final class RagApi {
    /** A question the bundled notes answer, and the file that answers it. */
    public static final String SAMPLE_QUESTION = DemoCorpus.SAMPLE_QUESTION;
    public static final String SAMPLE_ANSWER = DemoCorpus.SAMPLE_ANSWER;

    /**
     * One passage found for a question: where it is, how it scored in each of the two searches
     * (null when only the other search found it), and a one-line snippet around the question's words.
     */
    public record FoundPassage(String file, int startLine, int endLine, double score,
                               Integer meaningRank, Double similarity, Integer wordsRank, Double bm25,
                               String snippet) {}

    /** What one indexing run did. */
    public record IndexSummary(int filesSeen, int filesAdded, int filesChanged, int filesRemoved,
                               int chunksEmbedded, int chunksTotal, double embedSeconds) {}

    private final Embedder embedder = new Embedder();

    /** Loads the model now (a few seconds), so that the first question does not pay for it. */
    public void loadModel() {
        embedder.embed("warm up");
    }

    /** Creates the index tables if needed and counts the passages they hold. */
    public int countPassages(Connection connection) throws SQLException {
        return noteIndex(connection).countChunks();
    }

    /** Makes the index mirror {@code folder}: new and changed files are embedded, missing ones removed. */
    public IndexSummary index(Connection connection, Path folder) throws IOException, SQLException {
        NoteIndex.Report r = noteIndex(connection).update(folder, ProgressBar::onStderr);
        return new IndexSummary(r.filesSeen(), r.filesAdded(), r.filesChanged(), r.filesRemoved(),
                r.chunksEmbedded(), r.chunksTotal(), r.embedSeconds());
    }

    /** Indexes the notes bundled in the rag example's jar (paths such as {@code kitchen/sourdough.md}). */
    public IndexSummary indexDemoNotes(Connection connection) throws IOException, SQLException {
        Path notes = Files.createTempDirectory("sqlitevec-demo-notes");
        try {
            DemoCorpus.copyTo(notes);
            return index(connection, notes);
        } finally {
            deleteRecursively(notes);
        }
    }

    /** The bundled demo notes, file name (such as {@code kitchen/sourdough.md}) to text, in a fixed order. */
    public static java.util.Map<String, String> demoNotes() {
        java.util.Map<String, String> notes = new java.util.LinkedHashMap<>();
        for (String file : DemoCorpus.files()) {
            notes.put(file, DemoCorpus.read(file));
        }
        return notes;
    }

    /**
     * The {@code top} best passages for {@code question} by hybrid search, best first.
     *
     * @throws IllegalArgumentException if the question has no words to search for
     */
    public List<FoundPassage> search(Connection connection, String question, int top) throws SQLException {
        return new HybridSearch(connection, embedder).search(question, top).stream()
                .map(p -> found(p, question))
                .toList();
    }

    private static FoundPassage found(Passage p, String question) {
        return new FoundPassage(p.path(), p.startLine(), p.endLine(), p.rrfScore(), p.vectorRank(), p.similarity(),
                p.keywordRank(), p.bm25(), PassagePrinter.snippet(p.text(), question));
    }

    private NoteIndex noteIndex(Connection connection) throws SQLException {
        return new NoteIndex(connection, embedder, Chunker.forNotes());
    }

    private static void deleteRecursively(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
