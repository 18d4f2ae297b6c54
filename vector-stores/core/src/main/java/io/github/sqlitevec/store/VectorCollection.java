package io.github.sqlitevec.store;

import io.github.sqlitevec.jdbc.VectorCodec;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;

/**
 * A collection of documents with one embedding each, stored in a {@code jdbc:sqlitevec:} database: upsert,
 * delete by ids or by filter, count, and nearest-neighbour search with top-k, a distance limit and a metadata
 * filter applied inside the KNN. The layout is in docs/vector-stores.md; the Spring AI and LangChain4j
 * adapters share it, so both can open the same file.
 *
 * <pre>{@code
 * DataSource ds = new SqliteVecDataSource();                 // or a pool over jdbc:sqlitevec:app.db
 * ((SqliteVecDataSource) ds).setUrl("jdbc:sqlitevec:app.db");
 * VectorCollection docs = VectorCollection.builder(ds).table("documents").dimensions(3).createTable(true).build();
 * docs.upsert(new VectorDocument("a", "hello", Map.of("lang", "en"), new float[] {1, 0, 0}));
 * List<SearchHit> hits = docs.search(SearchRequest.of(new float[] {1, 0.1f, 0}, 5).withFilter(Filter.eq("lang", "en")));
 * }</pre>
 *
 * <p><b>Thread-safety:</b> immutable and safe for concurrent use; every call borrows its own connection from the
 * {@link DataSource} (use a pool for throughput). Writes run in one {@code BEGIN IMMEDIATE} transaction each (or
 * in the connection's transaction when it has auto-commit off), so a batch is written whole or not at all, and
 * concurrent writers wait for each other through SQLite's busy timeout instead of failing on a lock upgrade.
 */
public final class VectorCollection {

    private final DataSource dataSource;
    private final Schema schema;

    private VectorCollection(DataSource dataSource, Schema schema) {
        this.dataSource = dataSource;
        this.schema = schema;
    }

    /** A builder over {@code dataSource}, which must open {@code jdbc:sqlitevec:} connections. */
    public static Builder builder(DataSource dataSource) {
        return new Builder(dataSource);
    }

    public String table() {
        return schema.table();
    }

    public int dimensions() {
        return schema.dimensions();
    }

    public DistanceMetric metric() {
        return schema.metric();
    }

    /** Inserts {@code document}, or replaces the one with the same id. */
    public void upsert(VectorDocument document) {
        upsertAll(List.of(document));
    }

    /**
     * Inserts or replaces all {@code documents} in one transaction. Everything is validated first
     * (ids, dimensions, finite floats, metadata types, no id twice): on bad input an
     * {@link IllegalArgumentException} names the document and value, and nothing is written.
     */
    public void upsertAll(List<VectorDocument> documents) {
        if (documents == null) {
            throw new IllegalArgumentException("upsertAll needs a list of documents, got null");
        }
        List<PreparedDocument> prepared = prepare(documents);
        if (prepared.isEmpty()) {
            return;
        }
        inWriteTransaction("upsert " + prepared.size() + " documents into " + table(), c -> {
            Map<String, Long> existing = existingDocs(c, prepared);
            try (PreparedStatement insertDoc = c.prepareStatement("INSERT INTO " + schema.documents()
                    + " (id, content) VALUES (?, ?) RETURNING doc");
                 PreparedStatement updateDoc = c.prepareStatement("UPDATE " + schema.documents() + " SET content = ? WHERE doc = ?");
                 PreparedStatement deleteMeta = c.prepareStatement("DELETE FROM " + schema.meta() + " WHERE doc = ?");
                 PreparedStatement deleteVec = c.prepareStatement("DELETE FROM " + schema.vectors() + " WHERE rowid = ?");
                 PreparedStatement insertVec = c.prepareStatement("INSERT INTO " + schema.vectors() + " (rowid, embedding) VALUES (?, ?)");
                 PreparedStatement insertMeta = c.prepareStatement("INSERT INTO " + schema.meta()
                         + " (doc, key, type, value) VALUES (?, ?, ?, ?)")) {
                for (PreparedDocument d : prepared) {
                    Long doc = existing.get(d.document.id());
                    if (doc == null) {
                        insertDoc.setString(1, d.document.id());
                        insertDoc.setString(2, d.document.text());
                        try (ResultSet rs = insertDoc.executeQuery()) {
                            rs.next();
                            doc = rs.getLong(1);
                        }
                    } else {
                        // vec0 has no INSERT OR REPLACE: an existing id's vector and metadata are removed first.
                        updateDoc.setString(1, d.document.text());
                        updateDoc.setLong(2, doc);
                        updateDoc.executeUpdate();
                        deleteMeta.setLong(1, doc);
                        deleteMeta.executeUpdate();
                        deleteVec.setLong(1, doc);
                        deleteVec.executeUpdate();
                    }
                    insertVec.setLong(1, doc);
                    insertVec.setBytes(2, d.blob);
                    insertVec.executeUpdate();
                    for (Map.Entry<String, Object> e : d.document.metadata().entrySet()) {
                        MetadataValue type = d.types.get(e.getKey());
                        insertMeta.setLong(1, doc);
                        insertMeta.setString(2, e.getKey());
                        insertMeta.setString(3, type.tag);
                        type.bind(insertMeta, 4, e.getValue());
                        insertMeta.addBatch();
                    }
                }
                insertMeta.executeBatch();
            }
            return null;
        });
    }

