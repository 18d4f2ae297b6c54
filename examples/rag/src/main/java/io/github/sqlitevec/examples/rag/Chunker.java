package io.github.sqlitevec.examples.rag;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a file into passages of whole lines, small enough for the embedding model to read in one
 * go and overlapping a little, so a sentence cut at a boundary is still whole in one of the two
 * passages. Breaks at a blank line when one is near, so Markdown paragraphs stay together.
 *
 * <p>Public only so that the real-embedding benchmark (conformance-tests, docs/benchmarks.md)
 * cuts its corpus exactly as this example cuts notes.
 */
public final class Chunker {

    /** A passage and where it sits in its file (1-based, inclusive), for the search results. */
    public record Chunk(int startLine, int endLine, String text) {}

    private final int targetChars;
    private final int overlapChars;

    /**
     * @param targetChars  passage size to aim for; all-MiniLM-L6-v2 reads about 256 word pieces,
     *                     roughly 1000 characters of English
     * @param overlapChars how much of the end of one passage is repeated at the start of the next
     */
    Chunker(int targetChars, int overlapChars) {
        if (targetChars <= 0 || overlapChars < 0 || overlapChars >= targetChars) {
            throw new IllegalArgumentException("need 0 <= overlap < target, got overlap " + overlapChars
                    + " and target " + targetChars);
        }
        this.targetChars = targetChars;
        this.overlapChars = overlapChars;
    }

    /** 800-character passages overlapping by 160: what the example indexes notes with. */
    public static Chunker forNotes() {
        return new Chunker(800, 160);
    }

    /** The passages of {@code text}, in order. */
    public List<Chunk> chunk(String text) {
        List<String> lines = text.lines().toList();
        List<Chunk> chunks = new ArrayList<>();
        int start = firstNonBlank(lines, 0);
        while (start < lines.size()) {
            int end = fillUpTo(lines, start); // exclusive
            if (end < lines.size()) {
                end = preferParagraphBreak(lines, start, end);
            }
            int last = lastNonBlank(lines, start, end);
            chunks.add(new Chunk(start + 1, last + 1, String.join("\n", lines.subList(start, last + 1))));
            if (end >= lines.size()) {
                break;
            }
            start = firstNonBlank(lines, overlapStart(lines, start, end));
        }
        return chunks;
    }

    /** Takes lines while they fit; always at least one, so a very long line becomes its own passage. */
    private int fillUpTo(List<String> lines, int start) {
        int end = start;
        int chars = 0;
        while (end < lines.size() && (end == start || chars + lines.get(end).length() + 1 <= targetChars)) {
            chars += lines.get(end).length() + 1;
            end++;
        }
        return end;
    }

    /** Moves the end back to a blank line in the second half of the passage, if there is one. */
    private static int preferParagraphBreak(List<String> lines, int start, int end) {
        for (int i = end - 1; i > start + (end - start) / 2; i--) {
            if (lines.get(i).isBlank()) {
                return i;
            }
        }
        return end;
    }

    /** Where the next passage starts: a few lines before this one's end, but always past its start. */
    private int overlapStart(List<String> lines, int start, int end) {
        int next = end;
        int chars = 0;
        while (next - 1 > start && chars + lines.get(next - 1).length() + 1 <= overlapChars) {
            chars += lines.get(next - 1).length() + 1;
            next--;
        }
        return next;
    }

    private static int firstNonBlank(List<String> lines, int from) {
        int i = from;
        while (i < lines.size() && lines.get(i).isBlank()) {
            i++;
        }
        return i;
    }

    private static int lastNonBlank(List<String> lines, int start, int end) {
        int i = end - 1;
        while (i > start && lines.get(i).isBlank()) {
            i--;
        }
        return i;
    }
}
