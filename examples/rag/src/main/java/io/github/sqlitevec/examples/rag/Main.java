package io.github.sqlitevec.examples.rag;

import io.github.sqlitevec.examples.rag.HybridSearch.Passage;
import io.github.sqlitevec.examples.rag.NoteIndex.ProgressBarFactory;
import io.github.sqlitevec.examples.rag.NoteIndex.Report;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Local RAG over a folder of notes, offline: {@code index <folder>} stores passages with their
 * embeddings in one SQLite file, {@code search "question"} prints the best passages with file,
 * lines, scores and a snippet. With no arguments it indexes the bundled demo notes and answers a
 * sample question.
 *
 * <pre>
 * ./mvnw -q -pl examples/rag -am -DskipTests package exec:java
 * ./mvnw -q -pl examples/rag -am -DskipTests package exec:java -Dexec.args="index ./notes"
 * ./mvnw -q -pl examples/rag -am -DskipTests package exec:java -Dexec.args="search 'how do I ...?'"
 * </pre>
 */
public final class Main {
    static final String DEMO_DB = "sqlitevec-demo.db";
    static final String DEFAULT_DB = "sqlitevec-rag.db";
    static final int DEFAULT_TOP = 5;

    private static final String USAGE = """
            usage:
              (no arguments)                      index the bundled demo notes into ./%s and ask a sample question
              index <folder> [--db FILE]          index a folder of notes; run again to pick up changes (default --db %s)
              search "<question>" [--db FILE] [--top N]
            """.formatted(DEMO_DB, DEFAULT_DB);

    private final Path workingDir;
    private final PrintStream out;
    private final PrintStream err;
    private final ProgressBarFactory progress;

    Main(Path workingDir, PrintStream out, PrintStream err, ProgressBarFactory progress) {
        this.workingDir = workingDir;
        this.out = out;
        this.err = err;
        this.progress = progress;
    }

    public static void main(String[] args) {
        int status = new Main(Path.of(""), System.out, System.err, ProgressBar::onStderr).run(args);
        if (status != 0) {
            System.exit(status);
        }
    }

    /** Runs one command and returns the process exit status: 0 done, 1 failed, 2 bad arguments. */
    int run(String[] args) {
        try {
            Options options = Options.parse(args);
            if (options.command() == null) {
                demo();
            } else if (options.command().equals("index")) {
                index(workingDir.resolve(options.argument()), dbPath(options));
            } else {
                search(options.argument(), dbPath(options), options.top());
            }
            return 0;
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.print(USAGE);
            return 2;
        } catch (IOException | SQLException e) {
            err.println("failed: " + e.getMessage());
            return 1;
        }
    }

    private void demo() throws IOException, SQLException {
        Path db = workingDir.resolve(DEMO_DB).toAbsolutePath();
        Path notes = Files.createTempDirectory("sqlitevec-demo-notes");
        try {
            DemoCorpus.copyTo(notes);
            out.println("sqlitevec RAG demo: " + DemoCorpus.files().size() + " bundled notes, " + Embedder.MODEL_NAME);
            Embedder embedder = loadModel();
            try (Connection c = open(db)) {
                Report report = new NoteIndex(c, embedder, Chunker.forNotes()).update(notes, progress);
                printReport(report, db);
                HybridSearch search = new HybridSearch(c, embedder);
                PassagePrinter printer = new PassagePrinter(out);
                List<Double> millis = new ArrayList<>();
                printer.print(DemoCorpus.SAMPLE_QUESTION, timed(search, DemoCorpus.SAMPLE_QUESTION, 3, millis));
                out.println();
                out.println("more questions (best passage only):");
                for (String question : DemoCorpus.MORE_QUESTIONS) {
                    Passage best = timed(search, question, 1, millis).get(0);
                    out.printf("   %-60s -> %s:%d-%d%n", question, best.path(), best.startLine(), best.endLine());
                }
                out.printf(Locale.ROOT, "query latency: median %.1f ms over %d questions (embed the question + hybrid SQL)%n",
                        median(millis), millis.size());
            }
        } finally {
            deleteRecursively(notes);
        }
        out.println("next: index your own notes with -Dexec.args=\"index /path/to/notes\", then -Dexec.args=\"search 'your question'\"");
    }

