package io.github.sqlitevec.jdbc.internal.wrappers;

import static io.github.sqlitevec.jdbc.internal.errors.SqlStateTranslator.translate;

import io.github.sqlitevec.jdbc.SqliteVecDriver;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.RowIdLifetime;
import java.sql.SQLException;
import org.sqlite.SQLiteConnection;
import org.sqlite.jdbc4.JDBC4DatabaseMetaData;

/**
 * The {@code DatabaseMetaData} of a {@code jdbc:sqlitevec:} connection: sqlite-jdbc's own, also
 * what {@code SQLiteConnection.getSQLiteDatabaseMetaData()} returns. It names our driver, gives the
 * URL in its {@code jdbc:sqlite:} form, answers {@code getIndexInfo} for vec0 tables, and gives
 * errors standard SQLStates. The product name stays {@code SQLite}, because Hibernate, Flyway,
 * Liquibase and jOOQ pick their SQLite support by it. sqlite-jdbc runs its queries through the
 * connection's own statements, so its result sets arrive already as {@link VecResultSet}s.
 *
 * <p>Not thread-safe, like sqlite-jdbc's.
 */
public final class VecDatabaseMetaData extends JDBC4DatabaseMetaData {

    private final SQLiteConnection connection;

    public VecDatabaseMetaData(SQLiteConnection connection) {
        super(connection);
        this.connection = connection;
    }

    @Override
    public String getDriverName() {
        return "sqlitevec-jdbc";
    }

    @Override
    public String getDriverVersion() {
        return SqliteVecDriver.VERSION;
    }

    @Override
    public int getDriverMajorVersion() {
        return SqliteVecDriver.MAJOR_VERSION;
    }

    @Override
    public int getDriverMinorVersion() {
        return SqliteVecDriver.MINOR_VERSION;
    }

    /**
     * The address as a {@code jdbc:sqlite:} URL, so that tools which sniff the URL (jOOQ's
     * {@code JDBCUtils.dialect}, Spring Boot's {@code DatabaseDriver.fromJdbcUrl}) see SQLite. A tool
     * that reconnects with it gets plain sqlite-jdbc without sqlite-vec; docs/ecosystem.md has the
     * trade-off.
     */
    @Override
    public String getURL() {
        String url = super.getURL();
        return SqliteVecDriver.isValidURL(url) ? "jdbc:sqlite:" + url.substring(SqliteVecDriver.PREFIX.length()) : url;
    }

