package io.github.sqlitevec.examples.rag;

import io.github.sqlitevec.examples.rag.Chunker.Chunk;
import io.github.sqlitevec.examples.rag.FileWalker.NoteFile;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Keeps the SQLite file in step with a folder: new and changed files are chunked, embedded and
 * stored; unchanged files are skipped; files gone from the folder are removed. The index mirrors
 * the folder it was last given. Not thread-safe: one indexer per connection.
 */
final class NoteIndex {
    /** Passages embedded per model call: big enough to keep the cores busy, small enough for a lively progress bar. */
    private static final int EMBED_BATCH = 16;

    /** What one run did, for the summary line and the tests. */
    record Report(int filesSeen, int filesUnchanged, int filesAdded, int filesChanged, int filesRemoved,
                  int filesSkipped, int chunksEmbedded, int chunksTotal, double embedSeconds) {
        double chunksPerSecond() {
            return embedSeconds > 0 ? chunksEmbedded / embedSeconds : 0;
        }
    }

    private record KnownFile(long id, long size, long modifiedMillis, String sha256) {}

    private record PendingFile(NoteFile file, String sha256, List<Chunk> chunks, boolean isNew) {}

    private final Connection connection;
    private final Embedder embedder;
    private final Chunker chunker;

    NoteIndex(Connection connection, Embedder embedder, Chunker chunker) throws SQLException {
        this.connection = connection;
        this.embedder = embedder;
        this.chunker = chunker;
        try (Statement s = connection.createStatement()) {
            for (String ddl : RagSql.SCHEMA) {
                s.execute(ddl);
            }
        }
    }

    Report update(Path root, ProgressBarFactory progress) throws IOException, SQLException {
        Map<String, KnownFile> known = knownFiles();
        List<PendingFile> pending = new ArrayList<>();
        int unchanged = 0;
        int skipped = 0;
        List<NoteFile> files = new FileWalker().walk(root);
        for (NoteFile file : files) {
            KnownFile before = known.remove(file.relativePath());
            if (before != null && before.size() == file.size() && before.modifiedMillis() == file.modifiedMillis()) {
                unchanged++;
                continue;
            }
            byte[] bytes = Files.readAllBytes(file.path());
            String sha256 = sha256(bytes);
            if (before != null && before.sha256().equals(sha256)) {
                touch(before.id(), file); // same bytes, new timestamp: nothing to embed
                unchanged++;
                continue;
            }
            String text = utf8OrNull(bytes);
            if (text == null) {
                skipped++; // not UTF-8 text after all: keep whatever the index had
                continue;
            }
            pending.add(new PendingFile(file, sha256, chunker.chunk(text), before == null));
        }
        for (KnownFile gone : known.values()) {
            inTransaction(() -> deleteFile(gone.id()));
        }

        int toEmbed = pending.stream().mapToInt(p -> p.chunks().size()).sum();
        ProgressBar bar = progress.create("embedding", toEmbed);
        long start = System.nanoTime();
        for (PendingFile file : pending) {
            List<float[]> vectors = embed(file.chunks(), bar);
            inTransaction(() -> store(file, vectors));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        bar.finish();
        int added = (int) pending.stream().filter(PendingFile::isNew).count();
        return new Report(files.size(), unchanged, added, pending.size() - added, known.size(), skipped,
                toEmbed, countChunks(), seconds);
    }

    private List<float[]> embed(List<Chunk> chunks, ProgressBar bar) {
        List<float[]> vectors = new ArrayList<>(chunks.size());
        for (int from = 0; from < chunks.size(); from += EMBED_BATCH) {
            List<Chunk> batch = chunks.subList(from, Math.min(chunks.size(), from + EMBED_BATCH));
            vectors.addAll(embedder.embedAll(batch.stream().map(Chunk::text).toList()));
            bar.advance(batch.size());
        }
        return vectors;
    }

    /** Replaces a file's passages; the caller wraps this in a transaction so a crash leaves the old version. */
    private void store(PendingFile pending, List<float[]> vectors) throws SQLException {
        NoteFile file = pending.file();
        long fileId;
        try (PreparedStatement upsert = connection.prepareStatement(RagSql.UPSERT_FILE)) {
            upsert.setString(1, file.relativePath());
            upsert.setLong(2, file.size());
            upsert.setLong(3, file.modifiedMillis());
            upsert.setString(4, pending.sha256());
            upsert.executeUpdate();
        }
        try (PreparedStatement select = connection.prepareStatement(RagSql.SELECT_FILE_ID)) {
            select.setString(1, file.relativePath());
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                fileId = rs.getLong(1);
            }
        }
        deleteChunks(fileId);
        try (PreparedStatement chunkRow = connection.prepareStatement(RagSql.INSERT_CHUNK, Statement.RETURN_GENERATED_KEYS);
             PreparedStatement vectorRow = connection.prepareStatement(RagSql.INSERT_VECTOR);
             PreparedStatement wordsRow = connection.prepareStatement(RagSql.INSERT_WORDS)) {
            for (int i = 0; i < pending.chunks().size(); i++) {
                Chunk chunk = pending.chunks().get(i);
                chunkRow.setLong(1, fileId);
                chunkRow.setInt(2, chunk.startLine());
                chunkRow.setInt(3, chunk.endLine());
                chunkRow.setString(4, chunk.text());
                chunkRow.executeUpdate();
                long chunkId;
                try (ResultSet keys = chunkRow.getGeneratedKeys()) {
                    keys.next();
                    chunkId = keys.getLong(1);
                }
                vectorRow.setLong(1, chunkId);
                vectorRow.setObject(2, vectors.get(i)); // the driver binds float[] as a float32 vector
                vectorRow.executeUpdate();
                wordsRow.setLong(1, chunkId);
                wordsRow.setString(2, chunk.text());
                wordsRow.executeUpdate();
            }
        }
    }

    private void deleteFile(long fileId) throws SQLException {
        deleteChunks(fileId);
        try (PreparedStatement delete = connection.prepareStatement(RagSql.DELETE_FILE)) {
            delete.setLong(1, fileId);
            delete.executeUpdate();
        }
    }

    private void deleteChunks(long fileId) throws SQLException {
        for (String sql : RagSql.DELETE_CHUNKS_OF_FILE) {
            try (PreparedStatement delete = connection.prepareStatement(sql)) {
                delete.setLong(1, fileId);
                delete.executeUpdate();
            }
        }
    }

    private void touch(long fileId, NoteFile file) throws SQLException {
        try (PreparedStatement touch = connection.prepareStatement(RagSql.TOUCH_FILE)) {
            touch.setLong(1, file.size());
            touch.setLong(2, file.modifiedMillis());
            touch.setLong(3, fileId);
            touch.executeUpdate();
        }
    }

    private Map<String, KnownFile> knownFiles() throws SQLException {
        Map<String, KnownFile> known = new HashMap<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(RagSql.SELECT_FILES)) {
            while (rs.next()) {
                known.put(rs.getString(2), new KnownFile(rs.getLong(1), rs.getLong(3), rs.getLong(4), rs.getString(5)));
            }
        }
        return known;
    }

    int countChunks() throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(RagSql.COUNT_CHUNKS)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private interface SqlWork {
        void run() throws SQLException;
    }

    private void inTransaction(SqlWork work) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            work.run();
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM ships SHA-256", e);
        }
    }

    private static String utf8OrNull(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** Lets callers choose where progress goes: stderr for people, nowhere for tests. */
    interface ProgressBarFactory {
        ProgressBar create(String label, long total);
    }
}
