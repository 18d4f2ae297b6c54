package io.github.sqlitevec.migrate;

import static io.github.sqlitevec.jdbc.schema.PostgresSchema.quote;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Copies one table in one PostgreSQL transaction: (drop,) create, bulk load through pgjdbc's
 * {@code CopyManager}, indexes, and the progress record. Every value is converted in Java first;
 * when any does not fit, the transaction is rolled back and up to {@value #MAX_REPORTED} problems
 * are reported — so a table is on PostgreSQL completely, or not at all.
 */
final class TableCopier {

    static final int MAX_REPORTED = 20;
    private static final int FLUSH_CHARS = 1 << 20;
    private static final int PROGRESS_ROWS = 1000;

    private final Connection sqlite;
    private final Connection pg;
    private final Progress progress;

    TableCopier(Connection sqlite, Connection pg, Progress progress) {
        this.sqlite = sqlite;
        this.pg = pg;
        this.progress = progress;
    }

    /** Copies {@code plan}; returns the number of rows. */
    long copy(TablePlan plan, boolean dropFirst) throws SQLException {
        boolean autoCommit = pg.getAutoCommit();
        pg.setAutoCommit(false);
        try {
            try (Statement s = pg.createStatement()) {
                if (dropFirst) {
                    s.execute("drop table if exists " + quote(plan.name) + " cascade");
                }
                for (String sql : plan.create) {
                    s.execute(sql);
                }
            }
            long rows = load(plan);
            progress.finish("");
            try (Statement s = pg.createStatement()) {
                for (String sql : plan.afterLoad) {
                    s.execute(sql);
                }
            }
            MigrationState.markCopied(pg, plan.name, rows);
            pg.commit();
            return rows;
        } catch (SQLException | RuntimeException e) {
            rollback(e);
            throw e;
        } finally {
            if (!pg.isClosed()) {
                pg.setAutoCommit(autoCommit);
            }
        }
    }

    /** Rolls back after {@code cause}; a failure to do so (e.g. a lost connection) is attached to it, not thrown over it. */
    private void rollback(Exception cause) {
        try {
            pg.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    private long load(TablePlan plan) throws SQLException {
        progress.start(plan.name, count(plan.name));
        List<String> names = new ArrayList<>();
        for (TablePlan.Column c : plan.columns) {
            names.add(quote(c.name));
        }
        CopyIn copy = pg.unwrap(PGConnection.class).getCopyAPI().copyIn("copy " + quote(plan.name) + " (" + String.join(", ", names) + ") from stdin");
        List<String> problems = new ArrayList<>();
        long rows = 0;
        try (Statement s = sqlite.createStatement(); ResultSet rs = s.executeQuery(plan.select)) {
            CopyText text = new CopyText();
            int sinceProgress = 0;
            while (rs.next() && problems.size() < MAX_REPORTED) {
                rows++;
                for (int i = 0; i < plan.columns.size(); i++) {
                    TablePlan.Column column = plan.columns.get(i);
                    Object value = rs.getObject(i + 1);
                    try {
                        text.field(column.type.toText(value));
                    } catch (PgType.Misfit misfit) {
                        problems.add(plan.name + "." + column.name + " in row " + rows + " (" + plan.columns.get(0).name + " = "
                                + rs.getString(1) + "): " + misfit.getMessage());
                    }
                }
                text.endRow();
                if (problems.isEmpty() && text.length() >= FLUSH_CHARS) {
                    byte[] bytes = text.drain();
                    copy.writeToCopy(bytes, 0, bytes.length);
                }
                if (++sinceProgress == PROGRESS_ROWS) {
                    progress.advance(sinceProgress);
                    sinceProgress = 0;
                }
            }
            progress.advance(sinceProgress);
            if (!problems.isEmpty()) {
                copy.cancelCopy();
                throw new MigrationException("table " + plan.name + " was not copied (nothing of it is on PostgreSQL); values that do not fit"
                        + (problems.size() == MAX_REPORTED ? " (first " + MAX_REPORTED + ")" : "") + ":\n  " + String.join("\n  ", problems)
                        + "\nFix the values in the SQLite file, or name another type with --type TABLE.COLUMN=PGTYPE, then run again with --resume.");
            }
            byte[] bytes = text.drain();
            copy.writeToCopy(bytes, 0, bytes.length);
            copy.endCopy();
            return rows;
        } catch (SQLException | RuntimeException e) {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
            throw e;
        }
    }

    private long count(String table) throws SQLException {
        try (Statement s = sqlite.createStatement(); ResultSet rs = s.executeQuery("select count(*) from " + quote(table))) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
