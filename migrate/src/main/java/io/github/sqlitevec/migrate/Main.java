package io.github.sqlitevec.migrate;

import java.io.PrintStream;
import java.sql.SQLException;

/**
 * {@code sqlitevec-migrate}: moves a {@code jdbc:sqlitevec:} database to PostgreSQL + pgvector.
 *
 * <pre>{@code
 * java -jar sqlitevec-migrate-<version>-all.jar --from jdbc:sqlitevec:app.db \
 *      --to "jdbc:postgresql://localhost:5432/app?user=app&password=secret" --verify
 * }</pre>
 *
 * Ordinary tables keep their columns (types mapped as documented in docs/postgresql.md), keys,
 * NOT NULL, UNIQUE, indexes and foreign keys; {@code vec0} tables become tables with the same
 * names, {@code vector(n)}/{@code bit(n)} columns and an HNSW index per vector column; FTS5
 * tables keep their text and gain a generated {@code tsvector} with a GIN index. Each table is
 * copied in one transaction with {@code COPY}. {@code --help} lists the options. Not meant to be
 * called from other code; {@link #run} exists for tests and is thread-safe per call.
 */
public final class Main {

    private Main() {}

    /** Runs the tool and exits with its code. */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err, Progress.stdoutIsTerminal()));
    }

    /** Runs the tool; returns 0 (done), 1 (verification mismatch), 2 (bad input) or 3 (unexpected failure). */
    public static int run(String[] args, PrintStream out, PrintStream err, boolean terminal) {
        try {
            Options options = Options.parse(args);
            if (options.help) {
                out.println(Options.USAGE);
                return 0;
            }
            return new Migration(options, out, terminal).run();
        } catch (MigrationException e) {
            err.println("sqlitevec-migrate: " + e.getMessage());
            return e.exitCode();
        } catch (SQLException | RuntimeException e) {
            err.println("sqlitevec-migrate failed: " + e);
            e.printStackTrace(err);
            return 3;
        }
    }
}
