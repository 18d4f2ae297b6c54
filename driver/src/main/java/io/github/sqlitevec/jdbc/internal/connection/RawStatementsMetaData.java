package io.github.sqlitevec.jdbc.internal.connection;

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

    @Override
    public ResultSet getIndexInfo(String catalog, String schema, String table, boolean unique, boolean approximate) throws SQLException {
        return raw(() -> super.getIndexInfo(catalog, schema, table, unique, approximate));
    }
}
