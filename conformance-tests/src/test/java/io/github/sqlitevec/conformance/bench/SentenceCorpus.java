package io.github.sqlitevec.conformance.bench;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import io.github.sqlitevec.examples.rag.Chunker;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Real sentence embeddings for the benchmarks: the English documentation sources of two Debian
 * packages (the Linux kernel's and Python's: reStructuredText, ≈ 32 MB), cut into passages exactly
 * as {@code examples/rag} cuts notes ({@link Chunker#forNotes()}: 800 characters, 160 overlap),
 * embedded by the in-process all-MiniLM-L6-v2 model (quantized ONNX, 384 dimensions, unit length).
 * Queries are section titles of the same documents, i.e. short texts like the ones users type,
 * embedded by the same model and never rows of the table.
 *
 * <p>Embedding the 59k passages took 28 minutes on this 2-core machine, so it is done once,
 * into a cache outside the repository ({@code -Dbench.corpus.dir}, default
 * {@code ~/.cache/sqlitevec-bench/sentence-corpus-v1}); every benchmark run afterwards reads the
 * file. To (re)build it:
 *
 * <pre>./mvnw -B -q -pl conformance-tests -am -Pbench verify -DskipTests \
 *     -Dbench.main=io.github.sqlitevec.conformance.bench.SentenceCorpus</pre>
 *
 * The packages come from Debian through {@code apt-get download} at pinned versions and are
 * checked against pinned SHA-256 digests; nothing of them is kept in the repository.
 */
public final class SentenceCorpus implements Vectors {
    static final int DIMS = 384;
    private static final int QUERIES = 500;
    private static final int BATCH = 64;
    private static final int MAGIC = 0x53565643; // "SVVC"

    /** Debian package, pinned version, SHA-256 of the .deb. */
    private record Package(String name, String version, String sha256) {
        String fileName() {
            return name + "_" + version.replace(":", "%3a") + "_all.deb";
        }
    }

    private static final List<Package> PACKAGES = List.of(
            new Package("linux-doc-6.1", "6.1.192-3", "f18dfe28dcab7bdbf9185be16b9521f5841277a6a96c374a6683a648d5d5fa4f"),
            new Package("python3.11-doc", "3.11.2-6+deb12u9", "5b3594189d6ef9a6963ce0347fd307a1cc67620ad697e144db366070e2e146be"));

    private final float[][] rows;
    private final float[][] queries;

    private SentenceCorpus(float[][] rows, float[][] queries) {
        this.rows = rows;
        this.queries = queries;
    }

    static Path cacheDir() {
        return Paths.get(System.getProperty("bench.corpus.dir",
                Paths.get(System.getProperty("user.home"), ".cache", "sqlitevec-bench", "sentence-corpus-v1").toString()));
    }

    /** The cached embeddings; fails with the command that builds them when they are missing. */
    static SentenceCorpus load() throws IOException {
        Path dir = cacheDir();
        Path passages = dir.resolve("passages.f32");
        Path titles = dir.resolve("queries.f32");
        if (!Files.exists(passages) || !Files.exists(titles)) {
            throw new IllegalStateException("no sentence-embedding cache in " + dir + "; build it once (about half an hour) with\n"
                    + "  ./mvnw -B -q -pl conformance-tests -am -Pbench verify -DskipTests "
                    + "-Dbench.main=io.github.sqlitevec.conformance.bench.SentenceCorpus");
        }
        return new SentenceCorpus(read(passages), read(titles));
    }

    int size() {
        return rows.length;
    }

    @Override
    public int dims() {
        return DIMS;
    }

    @Override
    public float[] row(long index) {
        return rows[Math.toIntExact(index)];
    }

    @Override
    public float[] query(long index) {
        return queries[(int) (index % queries.length)];
    }

    @Override
    public String describe() {
        return "all-MiniLM-L6-v2 embeddings of Debian's linux-doc-6.1 + python3.11-doc passages, 384-d";
    }

    /** Builds the cache: fetch and check the packages, cut, embed, write. */
    public static void main(String[] args) throws Exception {
        Path dir = cacheDir();
        Files.createDirectories(dir);
        Path sources = extract(dir);
        List<Path> files;
        try (Stream<Path> walk = Files.walk(sources)) {
            files = walk.filter(p -> p.toString().endsWith(".rst.txt"))
                    .filter(p -> p.toString().contains("/_sources/") && !p.toString().contains("/translations/"))
                    .sorted()
                    .toList();
        }
        List<String> passages = new ArrayList<>();
        Set<String> titles = new LinkedHashSet<>();
        Chunker chunker = Chunker.forNotes();
        for (Path file : files) {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            for (Chunker.Chunk chunk : chunker.chunk(text)) {
                passages.add(chunk.text());
            }
            titles.addAll(sectionTitles(text));
        }
        List<String> queries = new ArrayList<>(titles);
        java.util.Collections.shuffle(queries, new Random(42));
        queries = queries.subList(0, Math.min(QUERIES, queries.size()));
        System.err.printf("%d files, %d passages, %d distinct section titles (%d used as queries)%n",
                files.size(), passages.size(), titles.size(), queries.size());

        EmbeddingModel model = new AllMiniLmL6V2QuantizedEmbeddingModel(Runnable::run);
        long start = System.nanoTime();
        write(dir.resolve("queries.f32"), embed(model, queries, start));
        write(dir.resolve("passages.f32"), embed(model, passages, start));
        Files.writeString(dir.resolve("README.txt"), "Built by io.github.sqlitevec.conformance.bench.SentenceCorpus from "
                + PACKAGES + ": " + files.size() + " files, " + passages.size() + " passages (Chunker.forNotes()), "
                + queries.size() + " section titles as queries; all-MiniLM-L6-v2 (quantized), 384-d.\n");
        System.err.printf("embedded %d texts in %.0f s into %s%n", passages.size() + queries.size(),
                (System.nanoTime() - start) / 1e9, dir);
    }

    /** Downloads (once) and checks the pinned packages, unpacks them; returns the unpacked tree. */
    private static Path extract(Path dir) throws IOException, InterruptedException {
        Path debs = dir.resolve("debs");
        Path tree = dir.resolve("unpacked");
        Files.createDirectories(debs);
        for (Package p : PACKAGES) {
            Path deb = debs.resolve(p.fileName());
            if (!Files.exists(deb)) {
                run(debs, "apt-get", "download", p.name() + "=" + p.version());
            }
            String actual = sha256(deb);
            if (!actual.equals(p.sha256())) {
                throw new IllegalStateException(deb + " has SHA-256 " + actual + ", expected " + p.sha256()
                        + "; delete it and run again, or update the pin in SentenceCorpus if Debian replaced the package");
            }
            run(debs, "dpkg-deb", "-x", deb.toString(), tree.toString());
        }
        return tree;
    }

    private static void run(Path dir, String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(dir.toFile()).inheritIO().start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed with exit code " + process.exitValue()
                    + " (needs Debian's apt-get and dpkg-deb, and the package version still in the archive)");
        }
    }

    /** reStructuredText titles: a line of text underlined by a line of one punctuation character at least as long. */
    static List<String> sectionTitles(String text) {
        List<String> lines = text.lines().toList();
        List<String> titles = new ArrayList<>();
        for (int i = 0; i + 1 < lines.size(); i++) {
            String title = lines.get(i).strip();
            String under = lines.get(i + 1).strip();
            if (title.length() >= 8 && title.length() <= 80 && title.chars().anyMatch(Character::isLetter)
                    && under.length() >= title.length() && under.chars().distinct().count() == 1
                    && "=-~^*+#\"'`".indexOf(under.charAt(0)) >= 0 && !title.startsWith("..")) {
                titles.add(title);
            }
        }
        return titles;
    }

    private static float[][] embed(EmbeddingModel model, List<String> texts, long start) {
        float[][] out = new float[texts.size()][];
        for (int from = 0; from < texts.size(); from += BATCH) {
            List<TextSegment> batch = texts.subList(from, Math.min(texts.size(), from + BATCH)).stream().map(TextSegment::from).toList();
            List<Embedding> embedded = model.embedAll(batch).content();
            for (int i = 0; i < embedded.size(); i++) {
                out[from + i] = embedded.get(i).vector();
            }
            if ((from / BATCH) % 50 == 0) {
                double seconds = (System.nanoTime() - start) / 1e9;
                System.err.printf("  %d / %d (%.0f s)%n", from + batch.size(), texts.size(), seconds);
            }
        }
        return out;
    }

    private static void write(Path file, float[][] vectors) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16))) {
            out.writeInt(MAGIC);
            out.writeInt(vectors.length);
            out.writeInt(DIMS);
            ByteBuffer buffer = ByteBuffer.allocate(DIMS * 4).order(ByteOrder.LITTLE_ENDIAN);
            for (float[] v : vectors) {
                if (v.length != DIMS) {
                    throw new IllegalStateException("embedding of " + v.length + " dimensions, expected " + DIMS);
                }
                buffer.clear();
                buffer.asFloatBuffer().put(v);
                out.write(buffer.array());
            }
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static float[][] read(Path file) throws IOException {
        try (DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            if (in.readInt() != MAGIC) {
                throw new IllegalStateException(file + " is not a sentence-embedding cache; delete " + cacheDir() + " and rebuild it");
            }
            int count = in.readInt();
            int dims = in.readInt();
            byte[] bytes = new byte[dims * 4];
            float[][] vectors = new float[count][dims];
            for (float[] v : vectors) {
                in.readFully(bytes);
                ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(v);
            }
            return vectors;
        }
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
