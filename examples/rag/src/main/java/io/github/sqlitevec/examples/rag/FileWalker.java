package io.github.sqlitevec.examples.rag;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Finds the files worth indexing under a folder: notes and source code, not build output, VCS
 * metadata or binaries. Paths are reported relative to the folder with {@code /} separators, so
 * an index stays valid when the folder moves.
 */
final class FileWalker {

    /** A file to index, with the size and modification time that decide whether it changed. */
    record NoteFile(String relativePath, Path path, long size, long modifiedMillis) {}

    static final Set<String> TEXT_EXTENSIONS = Set.of(
            "md", "markdown", "txt", "text", "rst", "adoc", "org",
            "java", "kt", "scala", "groovy", "py", "rb", "js", "ts", "go", "rs", "c", "h", "cpp", "hpp", "cs",
            "sh", "sql", "yaml", "yml", "toml", "properties", "gradle");

    /** Folders full of generated or third-party files that would drown the user's own notes. */
    static final Set<String> SKIPPED_FOLDERS = Set.of("node_modules", "target", "build", "dist", "out", "__pycache__");

    /** Larger files are almost always logs or generated data, not notes. */
    static final long MAX_FILE_BYTES = 1_000_000;

    List<NoteFile> walk(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            throw new IOException("not a folder: " + root.toAbsolutePath() + "; pass the folder holding your notes");
        }
        List<NoteFile> files = new ArrayList<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                boolean skip = !dir.equals(root) && (name.startsWith(".") || SKIPPED_FOLDERS.contains(name));
                return skip ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (attrs.isRegularFile() && attrs.size() <= MAX_FILE_BYTES && isText(file)) {
                    String relative = root.relativize(file).toString().replace('\\', '/');
                    files.add(new NoteFile(relative, file, attrs.size(), attrs.lastModifiedTime().toMillis()));
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                return FileVisitResult.CONTINUE; // an unreadable file should not stop the whole index
            }
        });
        files.sort(Comparator.comparing(NoteFile::relativePath));
        return files;
    }

    static boolean isText(Path file) {
        String name = file.getFileName().toString();
        if (name.startsWith(".")) {
            return false;
        }
        int dot = name.lastIndexOf('.');
        return dot > 0 && TEXT_EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }
}
