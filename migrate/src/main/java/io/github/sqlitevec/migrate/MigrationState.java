package io.github.sqlitevec.migrate;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.TreeSet;

/**
 * The target's record of a run in progress: table {@value #TABLE} lists every table copied
 * completely, written in the same transaction as the table itself. While it exists the migration
 * is unfinished (a later run refuses to start over it without {@code --resume} or
 * {@code --replace}); a finished run drops it.
 */
final class MigrationState {

    static final String TABLE = "sqlitevec_migrate_progress";

    private MigrationState() {}

    static boolean exists(Connection pg) throws SQLException {
        try (PreparedStatement s = pg.prepareStatement("select 1 from information_schema.tables where table_schema = current_schema() and table_name = ?")) {
            s.setString(1, TABLE);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }

    static void create(Connection pg) throws SQLException {
        try (Statement s = pg.createStatement()) {
            s.execute("create table if not exists " + TABLE + " (table_name text primary key, row_count bigint not null,"
                    + " copied_at timestamptz not null default now())");
        }
    }

    static Set<String> copiedTables(Connection pg) throws SQLException {
        Set<String> tables = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        if (exists(pg)) {
            try (Statement s = pg.createStatement(); ResultSet rs = s.executeQuery("select table_name from " + TABLE)) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
        }
        return tables;
    }

    /** Records {@code table} as copied; call inside the table's transaction. */
    static void markCopied(Connection pg, String table, long rows) throws SQLException {
        try (PreparedStatement s = pg.prepareStatement("insert into " + TABLE + " (table_name, row_count) values (?, ?)")) {
            s.setString(1, table);
            s.setLong(2, rows);
            s.executeUpdate();
        }
    }

    static void drop(Connection pg) throws SQLException {
        try (Statement s = pg.createStatement()) {
            s.execute("drop table if exists " + TABLE);
        }
    }
}
