package io.github.sqlitevec.migrate;

import static io.github.sqlitevec.jdbc.schema.PostgresSchema.quote;

import io.github.sqlitevec.jdbc.schema.PostgresSchema;
import io.github.sqlitevec.jdbc.schema.Vec0Column;
import io.github.sqlitevec.jdbc.schema.Vec0Table;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a SQLite database's schema and plans each table's move: ordinary tables with their
 * keys, NOT NULL, UNIQUE, indexes and foreign keys; {@code vec0} tables through the driver's
 * {@link Vec0Table} model and {@link PostgresSchema}; FTS5 tables as text columns plus a generated
 * {@code tsvector} with a GIN index. Shadow tables of {@code vec0} and FTS5 are recognised and
 * left out; views and triggers are listed as warnings, never silently dropped.
 */
final class SchemaReader {

    /** The generated column holding an FTS5 table's search document on PostgreSQL. */
    static final String FTS_DOCUMENT = "fts_document";

    private static final Pattern VIRTUAL = Pattern.compile("(?is)\\s*create\\s+virtual\\s+table\\s+.*?\\s+using\\s+(\\w+)\\s*(?:\\((.*)\\))?\\s*;?\\s*");
    private static final Pattern VEC0_SHADOW = Pattern.compile("_(info|chunks|rowids|auxiliary|vector_chunks\\d+|metadatachunks\\d+|metadatatext\\d+)");
    private static final Pattern FTS5_SHADOW = Pattern.compile("_(data|idx|content|docsize|config)");

    /** The source's plan. */
    static final class Plan {
        final List<TablePlan> tables;
        final List<String> foreignKeys;
        final List<String> warnings;

        Plan(List<TablePlan> tables, List<String> foreignKeys, List<String> warnings) {
            this.tables = tables;
            this.foreignKeys = foreignKeys;
            this.warnings = warnings;
        }
    }

    private final Connection sqlite;
    private final Options options;
    private final List<String> warnings = new ArrayList<>();
    private final List<String> foreignKeys = new ArrayList<>();

    private SchemaReader(Connection sqlite, Options options) {
        this.sqlite = sqlite;
        this.options = options;
    }

    static Plan read(Connection sqlite, Options options) throws SQLException {
        return new SchemaReader(sqlite, options).read();
    }

    private Plan read() throws SQLException {
        Map<String, String> tables = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        Map<String, String> virtualModules = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        try (Statement s = sqlite.createStatement();
                ResultSet rs = s.executeQuery("select type, name, sql from sqlite_master where name not like 'sqlite\\_%' escape '\\' order by rowid")) {
            while (rs.next()) {
                String type = rs.getString(1);
                String name = rs.getString(2);
                String sql = rs.getString(3);
                if ("table".equals(type)) {
                    tables.put(name, sql);
                    Matcher m = VIRTUAL.matcher(sql == null ? "" : sql);
                    if (m.matches()) {
                        virtualModules.put(name, m.group(1).toLowerCase(Locale.ROOT));
                    }
                } else if ("view".equals(type) || "trigger".equals(type)) {
                    warnings.add(type + " " + name + " is not migrated; rewrite it for PostgreSQL");
                }
            }
        }
        List<TablePlan> plans = new ArrayList<>();
        for (Map.Entry<String, String> table : tables.entrySet()) {
            String name = table.getKey();
            if (isShadow(name, virtualModules) || options.skips(name) || options.exportsAsStore(name)) {
                continue;
            }
            String module = virtualModules.get(name);
            if (module == null) {
                plans.add(ordinary(name, table.getValue()));
            } else if (module.equals("vec0")) {
                plans.add(vec0(name, table.getValue()));
            } else if (module.equals("fts5")) {
                plans.add(fts5(name, table.getValue()));
            } else {
                throw new MigrationException("table " + name + " is a virtual table of module " + module
                        + ", which sqlitevec-migrate cannot move; leave it out with --skip " + name + " and recreate it on PostgreSQL");
            }
        }
        return new Plan(plans, foreignKeys, warnings);
    }

    private static boolean isShadow(String name, Map<String, String> virtualModules) {
        for (Map.Entry<String, String> virtual : virtualModules.entrySet()) {
            String owner = virtual.getKey();
            if (name.length() > owner.length() && name.regionMatches(true, 0, owner, 0, owner.length())) {
                String suffix = name.substring(owner.length());
                Pattern shadow = virtual.getValue().equals("vec0") ? VEC0_SHADOW : virtual.getValue().equals("fts5") ? FTS5_SHADOW : null;
                if (shadow != null && shadow.matcher(suffix).matches()) {
                    return true;
                }
            }
        }
        return false;
    }

    // ------------------------------------------------------------------ ordinary tables

