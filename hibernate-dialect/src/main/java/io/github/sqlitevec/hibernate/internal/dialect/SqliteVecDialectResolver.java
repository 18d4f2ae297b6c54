package io.github.sqlitevec.hibernate.internal.dialect;

import io.github.sqlitevec.hibernate.SqliteVecDialect;
import org.hibernate.dialect.Dialect;
import org.hibernate.engine.jdbc.dialect.spi.DialectResolutionInfo;
import org.hibernate.engine.jdbc.dialect.spi.DialectResolver;

/**
 * Picks {@link SqliteVecDialect} for connections opened by the sqlitevec driver (product name
 * {@code SQLite}, driver name {@code sqlitevec-jdbc}); says nothing about any other connection, so a
 * plain {@code jdbc:sqlite:} connection still gets the community {@code SQLiteDialect}.
 */
public final class SqliteVecDialectResolver implements DialectResolver {

    static final String DRIVER_NAME = "sqlitevec-jdbc";

    @Override
    public Dialect resolveDialect(DialectResolutionInfo info) {
        String product = info.getDatabaseName();
        if (product != null && product.startsWith("SQLite") && DRIVER_NAME.equals(info.getDriverName())) {
            return new SqliteVecDialect(info);
        }
        return null;
    }
}
