package io.github.sqlitevec.examples.springboot;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Notes and their embeddings, searched by nearest neighbour over the {@code vec0} table. */
@Repository
public class NoteStore {
    private final JdbcTemplate jdbc;

    public NoteStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a note; a note that exists already throws Spring's {@code DuplicateKeyException}. */
    @Transactional
    public long add(String text, float[] embedding) {
        jdbc.update("INSERT INTO notes(text) VALUES (?)", text);
        long id = jdbc.queryForObject("SELECT last_insert_rowid()", Long.class);
        // A float[] parameter is bound as sqlite-vec's float32 blob by the driver.
        jdbc.update("INSERT INTO note_embeddings(rowid, embedding) VALUES (?, ?)", id, embedding);
        return id;
    }

    /** The {@code k} notes nearest to {@code query}, nearest first. */
    public List<String> nearest(float[] query, int k) {
        return jdbc.queryForList(
                "SELECT n.text FROM note_embeddings e JOIN notes n ON n.id = e.rowid"
                        + " WHERE e.embedding MATCH ? AND k = ? ORDER BY e.distance",
                String.class, query, k);
    }

    public boolean isEmpty() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM notes", Integer.class) == 0;
    }
}
