package io.github.sqlitevec.conformance.differential;

import java.sql.DatabaseMetaData;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code DatabaseMetaData} as schema tools (Flyway, Liquibase, Hibernate's validator, jOOQ's code
 * generator) call it, over a schema with keys, foreign keys, indexes, views and a temp table.
 */
final class MetaDataScenarios {

    private MetaDataScenarios() {}

    private static final String[] SCHEMA = {
        "CREATE TABLE author (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL UNIQUE, born DATE)",
        "CREATE TABLE book (isbn TEXT, edition INT, author_id INTEGER NOT NULL REFERENCES author(id) ON DELETE CASCADE,"
                + " title VARCHAR(200) DEFAULT 'untitled', price DECIMAL(8,2), PRIMARY KEY (isbn, edition))",
        "CREATE TABLE review (id INTEGER PRIMARY KEY, isbn TEXT, edition INT, stars INT CHECK (stars BETWEEN 1 AND 5),"
                + " CONSTRAINT fk_book FOREIGN KEY (isbn, edition) REFERENCES book (isbn, edition))",
        "CREATE INDEX book_title ON book (title DESC)",
        "CREATE UNIQUE INDEX review_one ON review (isbn, edition, stars)",
        "CREATE VIEW cheap AS SELECT title FROM book WHERE price < 10",
        "CREATE TEMP TABLE scratch (x)",
        "CREATE VIRTUAL TABLE notes USING fts5(text)"
    };

    @FunctionalInterface
    private interface Query {
        Object ask(DatabaseMetaData md) throws java.sql.SQLException;
    }