    /** The row ids of the batch's ids that are stored already (an index lookup each). */
    private Map<String, Long> existingDocs(Connection c, List<PreparedDocument> prepared) throws SQLException {
        Map<String, Long> existing = new HashMap<>();
        try (PreparedStatement find = c.prepareStatement("SELECT doc FROM " + schema.documents() + " WHERE id = ?")) {
            for (PreparedDocument d : prepared) {
                find.setString(1, d.document.id());
                try (ResultSet rs = find.executeQuery()) {
                    if (rs.next()) {
                        existing.put(d.document.id(), rs.getLong(1));
                    }
                }
            }
        }
        return existing;
    }

    /** Deletes the documents with these ids (unknown ids are ignored); returns how many were deleted. */
    public int delete(Collection<String> ids) {
        if (ids == null || ids.stream().anyMatch(java.util.Objects::isNull)) {
            throw new IllegalArgumentException("delete needs a collection of ids without nulls, got " + ids);
        }
        if (ids.isEmpty()) {
            return 0;
        }
        return inWriteTransaction("delete " + ids.size() + " ids from " + table(), c -> {
            int deleted = 0;
            try (PreparedStatement find = c.prepareStatement("SELECT doc FROM " + schema.documents() + " WHERE id = ?")) {
                List<Long> docs = new ArrayList<>();
                for (String id : new HashSet<>(ids)) {
                    find.setString(1, id);
                    try (ResultSet rs = find.executeQuery()) {
                        if (rs.next()) {
                            docs.add(rs.getLong(1));
                        }
                    }
                }
                deleted = deleteDocs(c, docs);
            }
            return deleted;
        });
    }

