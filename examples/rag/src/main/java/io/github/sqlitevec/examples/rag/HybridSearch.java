package io.github.sqlitevec.examples.rag;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Answers a question with the passages that match it best by meaning and by words together
 * (the query itself is {@link RagSql#HYBRID_SEARCH}). Meaning finds "how do I fix a flat tyre" in a
 * note that says "puncture"; words find the note that names the exact error message or command.
 * Stateless apart from the connection; one instance per thread.
 */
final class HybridSearch {
    /** How many candidates each of the two lists brings to the fusion. */
    private static final int CANDIDATES = 40;

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}_]+");

    /** Words too common to say anything; left in, they make every passage a keyword match. */
    private static final Set<String> STOP_WORDS = Set.of(
            "a", "an", "and", "are", "as", "at", "be", "by", "can", "do", "does", "for", "from", "how", "i",
            "in", "is", "it", "me", "my", "of", "on", "or", "should", "the", "to", "what", "when", "where",
            "which", "who", "why", "with", "you", "your", "we", "our", "this", "that", "there", "was", "were");

    /**
     * One search result. {@code vectorRank}/{@code keywordRank} are null when the passage came from
     * the other list only; {@code similarity} is 1 - cosine distance; BM25 is SQLite's (more negative is better).
     */
    record Passage(String path, int startLine, int endLine, String text, double rrfScore,
                   Integer vectorRank, Double similarity, Integer keywordRank, Double bm25) {}

    private final Connection connection;
    private final Embedder embedder;

    HybridSearch(Connection connection, Embedder embedder) {
        this.connection = connection;
        this.embedder = embedder;
    }

    List<Passage> search(String question, int limit) throws SQLException {
        String words = ftsQuery(question);
        if (words.isEmpty()) {
            throw new IllegalArgumentException("the question \"" + question + "\" has no words to search for");
        }
        try (PreparedStatement query = connection.prepareStatement(RagSql.HYBRID_SEARCH)) {
            query.setObject(1, embedder.embed(question));
            query.setInt(2, Math.max(CANDIDATES, limit));
            query.setString(3, words);
            query.setInt(4, limit);
            List<Passage> passages = new ArrayList<>();
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    passages.add(new Passage(rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getString(4),
                            rs.getDouble(5), intOrNull(rs, 6), similarity(doubleOrNull(rs, 7)),
                            intOrNull(rs, 8), doubleOrNull(rs, 9)));
                }
            }
            return passages;
        }
    }

    /**
     * The question's words as an FTS5 query: each word quoted (so "C++" or "AND" cannot be read as
     * FTS5 syntax) and joined with OR, so a passage needs only some of them. Common words are dropped
     * unless nothing else is left.
     */
    static String ftsQuery(String question) {
        Set<String> all = new LinkedHashSet<>();
        Matcher m = WORD.matcher(question.toLowerCase(Locale.ROOT));
        while (m.find()) {
            all.add(m.group());
        }
        Set<String> meaningful = new LinkedHashSet<>(all);
        meaningful.removeAll(STOP_WORDS);
        Set<String> chosen = meaningful.isEmpty() ? all : meaningful;
        return String.join(" OR ", chosen.stream().map(w -> '"' + w + '"').toList());
    }

    // A passage found by one list only has NULLs for the other list's columns.
    private static Integer intOrNull(ResultSet rs, int column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    private static Double doubleOrNull(ResultSet rs, int column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : value;
    }

    private static Double similarity(Double cosineDistance) {
        return cosineDistance == null ? null : 1 - cosineDistance;
    }
}