    /**
     * A vec0 table declaring a primary key shows SQLite a pseudo index that {@code index_info} knows
     * nothing about, and sqlite-jdbc then builds invalid SQL. Virtual tables have no indexes: answer
     * with sqlite-jdbc's own empty result (that of a table with no index list), so tools that list
     * indexes of every table (jOOQ-meta, Hibernate's schema validation) keep working.
     */
    @Override
    public ResultSet getIndexInfo(String catalog, String schema, String table, boolean unique, boolean approximate)
            throws SQLException {
        try {
            return super.getIndexInfo(catalog, schema, table, unique, approximate);
        } catch (SQLException e) {
            if (!isVirtualTable(table)) {
                throw translate(e);
            }
        }
        try {
            return super.getIndexInfo(catalog, schema, "", unique, approximate);
        } catch (SQLException e) {
            throw translate(e);
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

    @Override
    public synchronized ResultSet getTables(String catalog, String schemaPattern, String tableNamePattern, String[] types)
            throws SQLException {
        try {
            return super.getTables(catalog, schemaPattern, tableNamePattern, types);
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    @Override
    public synchronized void close() throws SQLException {
        try { super.close(); } catch (SQLException e) { throw translate(e); }
    }

    // sqlite-jdbc's other methods that can fail, with standard SQLStates.

    @Override
    public boolean autoCommitFailureClosesAllResultSets() throws SQLException {
        try { return super.autoCommitFailureClosesAllResultSets(); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public boolean generatedKeyAlwaysReturned() throws SQLException {
        try { return super.generatedKeyAlwaysReturned(); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public boolean isReadOnly() throws SQLException {
        try { return super.isReadOnly(); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public boolean supportsFullOuterJoins() throws SQLException {
        try { return super.supportsFullOuterJoins(); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public boolean supportsStoredFunctionsUsingCallSyntax() throws SQLException {
        try { return super.supportsStoredFunctionsUsingCallSyntax(); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public int getDatabaseMajorVersion() throws SQLException {
        try { return super.getDatabaseMajorVersion(); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public int getDatabaseMinorVersion() throws SQLException {
        try { return super.getDatabaseMinorVersion(); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public String getDatabaseProductVersion() throws SQLException {
        try { return super.getDatabaseProductVersion(); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public ResultSet getAttributes(String catalog, String schemaPattern, String typeNamePattern, String attributeNamePattern) throws SQLException {
        try {
            return super.getAttributes(catalog, schemaPattern, typeNamePattern, attributeNamePattern);
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    @Override
    public ResultSet getBestRowIdentifier(String catalog, String schema, String table, int scope, boolean nullable) throws SQLException {
        try {
            return super.getBestRowIdentifier(catalog, schema, table, scope, nullable);
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    @Override
    public ResultSet getCatalogs() throws SQLException {
        try { return super.getCatalogs(); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public ResultSet getClientInfoProperties() throws SQLException {
        try { return super.getClientInfoProperties(); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public ResultSet getColumnPrivileges(String catalog, String schema, String table, String columnNamePattern) throws SQLException {
        try {
            return super.getColumnPrivileges(catalog, schema, table, columnNamePattern);
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    @Override
    public ResultSet getColumns(String catalog, String schemaPattern, String tableNamePattern, String columnNamePattern) throws SQLException {
        try {
            return super.getColumns(catalog, schemaPattern, tableNamePattern, columnNamePattern);
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    @Override
    public ResultSet getCrossReference(String parentCatalog, String parentSchema, String parentTable, String foreignCatalog, String foreignSchema, String foreignTable) throws SQLException {
        try {
            return super.getCrossReference(parentCatalog, parentSchema, parentTable, foreignCatalog, foreignSchema, foreignTable);
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    @Override
    public ResultSet getExportedKeys(String catalog, String schema, String table) throws SQLException {
        try { return super.getExportedKeys(catalog, schema, table); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public ResultSet getFunctionColumns(String catalog, String schemaPattern, String functionNamePattern, String columnNamePattern) throws SQLException {
        try {
            return super.getFunctionColumns(catalog, schemaPattern, functionNamePattern, columnNamePattern);
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    @Override
    public ResultSet getFunctions(String catalog, String schemaPattern, String functionNamePattern) throws SQLException {
        try {
            return super.getFunctions(catalog, schemaPattern, functionNamePattern);
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    @Override
    public ResultSet getGeneratedKeys() throws SQLException {
        try { return super.getGeneratedKeys(); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public ResultSet getImportedKeys(String catalog, String schema, String table) throws SQLException {
        try { return super.getImportedKeys(catalog, schema, table); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public ResultSet getPrimaryKeys(String catalog, String schema, String table) throws SQLException {
        try { return super.getPrimaryKeys(catalog, schema, table); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public ResultSet getProcedureColumns(String catalog, String schemaPattern, String procedureNamePattern, String columnNamePattern) throws SQLException {
        try {
            return super.getProcedureColumns(catalog, schemaPattern, procedureNamePattern, columnNamePattern);
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    @Override
    public ResultSet getProcedures(String catalog, String schemaPattern, String procedureNamePattern) throws SQLException {
        try {
            return super.getProcedures(catalog, schemaPattern, procedureNamePattern);
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    @Override
    public ResultSet getPseudoColumns(String catalog, String schemaPattern, String tableNamePattern, String columnNamePattern) throws SQLException {
        try {
            return super.getPseudoColumns(catalog, schemaPattern, tableNamePattern, columnNamePattern);
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    @Override
    public ResultSet getSchemas() throws SQLException {
        try { return super.getSchemas(); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public ResultSet getSchemas(String catalog, String schemaPattern) throws SQLException {
        try { return super.getSchemas(catalog, schemaPattern); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public ResultSet getSuperTables(String catalog, String schemaPattern, String tableNamePattern) throws SQLException {
        try {
            return super.getSuperTables(catalog, schemaPattern, tableNamePattern);
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    @Override
    public ResultSet getSuperTypes(String catalog, String schemaPattern, String typeNamePattern) throws SQLException {
        try {
            return super.getSuperTypes(catalog, schemaPattern, typeNamePattern);
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    @Override
    public ResultSet getTablePrivileges(String catalog, String schemaPattern, String tableNamePattern) throws SQLException {
        try {
            return super.getTablePrivileges(catalog, schemaPattern, tableNamePattern);
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    @Override
    public ResultSet getTableTypes() throws SQLException {
        try { return super.getTableTypes(); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public ResultSet getTypeInfo() throws SQLException {
        try { return super.getTypeInfo(); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public ResultSet getUDTs(String catalog, String schemaPattern, String typeNamePattern, int[] types) throws SQLException {
        try {
            return super.getUDTs(catalog, schemaPattern, typeNamePattern, types);
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    @Override
    public ResultSet getVersionColumns(String catalog, String schema, String table) throws SQLException {
        try { return super.getVersionColumns(catalog, schema, table); } catch (SQLException e) { throw translate(e); }
    }

    @Override
    public RowIdLifetime getRowIdLifetime() throws SQLException {
        try { return super.getRowIdLifetime(); } catch (SQLException e) { throw translate(e); }
    }
}
