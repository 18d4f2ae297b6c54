package io.github.sqlitevec.hibernate.portable;

import java.nio.file.Path;

import io.github.sqlitevec.testing.postgres.PostgresTestServer;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.cfg.Configuration;

/**
 * Boots the same entity classes on {@code jdbc:sqlitevec:} and on PostgreSQL + pgvector. Only the URL
 * differs: no dialect is set on either side (Hibernate resolves SqliteVecDialect and PostgreSQLDialect),
 * and hibernate-vector on the test class path supplies pgvector's types and functions.
 */
final class BothDatabases {

    private BothDatabases() {
    }

    static SessionFactory sqlite(Path directory, Class<?>... entities) {
        return boot("jdbc:sqlitevec:" + directory.resolve("app.db"), entities);
    }

    static SessionFactory postgres(String database, Class<?>... entities) {
        return boot(PostgresTestServer.shared().createDatabase(database), entities);
    }

    private static SessionFactory boot(String url, Class<?>... entities) {
        Configuration configuration = new Configuration();
        for (Class<?> entity : entities) {
            configuration.addAnnotatedClass(entity);
        }
        configuration.setProperty(AvailableSettings.JAKARTA_JDBC_URL, url);
        configuration.setProperty(AvailableSettings.JAKARTA_HBM2DDL_DATABASE_ACTION, "drop-and-create");
        configuration.setProperty(AvailableSettings.POOL_SIZE, "2");
        return configuration.buildSessionFactory();
    }
}
