package io.github.sqlitevec.examples.rag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sqlitevec.examples.rag.FileWalker.NoteFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileWalkerTest {
    @TempDir
    Path root;

    private void write(String relative, String text) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    @Test
    void findsNotesAndSourceButNotBuildOutputHiddenFoldersOrBinaries() throws IOException {
        write("README.md", "# hi");
        write("journal/2024/march.txt", "a day");
        write("code/Main.java", "class Main {}");
        write("code/target/Generated.java", "class Generated {}");
        write("web/node_modules/lib/index.js", "module.exports = 1");
        write(".git/config", "[core]");
        write(".obsidian/workspace.md", "settings");
        write("photos/cat.jpg", "not really a jpeg");
        write(".hidden.md", "dotfile");
        Files.write(root.resolve("big.txt"), new byte[(int) FileWalker.MAX_FILE_BYTES + 1]);

        List<String> found = new FileWalker().walk(root).stream().map(NoteFile::relativePath).toList();

        assertEquals(List.of("README.md", "code/Main.java", "journal/2024/march.txt"), found);
    }

    @Test
    void reportsSizeAndModificationTimeForChangeDetection() throws IOException {
        write("a.md", "12345");
        NoteFile file = new FileWalker().walk(root).get(0);
        assertEquals(5, file.size());
        assertEquals(Files.getLastModifiedTime(root.resolve("a.md")).toMillis(), file.modifiedMillis());
    }

    @Test
    void aMissingFolderIsReportedWithWhatToDo() {
        IOException e = assertThrows(IOException.class, () -> new FileWalker().walk(root.resolve("nope")));
        assertTrue(e.getMessage().startsWith("not a folder: " + root.resolve("nope").toAbsolutePath()), e.getMessage());
    }
}
