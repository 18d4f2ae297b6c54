package io.github.sqlitevec.jdbc.internal.wrappers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sqlitevec.jdbc.SqliteVecDriver;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.DriverManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sqlite.SQLiteConnection;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;
import org.sqlite.jdbc3.JDBC3Statement;
import org.sqlite.jdbc4.JDBC4ResultSet;
import org.sqlite.jdbc4.JDBC4Statement;

class WrappingTest {
    private SQLiteConnection connection;
    private VecStatement statement;

    @BeforeEach
    void open() throws SQLException {
        connection = (SQLiteConnection) DriverManager.getConnection("jdbc:sqlitevec::memory:");
        statement = (VecStatement) connection.createStatement();
        statement.execute("CREATE TABLE items(id INTEGER PRIMARY KEY, name TEXT UNIQUE)");
    }

    @AfterEach
    void close() throws SQLException {
        connection.close();
    }

    @Test
    void duplicateKeyStaysASqliteExceptionWithSqlState23505() throws SQLException {
        statement.executeUpdate("INSERT INTO items VALUES (1, 'a')");
        SQLiteException e = assertThrows(SQLiteException.class,
                () -> statement.executeUpdate("INSERT INTO items VALUES (2, 'a')"));
        assertEquals("23505", e.getSQLState());
        assertEquals(SQLiteErrorCode.SQLITE_CONSTRAINT.code, e.getErrorCode());
        assertEquals(SQLiteErrorCode.SQLITE_CONSTRAINT_UNIQUE, e.getResultCode());
    }

    @Test
    void syntaxErrorStaysASqliteExceptionWithSqlState42601() {
        SQLiteException e = assertThrows(SQLiteException.class, () -> statement.executeQuery("SELEC 1"));
        assertEquals("42601", e.getSQLState());
    }

    @Test
    void resultSetsComeWrappedAndPointBackToTheirStatement() throws SQLException {
        assertTrue(statement.execute("SELECT 1"));
        ResultSet rs = statement.getResultSet();
        assertInstanceOf(VecResultSet.class, rs);
        assertSame(statement, rs.getStatement());
        assertSame(connection, statement.getConnection());
        // sqlite-jdbc reuses one result set per statement; so do we.
        assertSame(rs, statement.executeQuery("SELECT 2"));
    }

    @Test
    void statementsAreSqliteJdbcStatementsSoUnwrapReturnsThemselves() throws SQLException {
        assertInstanceOf(JDBC4Statement.class, statement);
        assertSame(statement, statement.unwrap(Statement.class));
        assertSame(statement, statement.unwrap(JDBC4Statement.class));
        assertTrue(statement.isWrapperFor(JDBC3Statement.class));
    }

    @Test
    void resultSetsUnwrapLikeSqliteJdbcsAndReachItsObject() throws SQLException {
        ResultSet rs = statement.executeQuery("SELECT 1");
        assertSame(rs, rs.unwrap(ResultSet.class));
        assertSame(rs, rs.unwrap(VecResultSet.class));
        assertInstanceOf(JDBC4ResultSet.class, rs.unwrap(JDBC4ResultSet.class));
        assertTrue(rs.isWrapperFor(JDBC4ResultSet.class));
        assertFalse(rs.isWrapperFor(String.class));
        // sqlite-jdbc answers an unrelated interface with a ClassCastException, not an SQLException
        assertThrows(ClassCastException.class, () -> rs.unwrap(Statement.class));
    }

    @Test
    void metadataNamesOurDriverButStillSaysSQLite() throws SQLException {
        DatabaseMetaData metaData = connection.getMetaData();
        assertInstanceOf(VecDatabaseMetaData.class, metaData);
        assertSame(metaData, connection.getSQLiteDatabaseMetaData());
        assertSame(metaData, metaData.unwrap(DatabaseMetaData.class));
        assertEquals("SQLite", metaData.getDatabaseProductName());
        assertEquals("sqlitevec-jdbc", metaData.getDriverName());
        assertEquals(SqliteVecDriver.VERSION, metaData.getDriverVersion());
        assertSame(connection, metaData.getConnection());
        ResultSet tables = metaData.getTables(null, null, "items", null);
        assertInstanceOf(VecResultSet.class, tables);
        assertTrue(tables.next());
        assertEquals("items", tables.getString("TABLE_NAME"));
        assertInstanceOf(VecStatement.class, tables.getStatement());
        assertSame(connection, tables.getStatement().getConnection());
    }

    @Test
    void sqliteJdbcsOwnMetaDataCastsHoldThroughUnwrap() throws SQLException {
        // sqlite-jdbc casts the connection's statements to its CoreStatement inside these methods
        ResultSet tables = connection.unwrap(SQLiteConnection.class).getSQLiteDatabaseMetaData().getTables(null, null, "items", null);
        assertTrue(tables.next());
        ResultSet keys = connection.getMetaData().getPrimaryKeys(null, null, "items");
        assertTrue(keys.next());
        assertEquals("id", keys.getString("COLUMN_NAME"));
    }

    @Test
    void aClosedStatementRunsSqlAgainAsSqliteJdbcsDoes() throws SQLException {
        statement.close();
        assertTrue(statement.isClosed());
        assertTrue(statement.execute("SELECT 1"));
    }
}
