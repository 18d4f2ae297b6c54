package io.github.sqlitevec.hibernate;

import java.nio.file.Path;
import java.util.Map;

import org.hibernate.SessionFactory;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.cfg.Configuration;

/** Boots a real Hibernate session factory on a SQLite file in a test's temporary directory. */
final class SqliteVecHibernate {

    private SqliteVecHibernate() {
    }

    /** No hibernate.dialect: Hibernate resolves it from the jdbc:sqlitevec: connection. */
    static SessionFactory boot(Path directory, Class<?>... entities) {
        return boot(directory, Map.of(), entities);
    }

    static SessionFactory boot(Path directory, Map<String, String> extraSettings, Class<?>... entities) {
        Configuration configuration = new Configuration();
        for (Class<?> entity : entities) {
            configuration.addAnnotatedClass(entity);
        }
        configuration.setProperty(AvailableSettings.JAKARTA_JDBC_URL, "jdbc:sqlitevec:" + directory.resolve("app.db"));
        configuration.setProperty(AvailableSettings.JAKARTA_HBM2DDL_DATABASE_ACTION, "drop-and-create");
        configuration.setProperty(AvailableSettings.POOL_SIZE, "2");
        extraSettings.forEach(configuration::setProperty);
        return configuration.buildSessionFactory();
    }
}