    /** Deletes the documents {@code filter} matches; returns how many. */
    public int deleteWhere(Filter filter) {
        if (filter == null) {
            throw new IllegalArgumentException("deleteWhere needs a filter, got null; use deleteAll() to delete everything");
        }
        FilterSql.Translated where = FilterSql.translate(schema, filter);
        return inWriteTransaction("delete by filter from " + table(), c -> {
            List<Long> docs = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(where.sql())) {
                bind(ps, 1, where.parameters());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        docs.add(rs.getLong(1));
                    }
                }
            }
            return deleteDocs(c, docs);
        });
    }

    /** Deletes every document; returns how many. */
    public int deleteAll() {
        return inWriteTransaction("delete all from " + table(), c -> {
            try (Statement s = c.createStatement()) {
                s.executeUpdate("DELETE FROM " + schema.meta());
                s.executeUpdate("DELETE FROM " + schema.vectors());
                return s.executeUpdate("DELETE FROM " + schema.documents());
            }
        });
    }

    /** How many documents the collection holds. */
    public long count() {
        return read("count " + table(), c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM " + schema.documents())) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /**
     * The {@code request.topK()} documents nearest to the query vector among those the filter matches,
     * nearest first, dropping any farther than {@code request.maxDistance()}.
     */
    public List<SearchHit> search(SearchRequest request) {
        if (request == null) {
            throw new IllegalArgumentException("search needs a SearchRequest, got null");
        }
        byte[] query = vectorBlob("query vector", request.vector());
        FilterSql.Translated where = request.filter() == null ? null : FilterSql.translate(schema, request.filter());
        String sql = "SELECT knn.rowid, knn.distance, knn.embedding, d.id, d.content FROM (SELECT rowid, distance, embedding FROM "
                + schema.vectors() + " WHERE embedding MATCH ? AND k = ?"
                + (where == null ? "" : " AND rowid IN (" + where.sql() + ")")
                + ") knn JOIN " + schema.documents() + " d ON d.doc = knn.rowid ORDER BY knn.distance";
        return read("search " + table(), c -> {
            Map<Long, Row> rows = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setBytes(1, query);
                ps.setInt(2, request.topK());
                if (where != null) {
                    bind(ps, 3, where.parameters());
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        double distance = rs.getDouble(2);
                        if (request.maxDistance() != null && distance > request.maxDistance()) {
                            break; // sorted nearest first
                        }
                        rows.put(rs.getLong(1), new Row(rs.getString(4), rs.getString(5),
                                VectorCodec.fromFloat32Blob(rs.getBytes(3)), distance, new LinkedHashMap<>()));
                    }
                }
            }
            readMetadata(c, rows);
            List<SearchHit> hits = new ArrayList<>(rows.size());
            for (Row r : rows.values()) {
                hits.add(new SearchHit(new VectorDocument(r.id, r.text, r.metadata, r.embedding), r.distance, metric()));
            }
            return hits;
        });
    }

    private record Row(String id, String text, float[] embedding, double distance, Map<String, Object> metadata) {
    }

    private void readMetadata(Connection c, Map<Long, Row> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        // One query for all hits: the row ids travel as a JSON array of integers.
        String ids = rows.keySet().toString();
        try (PreparedStatement ps = c.prepareStatement("SELECT doc, key, type, value FROM " + schema.meta()
                + " WHERE doc IN (SELECT value FROM json_each(?)) ORDER BY doc, key")) {
            ps.setString(1, ids);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.get(rs.getLong(1)).metadata.put(rs.getString(2), MetadataValue.forTag(rs.getString(3)).read(rs, 4));
                }
            }
        }
    }

    private int deleteDocs(Connection c, List<Long> docs) throws SQLException {
        String[] tables = {schema.meta(), schema.vectors(), schema.documents()};
        String[] keys = {"doc", "rowid", "doc"};
        for (int t = 0; t < tables.length; t++) {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + tables[t] + " WHERE " + keys[t] + " = ?")) {
                for (long doc : docs) {
                    ps.setLong(1, doc);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
        return docs.size();
    }

    private static void bind(PreparedStatement ps, int first, List<Object> parameters) throws SQLException {
        for (int i = 0; i < parameters.size(); i++) {
            MetadataValue.bindFilterValue(ps, first + i, parameters.get(i));
        }
    }

    private record PreparedDocument(VectorDocument document, byte[] blob, Map<String, MetadataValue> types) {
    }

    private List<PreparedDocument> prepare(List<VectorDocument> documents) {
        List<PreparedDocument> prepared = new ArrayList<>(documents.size());
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < documents.size(); i++) {
            VectorDocument d = documents.get(i);
            if (d == null) {
                throw new IllegalArgumentException("document " + i + " of the batch is null; nothing was written");
            }
            if (d.id() == null || d.id().isEmpty()) {
                throw new IllegalArgumentException("document " + i + " of the batch has " + (d.id() == null ? "a null" : "an empty")
                        + " id; give every document a non-empty id (e.g. a random UUID); nothing was written");
            }
            if (!ids.add(d.id())) {
                throw new IllegalArgumentException("id '" + d.id() + "' appears twice in one batch; ids are unique per collection; nothing was written");
            }
            byte[] blob;
            try {
                blob = vectorBlob("document '" + d.id() + "'", d.embedding());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(e.getMessage() + "; nothing was written", e);
            }
            Map<String, MetadataValue> types = new HashMap<>();
            for (Map.Entry<String, Object> e : d.metadata().entrySet()) {
                if (e.getKey() == null || e.getKey().isEmpty()) {
                    throw new IllegalArgumentException("document '" + d.id() + "' has a metadata key that is "
                            + (e.getKey() == null ? "null" : "empty") + "; nothing was written");
                }
                try {
                    types.put(e.getKey(), MetadataValue.of(e.getKey(), e.getValue()));
                } catch (IllegalArgumentException ex) {
                    throw new IllegalArgumentException("document '" + d.id() + "': " + ex.getMessage() + "; nothing was written", ex);
                }
            }
            prepared.add(new PreparedDocument(d, blob, types));
        }
        return prepared;
    }

    private byte[] vectorBlob(String what, float[] vector) {
        if (vector == null) {
            throw new IllegalArgumentException(what + " has no embedding (null); the collection '" + table()
                    + "' needs " + dimensions() + " floats");
        }
        if (vector.length != dimensions()) {
            throw new IllegalArgumentException(what + " has " + vector.length + " dimensions; collection '" + table()
                    + "' expects " + dimensions());
        }
        for (int i = 0; i < vector.length; i++) {
            if (!Float.isFinite(vector[i])) {
                throw new IllegalArgumentException(what + " has " + vector[i] + " at index " + i
                        + "; embeddings must be finite floats");
            }
        }
        return VectorCodec.toFloat32Blob(vector);
    }

    private <T> T read(String what, Transactions.Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new StoreException("could not " + what, e);
        }
    }

    private <T> T inWriteTransaction(String what, Transactions.Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return Transactions.write(c, work);
        } catch (SQLException e) {
            throw new StoreException("could not " + what + " (nothing was written)", e);
        }
    }

    /** Builds a {@link VectorCollection}; not thread-safe. */
    public static final class Builder {
        private final DataSource dataSource;
        private String table = "vector_store";
        private int dimensions = -1;
        private DistanceMetric metric = DistanceMetric.COSINE;
        private boolean createTable;

        private Builder(DataSource dataSource) {
            if (dataSource == null) {
                throw new IllegalArgumentException("a VectorCollection needs a DataSource over a jdbc:sqlitevec: URL, got null");
            }
            this.dataSource = dataSource;
        }

        /** The table name (default {@code vector_store}); the store also uses {@code <table>_meta} and {@code <table>_vec}. */
        public Builder table(String table) {
            this.table = table;
            return this;
        }

        /** The embedding dimension (required). */
        public Builder dimensions(int dimensions) {
            this.dimensions = dimensions;
            return this;
        }

        /** The distance metric (default {@link DistanceMetric#COSINE}). */
        public Builder metric(DistanceMetric metric) {
            this.metric = metric;
            return this;
        }

        /** Create the tables when missing (default false: they must exist with the same dimensions and metric). */
        public Builder createTable(boolean createTable) {
            this.createTable = createTable;
            return this;
        }

        /**
         * Creates the tables if asked, then checks that they have the configured dimensions and metric.
         *
         * @throws IllegalArgumentException for a bad setting
         * @throws IllegalStateException when the tables are missing or differ
         */
        public VectorCollection build() {
            Schema schema = new Schema(table, dimensions, metric);
            VectorCollection collection = new VectorCollection(dataSource, schema);
            if (createTable) {
                collection.inWriteTransaction("create the tables of " + table, c -> {
                    schema.create(c);
                    return null;
                });
            }
            collection.read("check the tables of " + table, c -> {
                schema.verify(c);
                return null;
            });
            return collection;
        }
    }
}
