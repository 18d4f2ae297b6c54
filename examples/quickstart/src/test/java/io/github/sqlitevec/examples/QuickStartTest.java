package io.github.sqlitevec.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QuickStartTest {
    @TempDir
    Path dir;

    @Test
    void questionsFindTheSentenceThatSharesTheirWords() throws Exception {
        HashingEmbedder embedder = new HashingEmbedder(256);
        try (Connection c = DriverManager.getConnection("jdbc:sqlitevec:" + dir.resolve("q.db"))) {
            QuickStart.load(c, embedder);
            List<QuickStart.Hit> hits = QuickStart.search(c, embedder.embed("a fast JDBC connection pool"), 3);
            assertEquals(3, hits.size());
            assertEquals("HikariCP is a fast JDBC connection pool.", hits.get(0).text);
            assertTrue(hits.get(0).distance < hits.get(1).distance);
        }
    }

    @Test
    void runningTwiceDoesNotDuplicateRows() throws Exception {
        Path db = dir.resolve("twice.db");
        QuickStart.main(new String[] {db.toString(), "vectors"});
        QuickStart.main(new String[] {db.toString(), "vectors"});
        try (Connection c = DriverManager.getConnection("jdbc:sqlitevec:" + db);
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT (SELECT count(*) FROM sentences), (SELECT count(*) FROM sentence_vectors)")) {
            rs.next();
            assertEquals(QuickStart.SENTENCES.length, rs.getInt(1));
            assertEquals(QuickStart.SENTENCES.length, rs.getInt(2));
        }
    }
}