    static List<Scenario> all() {
        List<Scenario> s = new ArrayList<>();
        s.add(meta("getTables all", md -> md.getTables(null, null, "%", null)));
        s.add(meta("getTables of type TABLE", md -> md.getTables(null, null, null, new String[] {"TABLE"})));
        s.add(meta("getTables of type VIEW", md -> md.getTables(null, null, "%", new String[] {"VIEW"})));
        s.add(meta("getTables of type SYSTEM TABLE", md -> md.getTables(null, null, "%", new String[] {"SYSTEM TABLE"})));
        s.add(meta("getTables of type GLOBAL TEMPORARY", md -> md.getTables(null, null, "%", new String[] {"GLOBAL TEMPORARY"})));
        s.add(meta("getTables with a name pattern", md -> md.getTables(null, null, "b%", null)));
        s.add(meta("getTables with an exact name in another case", md -> md.getTables(null, null, "AUTHOR", null)));
        s.add(meta("getTables with an underscore wildcard", md -> md.getTables(null, null, "note_", null)));
        s.add(meta("getTables in schema temp", md -> md.getTables(null, "temp", "%", null)));
        s.add(meta("getTableTypes", DatabaseMetaData::getTableTypes));
        s.add(meta("getColumns of one table", md -> md.getColumns(null, null, "book", "%")));
        s.add(meta("getColumns of all tables", md -> md.getColumns(null, null, "%", "%")));
        s.add(meta("getColumns of a view", md -> md.getColumns(null, null, "cheap", null)));
        s.add(meta("getColumns with a column pattern", md -> md.getColumns(null, null, "author", "n%")));
        s.add(meta("getColumns of an FTS5 table", md -> md.getColumns(null, null, "notes", "%")));
        s.add(meta("getPrimaryKeys single", md -> md.getPrimaryKeys(null, null, "author")));
        s.add(meta("getPrimaryKeys composite", md -> md.getPrimaryKeys(null, null, "book")));
        s.add(meta("getPrimaryKeys of a table without one", md -> md.getPrimaryKeys(null, null, "cheap")));
        s.add(meta("getImportedKeys single column", md -> md.getImportedKeys(null, null, "book")));
        s.add(meta("getImportedKeys composite", md -> md.getImportedKeys(null, null, "review")));
        s.add(meta("getExportedKeys", md -> md.getExportedKeys(null, null, "book")));
        s.add(meta("getExportedKeys of author", md -> md.getExportedKeys(null, null, "author")));
        s.add(meta("getCrossReference", md -> md.getCrossReference(null, null, "book", null, null, "review")));
        s.add(meta("getIndexInfo all", md -> md.getIndexInfo(null, null, "review", false, false)));
        s.add(meta("getIndexInfo unique only", md -> md.getIndexInfo(null, null, "review", true, false)));
        s.add(meta("getIndexInfo of a descending index", md -> md.getIndexInfo(null, null, "book", false, true)));
        s.add(meta("getTypeInfo", DatabaseMetaData::getTypeInfo));
        s.add(meta("getSchemas", DatabaseMetaData::getSchemas));
        s.add(meta("getCatalogs", DatabaseMetaData::getCatalogs));
        s.add(meta("getProcedures", md -> md.getProcedures(null, null, null)));
        s.add(meta("getProcedureColumns", md -> md.getProcedureColumns(null, null, null, null)));
        s.add(meta("getFunctions", md -> md.getFunctions(null, null, "%")));
        s.add(meta("getBestRowIdentifier", md -> md.getBestRowIdentifier(null, null, "author", DatabaseMetaData.bestRowSession, true)));
        s.add(meta("getVersionColumns", md -> md.getVersionColumns(null, null, "author")));
        s.add(meta("getColumnPrivileges", md -> md.getColumnPrivileges(null, null, "author", null)));
        s.add(meta("getTablePrivileges", md -> md.getTablePrivileges(null, null, "author")));
        s.add(meta("getUDTs", md -> md.getUDTs(null, null, null, null)));
        s.add(meta("getSuperTypes and getSuperTables", md -> md.getSuperTables(null, null, "%")));
        s.add(meta("getAttributes", md -> md.getAttributes(null, null, null, null)));
        s.add(meta("getClientInfoProperties", DatabaseMetaData::getClientInfoProperties));
        s.add(meta("getPseudoColumns", md -> md.getPseudoColumns(null, null, null, null)));
        s.add(meta("product and JDBC versions", md -> md.getDatabaseProductName() + " " + md.getDatabaseProductVersion() + " "
                + md.getDatabaseMajorVersion() + "." + md.getDatabaseMinorVersion() + " jdbc " + md.getJDBCMajorVersion() + "." + md.getJDBCMinorVersion()));
        s.add(meta("identifier quoting and keywords", md -> md.getIdentifierQuoteString() + " | " + md.getSQLKeywords() + " | "
                + md.getSearchStringEscape() + " | " + md.getExtraNameCharacters() + " | " + md.getCatalogSeparator() + " | " + md.getCatalogTerm()
                + " | " + md.getSchemaTerm() + " | " + md.getProcedureTerm()));
        s.add(meta("function lists", md -> md.getNumericFunctions() + " | " + md.getStringFunctions() + " | " + md.getSystemFunctions()
                + " | " + md.getTimeDateFunctions()));
        s.add(meta("limits", md -> List.of(md.getMaxColumnNameLength(), md.getMaxColumnsInTable(), md.getMaxConnections(),
                md.getMaxRowSize(), md.getMaxStatementLength(), md.getMaxTableNameLength(), md.getMaxTablesInSelect(), md.getMaxUserNameLength(),
                md.getDefaultTransactionIsolation(), md.getResultSetHoldability(), md.getSQLStateType(), md.getRowIdLifetime()).toString()));
        s.add(meta("supports flags", md -> List.of(md.supportsTransactions(), md.supportsSavepoints(), md.supportsBatchUpdates(),
                md.supportsGetGeneratedKeys(), md.supportsFullOuterJoins(), md.supportsMultipleResultSets(), md.supportsNamedParameters(),
                md.supportsStoredProcedures(), md.supportsUnion(), md.supportsUnionAll(), md.supportsSubqueriesInExists(),
                md.supportsAlterTableWithAddColumn(), md.supportsMixedCaseIdentifiers(), md.storesMixedCaseIdentifiers(),
                md.supportsResultSetType(java.sql.ResultSet.TYPE_SCROLL_INSENSITIVE), md.supportsTransactionIsolationLevel(java.sql.Connection.TRANSACTION_SERIALIZABLE),
                md.supportsResultSetConcurrency(java.sql.ResultSet.TYPE_FORWARD_ONLY, java.sql.ResultSet.CONCUR_READ_ONLY),
                md.isReadOnly(), md.nullsAreSortedLow(), md.usesLocalFiles(), md.usesLocalFilePerTable(), md.supportsSchemasInTableDefinitions(),
                md.dataDefinitionCausesTransactionCommit(), md.supportsDataManipulationTransactionsOnly(), md.locatorsUpdateCopy(),
                md.generatedKeyAlwaysReturned(), md.supportsStatementPooling(), md.autoCommitFailureClosesAllResultSets()).toString()));
        s.add(meta("getUserName", DatabaseMetaData::getUserName));
        s.add(Scenario.of("metadata result sets have ResultSetMetaData", (x, t) -> {
            t.execAll(x.conn(), SCHEMA);
            try (var rs = x.conn().getMetaData().getColumns(null, null, "author", null)) {
                var md = rs.getMetaData();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    t.note("column " + i, md.getColumnLabel(i) + " " + md.getColumnType(i));
                }
                t.note("statement", rs.getStatement() == null ? "none" : "some");
            }
        }));
        s.add(Scenario.of("metadata sees tables created after it was obtained", (x, t) -> {
            var md = x.conn().getMetaData();
            t.attempt("before", () -> md.getTables(null, null, "later", null));
            t.exec(x.conn(), "CREATE TABLE later (a)");
            t.attempt("after", () -> md.getTables(null, null, "later", null));
            t.attempt("columns", () -> md.getColumns(null, null, "later", null));
        }));
        s.add(Scenario.of("metadata of a table in an attached database", (x, t) -> {
            t.exec(x.conn(), "ATTACH DATABASE '" + x.path("other.db") + "' AS other");
            t.exec(x.conn(), "CREATE TABLE other.far (id INTEGER PRIMARY KEY, v TEXT)");
            var md = x.conn().getMetaData();
            t.attempt("tables", () -> md.getTables(null, null, "far", null));
            t.attempt("columns", () -> md.getColumns(null, null, "far", null));
            t.attempt("schemas", md::getSchemas);
        }));
        return s;
    }

    /** Creates the schema, then records what one metadata call returns. */
    private static Scenario meta(String name, Query query) {
        return Scenario.of("DatabaseMetaData " + name, (x, t) -> {
            t.execAll(x.conn(), SCHEMA);
            DatabaseMetaData md = x.conn().getMetaData();
            t.attempt(name, () -> query.ask(md));
        });
    }
}
