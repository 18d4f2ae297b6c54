package io.github.sqlitevec.jdbc.internal.integration.liquibase;

import io.github.sqlitevec.jdbc.SqliteVecDriver;
import liquibase.database.DatabaseConnection;
import liquibase.database.core.SQLiteDatabase;

/**
 * Lets Liquibase open {@code jdbc:sqlitevec:} URLs ({@code --url}, {@code liquibase.properties},
 * the command API). Liquibase finds a driver for a URL by asking each registered database for its
 * default driver; SQLite's answers only for {@code jdbc:sqlite:}. Connected databases are still
 * recognised by product name as Liquibase's own {@code sqlite}, so {@code dbms="sqlite"} in
 * changelogs keeps working: this class declines connections and only contributes the driver.
 * It has its own short name because Liquibase keeps one implementation per short name.
 *
 * <p>Registered in {@code META-INF/services/liquibase.database.Database}, which only Liquibase reads.
 * Not thread-safe, like every Liquibase {@code Database}.
 */
public final class SqliteVecLiquibaseDatabase extends SQLiteDatabase {

    @Override
    public String getShortName() {
        return "sqlitevec";
    }

    @Override
    public String getDefaultDriver(String url) {
        return SqliteVecDriver.isValidURL(url) ? SqliteVecDriver.class.getName() : null;
    }

    @Override
    public boolean isCorrectDatabaseImplementation(DatabaseConnection connection) {
        return false;
    }
}
