package io.github.sqlitevec.conformance.ecosystem;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The schema that the Flyway and Liquibase migrations in this package create: three documents,
 * each with a 3-d embedding in a {@code vec0} table (north = [0,1,0], east = [1,0,0],
 * south = [0,-1,0]). Asking it questions proves the migration ran on a connection with sqlite-vec.
 */
final class MigratedDocuments {
    static final String FLYWAY_LOCATION = "classpath:io/github/sqlitevec/conformance/ecosystem/flyway";
    static final String LIQUIBASE_CHANGELOG = "io/github/sqlitevec/conformance/ecosystem/liquibase/changelog.sql";

    private MigratedDocuments() {
    }

    /** Document titles, nearest first, by KNN over the migrated {@code vec0} table. */
    static List<String> titlesNearest(Connection connection, float[] query) throws SQLException {
        String sql = "SELECT d.title FROM document_embeddings e JOIN documents d ON d.id = e.rowid"
                + " WHERE e.embedding MATCH ? AND k = 3 ORDER BY e.distance";
        try (PreparedStatement knn = connection.prepareStatement(sql)) {
            knn.setObject(1, query);
            List<String> titles = new ArrayList<>();
            try (ResultSet rs = knn.executeQuery()) {
                while (rs.next()) {
                    titles.add(rs.getString(1));
                }
            }
            return titles;
        }
    }
}