    private TablePlan ordinary(String table, String sql) throws SQLException {
        List<TablePlan.Column> columns = new ArrayList<>();
        List<String> definitions = new ArrayList<>();
        Map<Integer, String> keyColumns = new TreeMap<>();
        String rowidAlias = null;
        try (Statement s = sqlite.createStatement(); ResultSet rs = s.executeQuery("pragma table_info(" + quote(table) + ")")) {
            while (rs.next()) {
                String name = rs.getString("name");
                String declared = rs.getString("type");
                PgType type = TypeMapping.forDeclared(table, name, declared, options);
                columns.add(new TablePlan.Column(name, type));
                definitions.add(quote(name) + " " + type.sql + (rs.getInt("notnull") == 1 ? " not null" : ""));
                int pk = rs.getInt("pk");
                if (pk > 0) {
                    keyColumns.put(pk, name);
                    if ("INTEGER".equalsIgnoreCase(declared == null ? "" : declared.trim())) {
                        rowidAlias = name;
                    }
                }
            }
        }
        boolean withoutRowid = sql != null && sql.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").matches("(?s).*\\)\\s*without rowid\\s*;?\\s*$");
        if (keyColumns.size() != 1 || withoutRowid) {
            rowidAlias = null;
        }
        if (!keyColumns.isEmpty()) {
            definitions.add("primary key (" + quoteAll(new ArrayList<>(keyColumns.values())) + ")");
        }
        List<String> afterLoad = new ArrayList<>();
        try (Statement s = sqlite.createStatement(); ResultSet rs = s.executeQuery("pragma index_list(" + quote(table) + ")")) {
            List<String[]> indexes = new ArrayList<>();
            while (rs.next()) {
                indexes.add(new String[] {rs.getString("name"), rs.getString("unique"), rs.getString("origin"), rs.getString("partial")});
            }
            for (String[] index : indexes) {
                List<String> indexColumns = indexColumns(index[0]);
                if (index[2].equals("pk")) {
                    continue;
                }
                if (indexColumns == null || "1".equals(index[3])) {
                    warnings.add("index " + index[0] + " on " + table + " is partial or on an expression and is not migrated; create it on PostgreSQL by hand");
                } else if (index[2].equals("u")) {
                    definitions.add("unique (" + quoteAll(indexColumns) + ")");
                } else {
                    afterLoad.add("create " + ("1".equals(index[1]) ? "unique " : "") + "index " + quote(index[0]) + " on " + quote(table)
                            + " (" + quoteAll(indexColumns) + ")");
                }
            }
        }
        if (rowidAlias != null) {
            afterLoad.addAll(identity(table, rowidAlias));
        }
        readForeignKeys(table);
        List<String> names = new ArrayList<>();
        for (TablePlan.Column c : columns) {
            names.add(c.name);
        }
        return new TablePlan(table, TablePlan.Kind.TABLE, List.of("create table " + quote(table) + " (" + String.join(", ", definitions) + ")"),
                "select " + quoteAll(names) + " from " + quote(table), columns, afterLoad, null, null);
    }

    /** The columns of an index, or null when one of them is an expression. */
    private List<String> indexColumns(String index) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (Statement s = sqlite.createStatement(); ResultSet rs = s.executeQuery("pragma index_info(" + quote(index) + ")")) {
            while (rs.next()) {
                String name = rs.getString("name");
                if (name == null) {
                    return null;
                }
                columns.add(name);
            }
        }
        return columns;
    }

    private void readForeignKeys(String table) throws SQLException {
        Map<Integer, List<String[]>> byId = new LinkedHashMap<>();
        try (Statement s = sqlite.createStatement(); ResultSet rs = s.executeQuery("pragma foreign_key_list(" + quote(table) + ")")) {
            while (rs.next()) {
                byId.computeIfAbsent(rs.getInt("id"), k -> new ArrayList<>()).add(new String[] {
                    rs.getString("table"), rs.getString("from"), rs.getString("to"), rs.getString("on_update"), rs.getString("on_delete")});
            }
        }
        for (List<String[]> parts : byId.values()) {
            List<String> from = new ArrayList<>();
            List<String> to = new ArrayList<>();
            for (String[] p : parts) {
                from.add(p[1]);
                if (p[2] != null) {
                    to.add(p[2]);
                }
            }
            String[] first = parts.get(0);
            foreignKeys.add("alter table " + quote(table) + " add constraint " + quote(table + "_" + String.join("_", from) + "_fkey")
                    + " foreign key (" + quoteAll(from) + ") references " + quote(first[0]) + (to.isEmpty() ? "" : " (" + quoteAll(to) + ")")
                    + " on update " + first[3] + " on delete " + first[4]);
        }
    }

    /** Integer keys keep numbering on PostgreSQL: an identity column continuing after the largest copied key. */
    private static List<String> identity(String table, String column) {
        return List.of("alter table " + quote(table) + " alter column " + quote(column) + " add generated by default as identity",
                "select setval(pg_get_serial_sequence(" + literal(quote(table)) + ", " + literal(column) + "), coalesce(max(" + quote(column)
                        + "), 0) + 1, false) from " + quote(table));
    }

    // ------------------------------------------------------------------ vec0

    private TablePlan vec0(String table, String sql) {
        Vec0Table model;
        try {
            model = Vec0Table.parse(sql);
        } catch (IllegalArgumentException e) {
            throw new MigrationException("vec0 table " + table + ": " + e.getMessage());
        }
        List<TablePlan.Column> columns = new ArrayList<>();
        List<String> selected = new ArrayList<>();
        if (model.primaryKey() == null) {
            columns.add(new TablePlan.Column("rowid", PgType.of("bigint", PgType.Family.INTEGER)));
            selected.add("rowid");
        }
        for (Vec0Column c : model.columns()) {
            columns.add(new TablePlan.Column(c.name(), c.isVector() ? PgType.vector(c.elementType(), c.dimensions()) : TypeMapping.forVec0(c.scalarType())));
            selected.add(quote(c.name()));
            if (c.isVector()) {
                try {
                    PostgresSchema.requireIndexable(table, c.name(), c.elementType(), c.dimensions(), c.metric(), options.index);
                } catch (IllegalArgumentException e) {
                    throw new MigrationException(e.getMessage() + " (choose with --index hnsw|ivfflat|none)");
                }
            }
        }
        List<String> afterLoad = new ArrayList<>(PostgresSchema.createFilterIndexes(model));
        afterLoad.addAll(PostgresSchema.createVectorIndexes(model, options.index));
        Vec0Column key = model.primaryKey();
        if (key == null || key.scalarType() == io.github.sqlitevec.jdbc.schema.ScalarType.INTEGER) {
            afterLoad.addAll(identity(table, PostgresSchema.keyColumn(model)));
        }
        return new TablePlan(table, TablePlan.Kind.VEC0, List.of(PostgresSchema.createTable(model)),
                "select " + String.join(", ", selected) + " from " + quote(table), columns, afterLoad, PostgresSchema.keyColumn(model), model);
    }

    // ------------------------------------------------------------------ FTS5

    private TablePlan fts5(String table, String sql) throws SQLException {
        Matcher m = VIRTUAL.matcher(sql);
        String arguments = m.matches() && m.group(2) != null ? m.group(2) : "";
        if (arguments.replaceAll("\\s", "").toLowerCase(Locale.ROOT).contains("content=''")) {
            throw new MigrationException("FTS5 table " + table + " is contentless (content=''): it keeps no text to copy; leave it out with --skip "
                    + table + " and index the text on PostgreSQL from where it lives");
        }
        List<TablePlan.Column> columns = new ArrayList<>();
        columns.add(new TablePlan.Column("rowid", PgType.of("bigint", PgType.Family.INTEGER)));
        List<String> definitions = new ArrayList<>();
        definitions.add(quote("rowid") + " bigint primary key");
        List<String> selected = new ArrayList<>();
        selected.add("rowid");
        List<String> searched = new ArrayList<>();
        try (Statement s = sqlite.createStatement(); ResultSet rs = s.executeQuery("pragma table_info(" + quote(table) + ")")) {
            while (rs.next()) {
                String name = rs.getString("name");
                columns.add(new TablePlan.Column(name, PgType.of("text", PgType.Family.TEXT)));
                definitions.add(quote(name) + " text");
                selected.add(quote(name));
                if (!Pattern.compile("(?i)(^|[,(\\s])" + Pattern.quote(name) + "\\s+unindexed\\b").matcher(arguments).find()) {
                    searched.add("coalesce(" + quote(name) + ", '')");
                }
            }
        }
        String document = searched.isEmpty() ? "''" : String.join(" || ' ' || ", searched);
        definitions.add(quote(FTS_DOCUMENT) + " tsvector generated always as (to_tsvector('simple'::regconfig, " + document + ")) stored");
        return new TablePlan(table, TablePlan.Kind.FTS5, List.of("create table " + quote(table) + " (" + String.join(", ", definitions) + ")"),
                "select " + String.join(", ", selected) + " from " + quote(table), columns,
                List.of("create index " + quote(table + "_" + FTS_DOCUMENT + "_idx") + " on " + quote(table) + " using gin (" + quote(FTS_DOCUMENT) + ")"),
                "rowid", null);
    }

    private static String quoteAll(List<String> names) {
        List<String> quoted = new ArrayList<>();
        for (String n : names) {
            quoted.add(quote(n));
        }
        return String.join(", ", quoted);
    }

    static String literal(String s) {
        return "'" + s.replace("'", "''") + "'";
    }
}
