package io.github.sqlitevec.migrate;

import io.github.sqlitevec.jdbc.schema.PostgresSchema;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The command line of {@code sqlitevec-migrate}, parsed and checked. Immutable. */
final class Options {

    static final String USAGE = String.join("\n",
            "usage: java -jar sqlitevec-migrate-<version>-all.jar --from jdbc:sqlitevec:app.db --to \"jdbc:postgresql://host:5432/db?user=u&password=p\" [options]",
            "",
            "  --from URL          the SQLite database (jdbc:sqlitevec:, jdbc:sqlite: or a file path); opened read-only",
            "  --to URL            the PostgreSQL database (pgjdbc URL); needs the vector extension when the source has vec0 tables",
            "  --index KIND        vector index per vec0 vector column: hnsw (default), ivfflat or none",
            "  --replace           drop and recreate target tables that already exist (otherwise the tool refuses to touch them)",
            "  --resume            continue an interrupted run: tables already copied completely are kept",
            "  --verify            after copying, compare row counts, per-column checksums and exact top-10 KNN of sample",
            "                      queries, and the recall@10 of the PostgreSQL index; exit 1 on a mismatch",
            "  --verify-only       copy nothing: compare the target with the source as --verify does (e.g. again, later)",
            "  --skip TABLE        leave a table out (repeatable)",
            "  --type TABLE.COLUMN=PGTYPE  the PostgreSQL type for a column whose SQLite type is not in the mapping (repeatable)",
            "  --langchain4j-store T  write the vector-store collection T (tables T, T_meta, T_vec of sqlitevec-langchain4j) as the",
            "                      table T of LangChain4j's PgVectorEmbeddingStore (COMBINED_JSON metadata) (repeatable)",
            "  --spring-ai-store T  write the vector-store collection T (sqlitevec-spring-ai) as the table T of Spring AI's",
            "                      PgVectorStore: id uuid, content, metadata json, embedding vector(n) (repeatable)",
            "  --help              this text",
            "",
            "exit codes: 0 done (and verified), 1 verification found a difference, 2 bad input, 3 unexpected failure");

    final String from;
    final String to;
    final PostgresSchema.VectorIndex index;
    final boolean replace;
    final boolean resume;
    final boolean verify;
    final boolean verifyOnly;
    final boolean help;
    final List<String> skip;
    final Map<String, String> typeOverrides;
    /** Vector-store collections to write in LangChain4j's PgVectorEmbeddingStore schema instead of table by table. */
    final List<String> langchain4jStores;
    /** Vector-store collections to write in Spring AI's PgVectorStore schema instead of table by table. */
    final List<String> springAiStores;

    private Options(String from, String to, PostgresSchema.VectorIndex index, boolean replace, boolean resume, boolean verify, boolean verifyOnly,
            boolean help, List<String> skip, Map<String, String> typeOverrides, List<String> langchain4jStores, List<String> springAiStores) {
        this.from = from;
        this.to = to;
        this.index = index;
        this.replace = replace;
        this.resume = resume;
        this.verify = verify;
        this.verifyOnly = verifyOnly;
        this.help = help;
        this.skip = skip;
        this.typeOverrides = typeOverrides;
        this.langchain4jStores = langchain4jStores;
        this.springAiStores = springAiStores;
    }

    static Options parse(String... args) {
        String from = null;
        String to = null;
        PostgresSchema.VectorIndex index = PostgresSchema.VectorIndex.HNSW;
        boolean replace = false;
        boolean resume = false;
        boolean verify = false;
        boolean verifyOnly = false;
        boolean help = false;
        List<String> skip = new ArrayList<>();
        Map<String, String> types = new LinkedHashMap<>();
        List<String> langchain4jStores = new ArrayList<>();
        List<String> springAiStores = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--from":
                    from = value(args, ++i, arg);
                    break;
                case "--to":
                    to = value(args, ++i, arg);
                    break;
                case "--index":
                    index = index(value(args, ++i, arg));
                    break;
                case "--replace":
                    replace = true;
                    break;
                case "--resume":
                    resume = true;
                    break;
                case "--verify":
                    verify = true;
                    break;
                case "--verify-only":
                    verifyOnly = true;
                    break;
                case "--skip":
                    skip.add(value(args, ++i, arg));
                    break;
                case "--type":
                    String spec = value(args, ++i, arg);
                    int eq = spec.indexOf('=');
                    int dot = spec.indexOf('.');
                    if (dot < 1 || eq < dot + 2 || eq == spec.length() - 1) {
                        throw new MigrationException("--type " + spec + " is not TABLE.COLUMN=PGTYPE, e.g. --type items.price=numeric(10,2)");
                    }
                    types.put(spec.substring(0, eq).toLowerCase(Locale.ROOT), spec.substring(eq + 1));
                    break;
                case "--langchain4j-store":
                    langchain4jStores.add(value(args, ++i, arg));
                    break;
                case "--spring-ai-store":
                    springAiStores.add(value(args, ++i, arg));
                    break;
                case "--help":
                case "-h":
                    help = true;
                    break;
                default:
                    throw new MigrationException("unknown argument " + arg + "\n\n" + USAGE);
            }
        }
        if (!help && (from == null || to == null)) {
            throw new MigrationException("both --from and --to are needed\n\n" + USAGE);
        }
        if (verifyOnly && (replace || resume)) {
            throw new MigrationException("--verify-only copies nothing; it cannot be combined with --replace or --resume");
        }
        if (replace && resume) {
            throw new MigrationException("--replace and --resume contradict each other: --resume keeps the tables a previous run copied, --replace drops them");
        }
        return new Options(from, to, index, replace, resume, verify, verifyOnly, help, Collections.unmodifiableList(skip), Collections.unmodifiableMap(types),
                Collections.unmodifiableList(langchain4jStores), Collections.unmodifiableList(springAiStores));
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length || args[i].startsWith("--")) {
            throw new MigrationException(option + " needs a value\n\n" + USAGE);
        }
        return args[i];
    }

    private static PostgresSchema.VectorIndex index(String value) {
        switch (value.toLowerCase(Locale.ROOT)) {
            case "hnsw":
                return PostgresSchema.VectorIndex.HNSW;
            case "ivfflat":
                return PostgresSchema.VectorIndex.IVFFLAT;
            case "none":
                return PostgresSchema.VectorIndex.NONE;
            default:
                throw new MigrationException("--index " + value + " is not one of hnsw, ivfflat, none");
        }
    }

    /** Whether {@code table} belongs to a collection that {@link StoreCollectionExport} writes instead. */
    boolean exportsAsStore(String table) {
        return java.util.stream.Stream.concat(langchain4jStores.stream(), springAiStores.stream())
                .anyMatch(store -> StoreCollectionExport.isCollectionTable(store, table));
    }

    boolean skips(String table) {
        for (String s : skip) {
            if (s.equalsIgnoreCase(table)) {
                return true;
            }
        }
        return false;
    }
}
