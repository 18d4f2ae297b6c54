package io.github.sqlitevec.migrate;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/** One run of {@code sqlitevec-migrate}: open both sides, check, copy table by table, add foreign keys, verify. */
final class Migration {

    private final Options options;
    private final PrintStream out;
    private final boolean terminal;

    Migration(Options options, PrintStream out, boolean terminal) {
        this.options = options;
        this.out = out;
        this.terminal = terminal;
    }

    /** Runs; returns the exit code (0 done, 1 verification mismatch). Throws {@link MigrationException} for bad input. */
    int run() throws SQLException {
        try (Connection sqlite = openSource(options.from); Connection pg = openTarget(options.to)) {
            SchemaReader.Plan plan = SchemaReader.read(sqlite, options);
            for (String warning : plan.warnings) {
                out.println("warning: " + warning);
            }
            if (plan.tables.stream().anyMatch(t -> t.vec0 != null) || !options.langchain4jStores.isEmpty() || !options.springAiStores.isEmpty()) {
                requireVectorExtension(pg);
            }
            if (options.verifyOnly) {
                return new Verifier(sqlite, pg, options.index).verify(plan.tables, out) ? 0 : 1;
            }
            Set<String> copied = prepareTarget(pg, plan.tables);
            MigrationState.create(pg);
            StoreCollectionExport stores = new StoreCollectionExport(sqlite, pg, out);
            for (String store : options.langchain4jStores) {
                stores.toLangChain4j(store, options.replace, options.resume);
            }
            for (String store : options.springAiStores) {
                stores.toSpringAi(store, options.replace, options.resume);
            }
            TableCopier copier = new TableCopier(sqlite, pg, new Progress(out, terminal));
            for (TablePlan table : plan.tables) {
                if (copied.contains(table.name)) {
                    out.println("kept " + table.name + " (copied by the interrupted run)");
                    continue;
                }
                copier.copy(table, options.replace);
            }
            addForeignKeys(pg, plan.foreignKeys);
            MigrationState.drop(pg);
            out.println("migrated " + plan.tables.size() + " tables to PostgreSQL");
            if (options.verify) {
                return new Verifier(sqlite, pg, options.index).verify(plan.tables, out) ? 0 : 1;
            }
            return 0;
        }
    }

    /** Opens the SQLite file read-only, after checking it exists and is a database (sqlite-jdbc would create a missing file). */
    static Connection openSource(String from) {
        String rest = from.startsWith("jdbc:sqlitevec:") ? from.substring("jdbc:sqlitevec:".length())
                : from.startsWith("jdbc:sqlite:") ? from.substring("jdbc:sqlite:".length()) : from;
        String file = rest.contains("?") ? rest.substring(0, rest.indexOf('?')) : rest;
        if (file.startsWith("file:")) {
            file = file.substring("file:".length());
        }
        if (file.isEmpty() || file.equals(":memory:") || file.startsWith(":resource:")) {
            throw new MigrationException("--from " + from + " names no database file; give the SQLite file, e.g. --from jdbc:sqlitevec:app.db");
        }
        Path path = Paths.get(file);
        if (!Files.exists(path)) {
            throw new MigrationException("--from: " + path.toAbsolutePath() + " does not exist; check the path");
        }
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            throw new MigrationException("--from: " + path.toAbsolutePath() + " is not a readable file; check its permissions");
        }
        Properties readOnly = new Properties();
        readOnly.setProperty("open_mode", "1");
        try {
            Connection c = DriverManager.getConnection("jdbc:sqlitevec:" + rest, readOnly);
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select count(*) from sqlite_master")) {
                rs.next();
            } catch (SQLException e) {
                c.close();
                throw e;
            }
            return c;
        } catch (SQLException e) {
            throw new MigrationException("--from: " + path.toAbsolutePath() + " cannot be read as a SQLite database (" + e.getMessage()
                    + "); is it the right file?", e);
        }
    }

    static Connection openTarget(String to) {
        if (!to.startsWith("jdbc:postgresql:")) {
            throw new MigrationException("--to " + redact(to) + " is not a PostgreSQL JDBC URL; use jdbc:postgresql://host:5432/db?user=u&password=p");
        }
        try {
            return DriverManager.getConnection(to);
        } catch (SQLException e) {
            throw new MigrationException("cannot connect to " + redact(to) + ": " + e.getMessage(), e);
        }
    }

    private static void requireVectorExtension(Connection pg) throws SQLException {
        try (Statement s = pg.createStatement(); ResultSet rs = s.executeQuery("select extversion from pg_extension where extname = 'vector'")) {
            if (!rs.next()) {
                throw new MigrationException("the target database has no vector extension (pgvector), which the vec0 tables need. Run"
                        + " CREATE EXTENSION vector; in that database as a superuser; if PostgreSQL answers that the extension is not"
                        + " available, install pgvector on the server first (on Debian/Ubuntu the package postgresql-<major>-pgvector,"
                        + " elsewhere build it from its source), then run again.");
            }
        }
    }

    /** Checks the target's existing tables against the plan; returns the tables a resumed run keeps. */
    private Set<String> prepareTarget(Connection pg, List<TablePlan> tables) throws SQLException {
        boolean unfinished = MigrationState.exists(pg);
        if (unfinished && !options.resume && !options.replace) {
            throw new MigrationException("the target holds an unfinished migration (table " + MigrationState.TABLE + "); continue it with --resume,"
                    + " or start over with --replace");
        }
        if (unfinished && options.replace) {
            MigrationState.drop(pg);
        }
        Set<String> copied = options.resume ? MigrationState.copiedTables(pg) : new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        Set<String> existing = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        try (Statement s = pg.createStatement();
                ResultSet rs = s.executeQuery("select table_name from information_schema.tables where table_schema = current_schema()")) {
            while (rs.next()) {
                existing.add(rs.getString(1));
            }
        }
        List<String> conflicts = new ArrayList<>();
        for (TablePlan table : tables) {
            if (existing.contains(table.name) && !copied.contains(table.name) && !options.replace) {
                conflicts.add(table.name);
            }
        }
        if (!conflicts.isEmpty()) {
            throw new MigrationException("the target already has the tables " + conflicts + "; nothing was changed. Drop them, or run with --replace"
                    + " to drop and recreate them");
        }
        return copied;
    }

    private static void addForeignKeys(Connection pg, List<String> statements) throws SQLException {
        if (statements.isEmpty()) {
            return;
        }
        boolean autoCommit = pg.getAutoCommit();
        pg.setAutoCommit(false);
        try (Statement s = pg.createStatement()) {
            for (String sql : statements) {
                String name = sql.replaceAll("(?s).* add constraint \"((?:[^\"]|\"\")+)\".*", "$1").replace("\"\"", "\"");
                try (java.sql.PreparedStatement exists = pg.prepareStatement("select 1 from pg_constraint where conname = ?")) {
                    exists.setString(1, name);
                    try (ResultSet rs = exists.executeQuery()) {
                        if (rs.next()) {
                            continue;
                        }
                    }
                }
                s.execute(sql);
            }
            pg.commit();
        } catch (SQLException e) {
            pg.rollback();
            throw new MigrationException("foreign keys could not be added (the tables are copied): " + e.getMessage()
                    + "; fix the rows that break them and run again with --resume", e);
        } finally {
            pg.setAutoCommit(autoCommit);
        }
    }

    /** The URL without its password, for messages. */
    static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^&]*", "$1***");
    }
}
