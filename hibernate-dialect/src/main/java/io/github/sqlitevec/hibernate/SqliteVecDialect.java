package io.github.sqlitevec.hibernate;

import io.github.sqlitevec.hibernate.internal.dialect.RowidIdentityColumnSupport;
import io.github.sqlitevec.hibernate.internal.dialect.SqliteVecSqlAstTranslator;
import io.github.sqlitevec.hibernate.internal.schema.Vec0TableExporter;
import org.hibernate.community.dialect.SQLiteDialect;
import org.hibernate.dialect.DatabaseVersion;
import org.hibernate.dialect.identity.IdentityColumnSupport;
import org.hibernate.engine.jdbc.dialect.spi.DialectResolutionInfo;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.mapping.Table;
import org.hibernate.sql.ast.SqlAstTranslator;
import org.hibernate.sql.ast.SqlAstTranslatorFactory;
import org.hibernate.sql.ast.spi.StandardSqlAstTranslatorFactory;
import org.hibernate.sql.ast.tree.Statement;
import org.hibernate.sql.exec.spi.JdbcOperation;
import org.hibernate.tool.schema.spi.Exporter;

/**
 * The community {@link SQLiteDialect} plus the two things Hibernate's SPIs cannot add from outside:
 * {@code create virtual table … using vec0(…)} for {@link Vec0Table} entities, and the bare rendering of
 * the {@code knn()} predicate. Vector types and functions do not depend on this class: they are
 * contributed to every {@code SQLiteDialect} through {@code TypeContributor}/{@code FunctionContributor}.
 *
 * <p>Hibernate picks this dialect by itself for {@code jdbc:sqlitevec:} connections (no
 * {@code hibernate.dialect} needed). Setting it explicitly also works:
 * <pre>{@code
 * hibernate.dialect=io.github.sqlitevec.hibernate.SqliteVecDialect
 * }</pre>
 * Thread-safe once constructed, like every Hibernate dialect.
 */
public class SqliteVecDialect extends SQLiteDialect {

    private final Exporter<Table> tableExporter = new Vec0TableExporter(this);

    public SqliteVecDialect() {
        super();
    }

    public SqliteVecDialect(DatabaseVersion version) {
        super(version);
    }

    public SqliteVecDialect(DialectResolutionInfo info) {
        super(info);
    }

    /** {@code INTEGER} identity columns that stay rowid aliases; see {@code RowidIdentityColumnSupport}. */
    @Override
    public IdentityColumnSupport getIdentityColumnSupport() {
        return RowidIdentityColumnSupport.INSTANCE;
    }

    @Override
    public Exporter<Table> getTableExporter() {
        return tableExporter;
    }

    @Override
    public SqlAstTranslatorFactory getSqlAstTranslatorFactory() {
        return new StandardSqlAstTranslatorFactory() {
            @Override
            protected <T extends JdbcOperation> SqlAstTranslator<T> buildTranslator(
                    SessionFactoryImplementor sessionFactory, Statement statement) {
                return new SqliteVecSqlAstTranslator<>(sessionFactory, statement);
            }
        };
    }
}
