package io.github.sqlitevec.examples.rag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sqlitevec.examples.rag.Chunker.Chunk;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ChunkerTest {
    private final Chunker chunker = new Chunker(200, 60);

    private static String numberedLines(int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> "line " + i + " of the note, some words here")
                .collect(Collectors.joining("\n"));
    }

    @Test
    void eachChunkHoldsExactlyTheLinesItsRangeNames() {
        String text = numberedLines(40);
        List<String> lines = text.lines().toList();
        for (Chunk chunk : chunker.chunk(text)) {
            assertEquals(String.join("\n", lines.subList(chunk.startLine() - 1, chunk.endLine())), chunk.text());
            assertTrue(chunk.text().length() <= 200, chunk.toString());
        }
    }

    @Test
    void everyLineIsInSomeChunkAndNeighboursOverlap() {
        List<Chunk> chunks = chunker.chunk(numberedLines(40));
        assertEquals(1, chunks.get(0).startLine());
        assertEquals(40, chunks.get(chunks.size() - 1).endLine());
        for (int i = 1; i < chunks.size(); i++) {
            assertTrue(chunks.get(i).startLine() <= chunks.get(i - 1).endLine(), "no overlap: " + chunks);
            assertTrue(chunks.get(i).startLine() > chunks.get(i - 1).startLine(), "no progress: " + chunks);
        }
    }

    @Test
    void aBlankLineNearTheEndIsPreferredAsTheBreak() {
        String text = "# Title\nfirst paragraph line one\nfirst paragraph line two\nfirst paragraph line three\n\n"
                + "second paragraph that is long enough to push the chunk over its target size for sure";
        List<Chunk> chunks = new Chunker(120, 0).chunk(text);
        assertEquals(new Chunk(1, 4, "# Title\nfirst paragraph line one\nfirst paragraph line two\nfirst paragraph line three"),
                chunks.get(0));
        assertEquals(6, chunks.get(1).startLine());
    }

    @Test
    void aLineLongerThanTheTargetBecomesItsOwnChunk() {
        String longLine = "x".repeat(500);
        assertEquals(List.of(new Chunk(1, 1, "short"), new Chunk(2, 2, longLine), new Chunk(3, 3, "short")),
                new Chunker(200, 0).chunk("short\n" + longLine + "\nshort"));
    }

    @Test
    void blankTextHasNoChunksAndLeadingBlankLinesAreSkipped() {
        assertEquals(List.of(), chunker.chunk("\n\n   \n"));
        assertEquals(List.of(new Chunk(3, 3, "hello")), chunker.chunk("\n\nhello\n\n"));
    }

    @Test
    void windowsLineEndingsCountAsOneLineBreak() {
        assertEquals(List.of(new Chunk(1, 2, "a\nb")), chunker.chunk("a\r\nb\r\n"));
    }

    @Test
    void anOverlapAsLargeAsTheChunkIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Chunker(100, 100));
        assertEquals("need 0 <= overlap < target, got overlap 100 and target 100", e.getMessage());
    }
}
