package io.github.sqlitevec.jdbc.internal.wrappers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sqlitevec.jdbc.SqliteVecDriver;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLSyntaxErrorException;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sqlite.SQLiteConnection;
import org.sqlite.jdbc4.JDBC4Connection;
import org.sqlite.jdbc4.JDBC4ResultSet;
import org.sqlite.jdbc4.JDBC4Statement;

class WrappingTest {
    private SQLiteConnection connection;
    private VecStatement statement;

    @BeforeEach
    void open() throws SQLException {
        connection = new JDBC4Connection("jdbc:sqlite::memory:", ":memory:", new Properties());
        statement = new VecStatement(connection, connection.createStatement());
        statement.execute("CREATE TABLE items(id INTEGER PRIMARY KEY, name TEXT UNIQUE)");
    }

    @AfterEach
    void close() throws SQLException {
        connection.close();
    }

    @Test
    void duplicateKeyBecomesSqlState23505() throws SQLException {
        statement.executeUpdate("INSERT INTO items VALUES (1, 'a')");
        SQLIntegrityConstraintViolationException e = assertThrows(SQLIntegrityConstraintViolationException.class,
                () -> statement.executeUpdate("INSERT INTO items VALUES (2, 'a')"));
        assertEquals("23505", e.getSQLState());
    }

    @Test
    void syntaxErrorBecomesSqlSyntaxErrorException() {
        assertThrows(SQLSyntaxErrorException.class, () -> statement.executeQuery("SELEC 1"));
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
    void unwrapReachesSqliteJdbcObjects() throws SQLException {
        ResultSet rs = statement.executeQuery("SELECT 1");
        assertInstanceOf(JDBC4ResultSet.class, rs.unwrap(JDBC4ResultSet.class));
        assertSame(rs, rs.unwrap(VecResultSet.class));
        assertTrue(statement.isWrapperFor(JDBC4Statement.class));
        assertInstanceOf(JDBC4Statement.class, statement.unwrap(JDBC4Statement.class));
    }

    @Test
    void metadataNamesOurDriverButStillSaysSQLite() throws SQLException {
        DatabaseMetaData metaData = new VecDatabaseMetaData(connection, connection.getMetaData());
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
    void closingTheWrapperClosesSqliteJdbcsStatement() throws SQLException {
        statement.close();
        assertTrue(statement.isClosed());
        assertTrue(statement.unwrap(JDBC4Statement.class).isClosed());
    }
}