    private void index(Path folder, Path db) throws IOException, SQLException {
        Embedder embedder = loadModel();
        try (Connection c = open(db)) {
            printReport(new NoteIndex(c, embedder, Chunker.forNotes()).update(folder, progress), db);
        }
    }

    private void search(String question, Path db, int top) throws SQLException {
        if (!Files.exists(db)) {
            throw new IllegalArgumentException("no index at " + db + "; run: index <folder> --db " + db);
        }
        Embedder embedder = loadModel();
        try (Connection c = open(db)) {
            List<Double> millis = new ArrayList<>();
            new PassagePrinter(out).print(question, timed(new HybridSearch(c, embedder), question, top, millis));
            out.printf(Locale.ROOT, "(%.1f ms)%n", millis.get(0));
        }
    }

    private Embedder loadModel() {
        long start = System.nanoTime();
        Embedder embedder = new Embedder(); // first use loads the model from the jar
        embedder.embed("warm up");
        err.printf(Locale.ROOT, "model loaded in %.1f s%n", (System.nanoTime() - start) / 1e9);
        return embedder;
    }

    private void printReport(Report r, Path db) {
        out.printf(Locale.ROOT, "indexed %d files into %s: %d added, %d changed, %d unchanged, %d removed%s%n",
                r.filesSeen(), db, r.filesAdded(), r.filesChanged(), r.filesUnchanged(), r.filesRemoved(),
                r.filesSkipped() > 0 ? ", " + r.filesSkipped() + " skipped (not UTF-8)" : "");
        out.printf(Locale.ROOT, "embedded %d chunks in %.2f s (%.1f chunks/s); the index holds %d chunks%n",
                r.chunksEmbedded(), r.embedSeconds(), r.chunksPerSecond(), r.chunksTotal());
    }

    private static List<Passage> timed(HybridSearch search, String question, int top, List<Double> millis)
            throws SQLException {
        long start = System.nanoTime();
        List<Passage> passages = search.search(question, top);
        millis.add((System.nanoTime() - start) / 1e6);
        return passages;
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private Path dbPath(Options options) {
        return workingDir.resolve(options.db() != null ? options.db() : DEFAULT_DB).toAbsolutePath();
    }

    private static Connection open(Path db) throws SQLException {
        return DriverManager.getConnection("jdbc:sqlitevec:" + db);
    }

    private static void deleteRecursively(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** The command line: a command, its argument and the two options. */
    record Options(String command, String argument, String db, int top) {
        static Options parse(String[] args) {
            if (args.length == 0) {
                return new Options(null, null, null, DEFAULT_TOP);
            }
            String command = args[0];
            if (!command.equals("index") && !command.equals("search")) {
                throw new IllegalArgumentException("unknown command: " + command);
            }
            String argument = null;
            String db = null;
            int top = DEFAULT_TOP;
            for (int i = 1; i < args.length; i++) {
                switch (args[i]) {
                    case "--db" -> db = valueAfter(args, i++);
                    case "--top" -> top = positive(valueAfter(args, i++));
                    default -> {
                        if (argument != null) {
                            throw new IllegalArgumentException("one " + (command.equals("index") ? "folder" : "question")
                                    + " at a time; got \"" + argument + "\" and \"" + args[i] + "\" (quote a question with spaces)");
                        }
                        argument = args[i];
                    }
                }
            }
            if (argument == null) {
                throw new IllegalArgumentException(command + " needs " + (command.equals("index") ? "a folder" : "a question"));
            }
            return new Options(command, argument, db, top);
        }

        private static String valueAfter(String[] args, int i) {
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(args[i] + " needs a value");
            }
            return args[i + 1];
        }

        private static int positive(String value) {
            try {
                int n = Integer.parseInt(value);
                if (n > 0) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // fall through to the message below
            }
            throw new IllegalArgumentException("--top needs a positive number, got " + value);
        }
    }
}
