package io.github.sqlitevec.store;

import io.github.sqlitevec.jdbc.VectorCodec;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The upsert as the store wrote it before it batched its statements (one existence query, one
 * INSERT ... RETURNING and single executes per document), kept as the benchmark's "before"; test code only.
 * No validation: the benchmark hands it valid documents.
 */
public final class PerRowUpsert {
    private PerRowUpsert() {}

    public static void upsertAll(DataSource ds, String table, List<VectorDocument> documents) throws SQLException {
        String docs = '"' + table + '"';
        String meta = '"' + table + "_meta\"";
        String vec = '"' + table + "_vec\"";
        try (Connection c = ds.getConnection()) {
            Transactions.write(c, conn -> {
                try (PreparedStatement find = c.prepareStatement("SELECT doc FROM " + docs + " WHERE id = ?");
                     PreparedStatement insertDoc = c.prepareStatement("INSERT INTO " + docs + " (id, content) VALUES (?, ?) RETURNING doc");
                     PreparedStatement updateDoc = c.prepareStatement("UPDATE " + docs + " SET content = ? WHERE doc = ?");
                     PreparedStatement deleteMeta = c.prepareStatement("DELETE FROM " + meta + " WHERE doc = ?");
                     PreparedStatement deleteVec = c.prepareStatement("DELETE FROM " + vec + " WHERE rowid = ?");
                     PreparedStatement insertVec = c.prepareStatement("INSERT INTO " + vec + " (rowid, embedding) VALUES (?, ?)");
                     PreparedStatement insertMeta = c.prepareStatement("INSERT INTO " + meta + " (doc, key, type, value) VALUES (?, ?, ?, ?)")) {
                    Long[] existing = new Long[documents.size()];
                    for (int i = 0; i < documents.size(); i++) {
                        find.setString(1, documents.get(i).id());
                        try (ResultSet rs = find.executeQuery()) {
                            existing[i] = rs.next() ? rs.getLong(1) : null;
                        }
                    }
                    for (int i = 0; i < documents.size(); i++) {
                        VectorDocument d = documents.get(i);
                        Long doc = existing[i];
                        if (doc == null) {
                            insertDoc.setString(1, d.id());
                            insertDoc.setString(2, d.text());
                            try (ResultSet rs = insertDoc.executeQuery()) {
                                rs.next();
                                doc = rs.getLong(1);
                            }
                        } else {
                            updateDoc.setString(1, d.text());
                            updateDoc.setLong(2, doc);
                            updateDoc.executeUpdate();
                            deleteMeta.setLong(1, doc);
                            deleteMeta.executeUpdate();
                            deleteVec.setLong(1, doc);
                            deleteVec.executeUpdate();
                        }
                        insertVec.setLong(1, doc);
                        insertVec.setBytes(2, VectorCodec.toFloat32Blob(d.embedding()));
                        insertVec.executeUpdate();
                        for (Map.Entry<String, Object> e : d.metadata().entrySet()) {
                            MetadataValue type = MetadataValue.of(e.getKey(), e.getValue());
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
    }
}
