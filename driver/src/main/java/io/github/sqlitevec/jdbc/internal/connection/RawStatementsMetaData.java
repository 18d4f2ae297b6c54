package io.github.sqlitevec.jdbc.internal.connection;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.sqlite.jdbc4.JDBC4DatabaseMetaData;

/**
 * sqlite-jdbc's metadata, with the methods that cast this connection's statements to
 * sqlite-jdbc's own classes run while the connection hands out raw statements.
 */
final class RawStatementsMetaData extends JDBC4DatabaseMetaData {
    private final VecConnection connection;

    RawStatementsMetaData(VecConnection connection) {
        super(connection);
        this.connection = connection;
    }

    private interface Query {
        ResultSet run() throws SQLException;
    }

    private ResultSet raw(Query query) throws SQLException {
        Thread previous = connection.enterRawStatements();
        try {
            return query.run();
        } finally {
            connection.exitRawStatements(previous);
        }
    }

    @Override
    public synchronized ResultSet getTables(String catalog, String schema, String table, String[] types) throws SQLException {
        return raw(() -> super.getTables(catalog, schema, table, types));
    }

    @Override
    public ResultSet getColumns(String catalog, String schema, String table, String column) throws SQLException {
        return raw(() -> super.getColumns(catalog, schema, table, column));
    }

    @Override
    public ResultSet getPrimaryKeys(String catalog, String schema, String table) throws SQLException {
        return raw(() -> super.getPrimaryKeys(catalog, schema, table));
    }

    @Override
    public ResultSet getImportedKeys(String catalog, String schema, String table) throws SQLException {
        return raw(() -> super.getImportedKeys(catalog, schema, table));
    }

    @Override
    public ResultSet getExportedKeys(String catalog, String schema, String table) throws SQLException {
        return raw(() -> super.getExportedKeys(catalog, schema, table));
    }

    @Override
    public ResultSet getCrossReference(String parentCatalog, String parentSchema, String parentTable,
            String foreignCatalog, String foreignSchema, String foreignTable) throws SQLException {
        return raw(() -> super.getCrossReference(parentCatalog, parentSchema, parentTable, foreignCatalog, foreignSchema, foreignTable));
    }

    /**
     * A vec0 table declaring a primary key shows SQLite a pseudo index that {@code index_info} knows
     * nothing about, and sqlite-jdbc then builds invalid SQL. Virtual tables have no indexes: answer
     * with sqlite-jdbc's own empty result (that of a table with no index list), so tools that list
     * indexes of every table (jOOQ-meta, Hibernate's schema validation) keep working.
     */
    @Override
    public ResultSet getIndexInfo(String catalog, String schema, String table, boolean unique, boolean approximate) throws SQLException {
        try {
            return raw(() -> super.getIndexInfo(catalog, schema, table, unique, approximate));
        } catch (SQLException e) {
            if (!isVirtualTable(table)) {
                throw e;
            }
            return raw(() -> super.getIndexInfo(catalog, schema, "", unique, approximate));
        }
    }

    private boolean isVirtualTable(String table) throws SQLException {
        try (PreparedStatement p = connection.prepareStatement(
                "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ? AND sql LIKE 'CREATE VIRTUAL TABLE%'")) {
            p.setString(1, table);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next();
            }
        }
    }
}
