package io.github.sqlitevec.examples.springboot.search;

import io.github.sqlitevec.examples.rag.RagApi;
import io.github.sqlitevec.examples.rag.RagApi.IndexSummary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Fills the RAG index in the application's database before {@code POST /search} can be called: it
 * runs while the context is built, and Boot opens the HTTP port only after that, so no request sees a
 * half-built index. With {@code rag.notes-folder} set, the index is brought in step with that folder
 * on every start (only new and changed files are embedded); without it, an empty index gets the rag
 * example's bundled demo notes and a filled one is left as it is.
 */
@Component
// Flyway first: on a fresh file it refuses to migrate a schema that already holds the RAG tables.
@DependsOnDatabaseInitialization
class StartupIndexer implements InitializingBean {
    private static final Logger LOG = LoggerFactory.getLogger(StartupIndexer.class);

    private final JdbcTemplate jdbc;
    private final RagApi rag;
    private final String notesFolder;

    StartupIndexer(JdbcTemplate jdbc, RagApi rag, @Value("${rag.notes-folder:}") String notesFolder) {
        this.jdbc = jdbc;
        this.rag = rag;
        this.notesFolder = notesFolder;
    }

    @Override
    public void afterPropertiesSet() {
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            try {
                if (!notesFolder.isBlank()) {
                    Path folder = Path.of(notesFolder).toAbsolutePath();
                    log("notes in " + folder, rag.index(connection, folder));
                    return null;
                }
                int passages = rag.countPassages(connection);
                if (passages == 0) {
                    log("the bundled demo notes", rag.indexDemoNotes(connection));
                } else {
                    LOG.info("RAG index holds {} passages; set rag.notes-folder to index a folder", passages);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the notes to index: " + e.getMessage(), e);
            }
            return null;
        });
    }

    private static void log(String what, IndexSummary s) {
        LOG.info("RAG index of {}: {} files ({} added, {} changed, {} removed), {} passages embedded in {} s, {} in the index",
                what, s.filesSeen(), s.filesAdded(), s.filesChanged(), s.filesRemoved(), s.chunksEmbedded(),
                String.format(Locale.ROOT, "%.1f", s.embedSeconds()), s.chunksTotal());
    }
}
