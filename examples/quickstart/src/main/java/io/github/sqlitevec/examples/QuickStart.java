package io.github.sqlitevec.examples;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The first program to run: stores a few sentences with their embeddings in a SQLite file and
 * answers questions by nearest-neighbour search over a {@code vec0} table.
 *
 * <pre>./mvnw -q -pl examples -am -DskipTests install exec:java</pre>
 *
 * The embeddings come from {@link HashingEmbedder}, a dependency-free stand-in that makes
 * sentences sharing words close; swap in a real model and nothing else changes.
 */
public final class QuickStart {
    static final String[] SENTENCES = {
            "SQLite is a small, fast, self-contained SQL database engine.",
            "sqlite-vec adds vector search to SQLite with vec0 virtual tables.",
            "HikariCP is a fast JDBC connection pool.",
            "PostgreSQL with pgvector stores embeddings in a server database.",
            "Retrieval augmented generation looks up relevant documents before answering.",
            "The JVM runs Java, Kotlin and Scala programs.",
            "Cosine distance compares the direction of two vectors.",
            "A vector embedding maps text to a list of numbers.",
            "Hibernate maps Java entities to relational tables.",
            "jOOQ builds type-safe SQL queries in Java.",
            "Alpine Linux containers use the musl C library.",
            "Coffee tastes best freshly ground.",
    };

    private QuickStart() {}

    public static void main(String[] args) throws SQLException {
        Path db = Paths.get(args.length > 0 ? args[0] : "quickstart.db").toAbsolutePath();
        List<String> questions = args.length > 1 ? List.of(args).subList(1, args.length)
                : List.of("Which database engine is small and self-contained?", "How do I search vectors in SQLite?",
                        "What maps text to numbers?");
        HashingEmbedder embedder = new HashingEmbedder(256);
        try (Connection c = DriverManager.getConnection("jdbc:sqlitevec:" + db)) {
            load(c, embedder);
            for (String question : questions) {
                System.out.println("Q: " + question);
                for (Hit hit : search(c, embedder.embed(question), 3)) {
                    System.out.printf("   %.3f  %s%n", hit.distance, hit.text);
                }
            }
        }
        System.out.println("database: " + db);
    }

    /** Creates the tables once and fills them; running again reuses the file. */
    static void load(Connection c, HashingEmbedder embedder) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS sentences(id INTEGER PRIMARY KEY, text TEXT NOT NULL UNIQUE)");
            s.execute("CREATE VIRTUAL TABLE IF NOT EXISTS sentence_vectors USING vec0("
                    + "embedding float[" + embedder.dimensions() + "] distance_metric=cosine)");
        }
        c.setAutoCommit(false);
        try (PreparedStatement text = c.prepareStatement("INSERT OR IGNORE INTO sentences(text) VALUES (?)");
             PreparedStatement vector = c.prepareStatement(
                     "INSERT INTO sentence_vectors(rowid, embedding) SELECT id, ? FROM sentences WHERE text = ?"
                             + " AND id NOT IN (SELECT rowid FROM sentence_vectors)")) {
            for (String sentence : SENTENCES) {
                text.setString(1, sentence);
                text.executeUpdate();
                vector.setObject(1, embedder.embed(sentence));
                vector.setString(2, sentence);
                vector.executeUpdate();
            }
            c.commit();
        } catch (SQLException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    static final class Hit {
        final String text;
        final double distance;

        Hit(String text, double distance) {
            this.text = text;
            this.distance = distance;
        }
    }

    /** The k sentences nearest to {@code query}: a KNN query on vec0, joined back to the text. */
    static List<Hit> search(Connection c, float[] query, int k) throws SQLException {
        String sql = "SELECT s.text, v.distance FROM sentence_vectors v JOIN sentences s ON s.id = v.rowid"
                + " WHERE v.embedding MATCH ? AND k = ? ORDER BY v.distance";
        List<Hit> hits = new ArrayList<>();
        try (PreparedStatement knn = c.prepareStatement(sql)) {
            knn.setObject(1, query);
            knn.setInt(2, k);
            try (ResultSet rs = knn.executeQuery()) {
                while (rs.next()) {
                    hits.add(new Hit(rs.getString(1), rs.getDouble(2)));
                }
            }
        }
        return hits;
    }
}
