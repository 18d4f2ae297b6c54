package io.github.sqlitevec.migrate;

import io.github.sqlitevec.jdbc.VectorCodec;
import io.github.sqlitevec.jdbc.schema.DistanceMetric;
import io.github.sqlitevec.jdbc.schema.Vec0Column;
import io.github.sqlitevec.jdbc.schema.Vec0Table;
import io.github.sqlitevec.jdbc.schema.VectorElementType;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * Writes one collection of the vector-store layout ({@code T}, {@code T_meta}, {@code T_vec}; docs/vector-stores.md)
 * as the table LangChain4j's {@code PgVectorEmbeddingStore} reads with its default {@code COMBINED_JSON} metadata:
 * {@code T (embedding_id uuid primary key, embedding vector(n), text text null, metadata json null)}. An application
 * then swaps {@code sqlitevec-langchain4j} for {@code langchain4j-pgvector} with {@code table("T")} and keeps its data.
 *
 * <p>Metadata becomes one JSON object per entry with the values' JSON types (strings and UUIDs as strings, integers,
 * floats by their shortest decimal form, booleans), which is what that store parses back into {@code Metadata}.
 * {@code PgVectorEmbeddingStore} keys entries by UUID, so every id must be one (LangChain4j's generated ids are);
 * the ids are checked before anything is written, and the table is written in one transaction.
 */
final class StoreCollectionExport {

    /** The PostgreSQL store whose table is written: its DDL, column order for the insert, and names for messages. */
    enum Target {
        /** LangChain4j's {@code PgVectorEmbeddingStore} (COMBINED_JSON metadata); an entry without text has no metadata either. */
        LANGCHAIN4J("--langchain4j-store", "LangChain4j PgVectorEmbeddingStore",
                "embedding_id uuid primary key, embedding vector(%d), text text null, metadata json null",
                "embedding_id, embedding, text, metadata", false, "(LangChain4j's generated ids are)"),
        /**
         * Spring AI's {@code PgVectorStore} (its {@code initializeSchema} DDL, with {@code gen_random_uuid()} instead of
         * {@code uuid-ossp}); metadata is always a JSON object, {@code {}} when empty, as that store writes it.
         */
        SPRING_AI("--spring-ai-store", "Spring AI PgVectorStore",
                "id uuid default gen_random_uuid() primary key, content text, metadata json, embedding vector(%d)",
                "id, embedding, content, metadata", true, "(Spring AI's Document ids are)");

        final String option;
        final String storeName;
        final String ddl;
        final String columns;
        final boolean alwaysMetadata;
        final String idHint;

        Target(String option, String storeName, String ddl, String columns, boolean alwaysMetadata, String idHint) {
            this.option = option;
            this.storeName = storeName;
            this.ddl = ddl;
            this.columns = columns;
            this.alwaysMetadata = alwaysMetadata;
            this.idHint = idHint;
        }
    }

    private static final int BATCH = 500;

    private final Connection sqlite;
    private final Connection pg;
    private final PrintStream out;

    StoreCollectionExport(Connection sqlite, Connection pg, PrintStream out) {
        this.sqlite = sqlite;
        this.pg = pg;
        this.out = out;
    }

    /** The three SQLite tables of collection {@code table}: the documents, their metadata rows, their vectors. */
    static boolean isCollectionTable(String collection, String name) {
        return name.equalsIgnoreCase(collection) || name.equalsIgnoreCase(collection + "_meta")
                || name.equalsIgnoreCase(collection + "_vec");
    }

    /**
     * Copies collection {@code table} into the PostgreSQL table of the same name, in one transaction; returns the number
     * of entries. An existing target table is refused, dropped first ({@code replace}), or kept ({@code resume}: an
     * interrupted run wrote it whole).
     */
    int toLangChain4j(String table, boolean replace, boolean resume) throws SQLException {
        return export(table, Target.LANGCHAIN4J, replace, resume);
    }

    /** As {@link #toLangChain4j}, for Spring AI's {@code PgVectorStore} (table {@code T}: id, content, metadata, embedding). */
    int toSpringAi(String table, boolean replace, boolean resume) throws SQLException {
        return export(table, Target.SPRING_AI, replace, resume);
    }

    private int export(String table, Target target, boolean replace, boolean resume) throws SQLException {
        int dimensions = dimensions(table, target);
        checkIds(table, target);
        boolean exists;
        try (PreparedStatement ps = pg.prepareStatement(
                "select 1 from information_schema.tables where table_schema = current_schema() and table_name = ?")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                exists = rs.next();
            }
        }
        if (exists && resume) {
            out.println("kept " + table + " (copied by the interrupted run)");
            return 0;
        }
        if (exists && !replace) {
            throw new MigrationException("the target already has a table " + table + "; nothing was changed. Drop it, or run with"
                    + " --replace to drop and recreate it");
        }
        boolean autoCommit = pg.getAutoCommit();
        pg.setAutoCommit(false);
        try {
            try (Statement s = pg.createStatement()) {
                if (exists) {
                    s.execute("drop table " + quote(table));
                }
                // the store's own DDL (what its createTable / initializeSchema would run)
                s.execute("create table " + quote(table) + " (" + String.format(java.util.Locale.ROOT, target.ddl, dimensions) + ")");
            }
            int rows = copyRows(table, target);
            pg.commit();
            out.println("copied " + rows + " entries of store collection " + table + " as " + target.storeName + " table " + table);
            return rows;
        } catch (SQLException | RuntimeException e) {
            pg.rollback();
            throw e;
        } finally {
            pg.setAutoCommit(autoCommit);
        }
    }

    private int dimensions(String table, Target target) throws SQLException {
        try (PreparedStatement ps = sqlite.prepareStatement("select sql from sqlite_master where name = ? and type = 'table'")) {
            for (String needed : new String[] {table, table + "_meta"}) {
                ps.setString(1, needed);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw notACollection(table, target, "it has no table " + needed);
                    }
                }
            }
            ps.setString(1, table + "_vec");
            try (ResultSet rs = ps.executeQuery()) {
                Vec0Column embedding = rs.next() ? embeddingColumn(rs.getString(1)) : null;
                if (embedding == null) {
                    throw notACollection(table, target, "it has no vec0 table " + table + "_vec with an 'embedding float[n]' column");
                }
                DistanceMetric metric = embedding.metric();
                if (target == Target.LANGCHAIN4J && metric != DistanceMetric.COSINE) {
                    throw new MigrationException("store collection " + table + " does not use cosine distance, which"
                            + " PgVectorEmbeddingStore searches with; it was not written by the LangChain4j store");
                }
                if (target == Target.SPRING_AI && metric == DistanceMetric.L1) {
                    throw new MigrationException("store collection " + table + " uses MANHATTAN distance, which PgVectorStore does not"
                            + " offer (COSINE_DISTANCE, EUCLIDEAN_DISTANCE, NEGATIVE_INNER_PRODUCT); nothing was written");
                }
                if (target == Target.SPRING_AI) {
                    out.println("note: build PgVectorStore for " + table + " with distanceType("
                            + (metric == DistanceMetric.L2 ? "EUCLIDEAN_DISTANCE" : "COSINE_DISTANCE")
                            + ") and vectorTableName(\"" + table + "\")");
                }
                return embedding.dimensions();
            }
        }
    }

    /** The store's {@code embedding float[n]} column, read with the driver's {@code vec0} parser; null if there is none. */
    private static Vec0Column embeddingColumn(String createSql) {
        try {
            Vec0Column column = Vec0Table.parse(createSql).column("embedding");
            return column != null && column.elementType() == VectorElementType.FLOAT32 ? column : null;
        } catch (IllegalArgumentException notVec0) {
            return null;
        }
    }

    private void checkIds(String table, Target target) throws SQLException {
        try (Statement s = sqlite.createStatement(); ResultSet rs = s.executeQuery("select id from " + quote(table))) {
            while (rs.next()) {
                String id = rs.getString(1);
                try {
                    UUID.fromString(id);
                } catch (IllegalArgumentException e) {
                    throw new MigrationException("store collection " + table + " has the id '" + id + "', which is not a UUID;"
                            + " " + target.storeName + " keys its entries by UUID. Nothing was written; give those entries UUID ids"
                            + " " + target.idHint + " and run again");
                }
            }
        }
    }

    private int copyRows(String table, Target target) throws SQLException {
        int rows = 0;
        String documents = "select d.doc, d.id, d.content, v.embedding from " + quote(table) + " d join " + quote(table + "_vec")
                + " v on v.rowid = d.doc order by d.doc";
        String metadata = "select doc, key, type, value from " + quote(table + "_meta") + " order by doc, key";
        try (Statement docs = sqlite.createStatement(); ResultSet d = docs.executeQuery(documents);
                Statement metas = sqlite.createStatement(); ResultSet m = metas.executeQuery(metadata);
                PreparedStatement insert = pg.prepareStatement("insert into " + quote(table)
                        + " (" + target.columns + ") values (?, ?::vector, ?, ?::json)")) {
            boolean moreMeta = m.next();
            while (d.next()) {
                long doc = d.getLong(1);
                StringBuilder json = new StringBuilder("{");
                while (moreMeta && m.getLong(1) < doc) {
                    moreMeta = m.next();
                }
                while (moreMeta && m.getLong(1) == doc) {
                    if (json.length() > 1) {
                        json.append(',');
                    }
                    appendString(json, m.getString(2));
                    json.append(':');
                    appendValue(json, m.getString(3), m);
                    moreMeta = m.next();
                }
                json.append('}');
                String text = d.getString(3);
                insert.setObject(1, UUID.fromString(d.getString(2)));
                insert.setString(2, vectorLiteral(VectorCodec.fromFloat32Blob(d.getBytes(4))));
                insert.setString(3, text);
                // an embedding-only entry has neither text nor metadata, as PgVectorEmbeddingStore stores it
                insert.setString(4, !target.alwaysMetadata && text == null && json.length() == 2 ? null : json.toString());
                insert.addBatch();
                if (++rows % BATCH == 0) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
        }
        return rows;
    }

    /** One metadata value as JSON, from its type tag (see the store core's MetadataValue). */
    private static void appendValue(StringBuilder json, String type, ResultSet m) throws SQLException {
        switch (type) {
            case "string":
            case "uuid":
                appendString(json, m.getString(4));
                break;
            case "int":
            case "long":
                json.append(m.getLong(4));
                break;
            case "float":
                json.append(Float.toString((float) m.getDouble(4)));
                break;
            case "double":
                json.append(Double.toString(m.getDouble(4)));
                break;
            case "boolean":
                json.append(m.getLong(4) != 0);
                break;
            case "json":
                json.append(m.getString(4));
                break;
            default:
                throw new MigrationException("metadata of type '" + type + "' is not one the store layout knows; was the file written"
                        + " by a newer version?");
        }
    }

    private static void appendString(StringBuilder json, String s) {
        json.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                json.append('\\').append(c);
            } else if (c < 0x20) {
                json.append(String.format("\\u%04x", (int) c));
            } else {
                json.append(c);
            }
        }
        json.append('"');
    }

    private static String vectorLiteral(float[] vector) {
        StringBuilder sb = new StringBuilder(vector.length * 12).append('[');
        for (int i = 0; i < vector.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(Float.toString(vector[i]));
        }
        return sb.append(']').toString();
    }

    private static MigrationException notACollection(String table, Target target, String why) {
        return new MigrationException(target.option + " " + table + " names no vector-store collection (" + why + "); give the"
                + " table name the store was built with (its tables are T, T_meta and T_vec)");
    }

    private static String quote(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }
}
