package io.github.sqlitevec.store;

import io.github.sqlitevec.jdbc.VectorCodec;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
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
            writeBatch(c, prepared);
            return null;
        });
    }

    /**
     * Writes a validated batch with one statement of each kind, each executed once as a JDBC batch: per-row
     * round trips (an existence query, an INSERT ... RETURNING, single executes) cost more than the rows
     * themselves. New documents get {@code max(doc) + 1, + 2, ...}, the row ids SQLite would pick itself;
     * the write transaction holds the lock, so nobody else can take them meanwhile.
     */
    private void writeBatch(Connection c, List<PreparedDocument> prepared) throws SQLException {
        Map<String, Long> existing = existingDocs(c, prepared);
        long next;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT coalesce(max(doc), 0) FROM " + schema.documents())) {
            rs.next();
            next = rs.getLong(1) + 1;
        }
        if (next > Long.MAX_VALUE - prepared.size()) {
            throw new SQLException("table " + table() + " has a row id near the largest integer; no room for " + prepared.size()
                    + " more documents; copy the collection to a new table");
        }
        try (PreparedStatement updateDoc = c.prepareStatement("UPDATE " + schema.documents() + " SET content = ? WHERE doc = ?");
             PreparedStatement deleteMeta = c.prepareStatement("DELETE FROM " + schema.meta() + " WHERE doc = ?");
             PreparedStatement deleteVec = c.prepareStatement("DELETE FROM " + schema.vectors() + " WHERE rowid = ?");
             PreparedStatement insertDoc = c.prepareStatement("INSERT INTO " + schema.documents() + " (doc, id, content) VALUES (?, ?, ?)");
             PreparedStatement insertVec = c.prepareStatement("INSERT INTO " + schema.vectors() + " (rowid, embedding) VALUES (?, ?)");
             PreparedStatement insertMeta = c.prepareStatement("INSERT INTO " + schema.meta()
                     + " (doc, key, type, value) VALUES (?, ?, ?, ?)")) {
            for (PreparedDocument d : prepared) {
                Long doc = existing.get(d.document.id());
                if (doc == null) {
                    doc = next++;
                    insertDoc.setLong(1, doc);
                    insertDoc.setString(2, d.document.id());
                    insertDoc.setString(3, d.document.text());
                    insertDoc.addBatch();
                } else {
                    // vec0 has no INSERT OR REPLACE: an existing id's vector and metadata are removed first.
                    updateDoc.setString(1, d.document.text());
                    updateDoc.setLong(2, doc);
                    updateDoc.addBatch();
                    deleteMeta.setLong(1, doc);
                    deleteMeta.addBatch();
                    deleteVec.setLong(1, doc);
                    deleteVec.addBatch();
                }
                insertVec.setLong(1, doc);
                insertVec.setBytes(2, d.blob);
                insertVec.addBatch();
                for (Map.Entry<String, Object> e : d.document.metadata().entrySet()) {
                    MetadataValue type = d.types.get(e.getKey());
                    insertMeta.setLong(1, doc);
                    insertMeta.setString(2, e.getKey());
                    insertMeta.setString(3, type.tag);
                    type.bind(insertMeta, 4, e.getValue());
                    insertMeta.addBatch();
                }
            }
            // Removals before insertions: a replaced document keeps its row id in all three tables.
            for (PreparedStatement ps : List.of(updateDoc, deleteMeta, deleteVec, insertDoc, insertVec, insertMeta)) {
                ps.executeBatch();
            }
        }
    }

    /** How many ids one existence query binds; well under SQLite's limit on parameters. */
    private static final int IDS_PER_QUERY = 500;

    /** The row ids of the batch's ids that are stored already, IDS_PER_QUERY ids per query. */
    private Map<String, Long> existingDocs(Connection c, List<PreparedDocument> prepared) throws SQLException {
        Map<String, Long> existing = new HashMap<>();
        for (int from = 0; from < prepared.size(); from += IDS_PER_QUERY) {
            List<PreparedDocument> chunk = prepared.subList(from, Math.min(prepared.size(), from + IDS_PER_QUERY));
            String placeholders = String.join(",", Collections.nCopies(chunk.size(), "?"));
            try (PreparedStatement find = c.prepareStatement("SELECT id, doc FROM " + schema.documents() + " WHERE id IN (" + placeholders + ")")) {
                for (int i = 0; i < chunk.size(); i++) {
                    find.setString(i + 1, chunk.get(i).document.id());
                }
                try (ResultSet rs = find.executeQuery()) {
                    while (rs.next()) {
                        existing.put(rs.getString(1), rs.getLong(2));
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
        return search(request, true);
    }

    /** {@link #search}; with {@code choosePlan} false a filter always runs as {@code rowid IN} (the benchmark's baseline). */
    List<SearchHit> search(SearchRequest request, boolean choosePlan) {
        if (request == null) {
            throw new IllegalArgumentException("search needs a SearchRequest, got null");
        }
        byte[] query = vectorBlob("query vector", request.vector());
        FilterSql.Translated where = request.filter() == null ? null : FilterSql.translate(schema, request.filter());
        return read("search " + table(), c -> {
            List<Row> nearest = where == null || !choosePlan ? knn(c, query, request.topK(), where)
                    : filteredKnn(c, query, request.topK(), request.filter(), where);
            Map<Long, Row> rows = new LinkedHashMap<>();
            for (Row r : nearest) {
                if (request.maxDistance() != null && r.distance > request.maxDistance()) {
                    break; // sorted nearest first
                }
                rows.put(r.doc, r);
            }
            readMetadata(c, rows);
            List<SearchHit> hits = new ArrayList<>(rows.size());
            for (Row r : rows.values()) {
                hits.add(new SearchHit(new VectorDocument(r.id, r.text, r.metadata, r.embedding), r.distance, metric()));
            }
            return hits;
        });
    }

    /**
     * The top {@code k} under the filter, by the plan {@link FilteredKnnPlan} picks from the filter's share of a
     * fixed sample of documents (row ids spread over the table by a prime stride, so the pick is deterministic).
     */
    private List<Row> filteredKnn(Connection c, byte[] query, int k, Filter filter, FilterSql.Translated where) throws SQLException {
        FilterSql.Translated sampleCheck = FilterSql.predicate(schema, filter, "d.doc");
        long sampled;
        long passed;
        try (PreparedStatement ps = c.prepareStatement("WITH RECURSIVE s(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM s WHERE i < "
                + (FilteredKnnPlan.SAMPLE - 1) + "), top(n) AS (SELECT max(doc) FROM " + schema.documents() + ") SELECT count(*), "
                + "coalesce(sum(" + sampleCheck.sql() + "), 0) FROM s, top JOIN " + schema.documents()
                + " d ON d.doc = 1 + (s.i * 7919) % top.n")) {
            bind(ps, 1, sampleCheck.parameters());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                sampled = rs.getLong(1);
                passed = rs.getLong(2);
            }
        }
        FilteredKnnPlan plan = FilteredKnnPlan.choose(k, sampled, passed);
        if (plan.overFetch()) {
            List<Row> hits = overFetchedKnn(c, query, k, plan.candidates(), filter);
            if (hits.size() == k) {
                return hits;
            }
            // Fewer than k of the k' nearest pass the filter: only rowid IN is sure to find the others.
        }
        return knn(c, query, k, where);
    }

    /** The vec0 KNN, with {@code rowid IN (<filter set>)} inside it when {@code where} is given. */
    private List<Row> knn(Connection c, byte[] query, int k, FilterSql.Translated where) throws SQLException {
        String sql = "SELECT knn.rowid, knn.distance, knn.embedding, d.id, d.content FROM (SELECT rowid, distance, embedding FROM "
                + schema.vectors() + " WHERE embedding MATCH ? AND k = ?"
                + (where == null ? "" : " AND rowid IN (" + where.sql() + ")")
                + ") knn JOIN " + schema.documents() + " d ON d.doc = knn.rowid ORDER BY knn.distance";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setBytes(1, query);
            ps.setInt(2, k);
            if (where != null) {
                bind(ps, 3, where.parameters());
            }
            return rows(ps);
        }
    }

    /**
     * The plain KNN for {@code candidates} rows, then the first {@code k} of them that the filter matches, each
     * checked by index probes. The MATERIALIZED CTE keeps SQLite from pushing the check into vec0.
     */
    private List<Row> overFetchedKnn(Connection c, byte[] query, int k, int candidates, Filter filter) throws SQLException {
        FilterSql.Translated check = FilterSql.predicate(schema, filter, "knn.rowid");
        String sql = "WITH knn AS MATERIALIZED (SELECT rowid, distance, embedding FROM " + schema.vectors()
                + " WHERE embedding MATCH ? AND k = ?) SELECT knn.rowid, knn.distance, knn.embedding, d.id, d.content FROM knn JOIN "
                + schema.documents() + " d ON d.doc = knn.rowid WHERE " + check.sql() + " ORDER BY knn.distance LIMIT ?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setBytes(1, query);
            ps.setInt(2, candidates);
            bind(ps, 3, check.parameters());
            ps.setInt(3 + check.parameters().size(), k);
            return rows(ps);
        }
    }

    private static List<Row> rows(PreparedStatement ps) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                rows.add(new Row(rs.getLong(1), rs.getString(4), rs.getString(5),
                        VectorCodec.fromFloat32Blob(rs.getBytes(3)), rs.getDouble(2), new LinkedHashMap<>()));
            }
        }
        return rows;
    }

    private record Row(long doc, String id, String text, float[] embedding, double distance, Map<String, Object> metadata) {
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
