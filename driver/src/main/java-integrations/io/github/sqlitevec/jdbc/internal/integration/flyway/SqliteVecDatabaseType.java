package io.github.sqlitevec.jdbc.internal.integration.flyway;

import io.github.sqlitevec.jdbc.SqliteVecDriver;
import java.sql.Connection;
import org.flywaydb.core.internal.database.sqlite.SQLiteDatabaseType;

/**
 * Lets Flyway open {@code jdbc:sqlitevec:} URLs ({@code flyway.url}, {@code Flyway.configure().dataSource(url, ...)}).
 * Flyway picks the driver for a URL by asking every database plugin whether it handles the prefix;
 * SQLite's plugin knows only {@code jdbc:sqlite:}. Once connected, Flyway recognises the database
 * by its product name, {@code SQLite}, and uses its own SQLite support unchanged; so this type
 * declines connections and only contributes the URL prefix and our driver class.
 *
 * <p>Registered in {@code META-INF/services/org.flywaydb.core.extensibility.Plugin}, which only
 * Flyway reads. Checked against Flyway 12 and 13. Thread-safe (stateless).
 */
public final class SqliteVecDatabaseType extends SQLiteDatabaseType {

    @Override
    public String getName() {
        return "SQLite (sqlitevec-jdbc)";
    }

    @Override
    public boolean handlesJDBCUrl(String url) {
        return SqliteVecDriver.isValidURL(url);
    }

    @Override
    public String getDriverClass(String url, ClassLoader classLoader) {
        return SqliteVecDriver.class.getName();
    }

    @Override
    public boolean handlesDatabaseProductNameAndVersion(String productName, String productVersion, Connection connection) {
        return false;
    }
}
