package io.github.sqlitevec.examples.rag;

import io.github.sqlitevec.examples.rag.HybridSearch.Passage;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Prints search results the way a person scans them: where, how good, and a taste of the text. */
final class PassagePrinter {
    private static final int SNIPPET_CHARS = 220;

    private final PrintStream out;

    PassagePrinter(PrintStream out) {
        this.out = out;
    }

    void print(String question, List<Passage> passages) {
        out.println("Q: " + question);
        if (passages.isEmpty()) {
            out.println("   (no passages: the index is empty)");
        }
        for (int i = 0; i < passages.size(); i++) {
            Passage p = passages.get(i);
            out.printf(Locale.ROOT, "%2d. %s:%d-%d  rrf %.4f  meaning %s  words %s%n", i + 1, p.path(), p.startLine(),
                    p.endLine(), p.rrfScore(),
                    p.vectorRank() == null ? "-" : String.format(Locale.ROOT, "#%d (cos %.3f)", p.vectorRank(), p.similarity()),
                    p.keywordRank() == null ? "-" : String.format(Locale.ROOT, "#%d (bm25 %.2f)", p.keywordRank(), p.bm25()));
            out.println("    " + snippet(p.text(), question));
        }
    }

    /** The passage on one line, cut to the stretch that holds the most of the question's words. */
    static String snippet(String text, String question) {
        String flat = text.replaceAll("\\s+", " ").strip();
        if (flat.length() <= SNIPPET_CHARS) {
            return flat;
        }
        String lower = flat.toLowerCase(Locale.ROOT);
        List<String> words = Arrays.stream(HybridSearch.ftsQuery(question).replace("\"", "").split(" OR "))
                .filter(w -> w.length() > 2).toList();
        int bestStart = 0;
        long bestCount = -1;
        for (String word : words) {
            for (int at = lower.indexOf(word); at >= 0; at = lower.indexOf(word, at + 1)) {
                int start = Math.max(0, Math.min(at - 40, flat.length() - SNIPPET_CHARS));
                String window = lower.substring(start, start + SNIPPET_CHARS);
                long count = words.stream().filter(window::contains).count();
                if (count > bestCount) {
                    bestCount = count;
                    bestStart = start;
                }
            }
        }
        int end = bestStart + SNIPPET_CHARS;
        return (bestStart > 0 ? "..." : "") + flat.substring(bestStart, end) + (end < flat.length() ? "..." : "");
    }
}
