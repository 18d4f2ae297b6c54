package io.github.sqlitevec.hibernate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.github.sqlitevec.hibernate.entities.Document;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.cfg.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteConnection;

/**
 * Hibernate 7 probes {@code Connection.createClob()} and {@code createNClob()} at every boot
 * (the SQLite dialect declares connection LOB creation). The answer must not carry a state that
 * makes HikariCP evict the connection (0A000), so a Spring Boot + JPA start keeps its pool intact.
 */
class BootOnHikariPoolTest {

    @TempDir
    Path dir;

    @Test
    void bootingHibernateKeepsThePooledConnection() throws Exception {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:sqlitevec:" + dir.resolve("app.db"));
        config.setMaximumPoolSize(1);
        config.setMinimumIdle(1);
        try (HikariDataSource pool = new HikariDataSource(config)) {
            SQLiteConnection physical;
            try (Connection c = pool.getConnection()) {
                physical = c.unwrap(SQLiteConnection.class);
            }
            Configuration configuration = new Configuration().addAnnotatedClass(Document.class);
            configuration.getProperties().put(AvailableSettings.DATASOURCE, pool);
            configuration.setProperty(AvailableSettings.JAKARTA_HBM2DDL_DATABASE_ACTION, "drop-and-create");
            try (SessionFactory factory = configuration.buildSessionFactory()) {
                factory.inTransaction(session -> session.persist(new Document("pooled", new float[16], new byte[16], new byte[2])));
            }
            try (Connection c = pool.getConnection(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT count(*) FROM documents")) {
                assertSame(physical, c.unwrap(SQLiteConnection.class), "HikariCP replaced the connection Hibernate probed");
                rs.next();
                assertEquals(1, rs.getInt(1));
            }
            assertEquals(1, pool.getHikariPoolMXBean().getTotalConnections());
        }
    }
}
