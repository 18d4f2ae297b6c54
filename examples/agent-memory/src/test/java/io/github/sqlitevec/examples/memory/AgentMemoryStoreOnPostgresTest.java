package io.github.sqlitevec.examples.memory;

import io.github.sqlitevec.testing.postgres.PostgresTestServer;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.util.Map;

/**
 * Every test of {@link AgentMemoryStoreTest}, unchanged, on PostgreSQL + pgvector: the same persistence
 * unit and entity, only the URL differs (and hibernate-vector is on the class path). Each test starts on a
 * fresh database; the restart test reopens the same one.
 */
class AgentMemoryStoreOnPostgresTest extends AgentMemoryStoreTest {

    private String url;

    @Override
    EntityManagerFactory open() {
        if (url == null) {
            url = PostgresTestServer.shared().createDatabase("agent_memory");
        }
        return Persistence.createEntityManagerFactory("agent-memory", Map.of("jakarta.persistence.jdbc.url", url));
    }
}
