package io.github.sqlitevec.jooq;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.jooq.DSLContext;
import org.jooq.QueryPart;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/** A real SQLite file opened through jdbc:sqlitevec: and wrapped in a jOOQ context. */
final class TestDatabase implements AutoCloseable {

    final Path file;
    final Connection connection;
    final DSLContext ctx;

    private TestDatabase(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
        this.ctx = DSL.using(connection, SQLDialect.SQLITE);
    }

    static TestDatabase open(Path directory) throws SQLException {
        Path file = directory.resolve("test.db");
        return new TestDatabase(file, DriverManager.getConnection("jdbc:sqlitevec:" + file));
    }

    /**
     * The SQL of {@code part} with unquoted names and {@code ?} markers. jOOQ 3.19 and 3.21 quote
     * differently by default (3.21 uses backticks for SQLite), so assertions on rendered SQL use
     * this one fixed style.
     */
    static String sql(QueryPart part) {
        return DSL.using(SQLDialect.SQLITE, new Settings().withRenderQuotedNames(RenderQuotedNames.NEVER)).render(part);
    }

    /** Like {@link #sql}, with bind values inlined as literals. */
    static String inlinedSql(QueryPart part) {
        return DSL.using(SQLDialect.SQLITE, new Settings().withRenderQuotedNames(RenderQuotedNames.NEVER)).renderInlined(part);
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
