package io.github.sqlitevec.examples.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The store on the real persistence unit (META-INF/persistence.xml) and a SQLite file per test. */
@Timeout(60)
class AgentMemoryStoreTest {

    @TempDir
    Path dir;

    private final SimulatedClock clock = new SimulatedClock(Instant.parse("2026-01-05T12:00:00Z"));
    private final HashedTextEmbedder embedder = new HashedTextEmbedder(AgentMemory.DIMENSIONS);
    private EntityManagerFactory emf;
    private AgentMemoryStore store;

    @BeforeEach
    void openStore() {
        emf = open();
        store = new AgentMemoryStore(emf, embedder, clock, RecallScoring.DEFAULT);
    }

    @AfterEach
    void closeStore() {
        emf.close();
    }

    /** The persistence unit on this test's database; a second call opens the same database again. */
    EntityManagerFactory open() {
        return Persistence.createEntityManagerFactory("agent-memory",
                Map.of("jakarta.persistence.jdbc.url", "jdbc:sqlitevec:" + dir.resolve("memory.db")));
    }

    @Test
    void anImportantOldMemoryOutranksAnUnimportantRecentOneThatIsEquallyRelevant() {
        AgentMemory old = store.remember("The deploy key for the staging server is in the team vault.", 0.9);
        clock.advance(Duration.ofDays(30));
        AgentMemory recent = store.remember("The deploy key for the staging server is in the team vault.", 0.1);

        List<Recall> recalls = store.recall("where is the deploy key for staging?", 2);

        assertEquals(List.of(old.getId(), recent.getId()), ids(recalls));
        // The documented formula, written out: 1.0·relevance + 0.6·importance + 0.3·0.5^(days / 7).
        double relevance = recalls.get(0).relevance();
        assertEquals(relevance, recalls.get(1).relevance(), 1e-6, "same text, same relevance");
        assertEquals(relevance + 0.6 * 0.9 + 0.3 * Math.pow(0.5, 30 / 7.0), recalls.get(0).score(), 1e-9);
        assertEquals(relevance + 0.6 * 0.1 + 0.3 * 1.0, recalls.get(1).score(), 1e-9);
    }

    @Test
    void relevanceIsOneMinusTheCosineDistanceComputedInJava() {
        AgentMemory memory = store.remember("Kai waters the office plants every Friday.", 0.5);
        String query = "who waters the plants on Friday?";

        Recall recall = store.recall(query, 1).get(0);

        assertEquals(memory.getId(), recall.memory().getId());
        double expectedDistance = cosineDistance(embedder.embed(memory.getText()), embedder.embed(query));
        assertEquals(expectedDistance, recall.cosineDistance(), 1e-5);
        assertEquals(1 - expectedDistance, recall.relevance(), 1e-5);
    }

    @Test
    void aParaphraseThatSharesWordsRecallsTheMemory() {
        store.remember("Ada is allergic to peanuts, never suggest snacks with peanuts.", 0.5);
        AgentMemory trip = store.remember("Ada is planning a trip to Japan in April.", 0.5);
        store.remember("Ada prefers short Java code examples.", 0.5);
        store.remember("The quarterly report is due on the last Friday of March.", 0.5);
        store.remember("Ada's favourite colour is teal.", 0.5);

        List<Recall> recalls = store.recall("In April Ada travels to Japan, right?", 3);

        assertEquals(trip.getId(), recalls.get(0).memory().getId(), recalls.toString());
    }

    @Test
    void recallReturnsOnlyRelatedMemoriesAndMarksOnlyThoseAccessed() {
        AgentMemory plants = store.remember("Kai waters the office plants every Friday.", 0.5);
        AgentMemory unrelated = store.remember("The quarterly report is due in March.", 1.0);
        clock.advance(Duration.ofDays(3));

        List<Recall> recalls = store.recall("who waters the plants?", 5);

        assertEquals(List.of(plants.getId()), ids(recalls), "an important but unrelated memory is not recalled");
        Map<Long, Instant> accessed = store.all().stream()
                .collect(Collectors.toMap(AgentMemory::getId, AgentMemory::getLastAccessedAt));
        assertEquals(clock.instant(), accessed.get(plants.getId()));
        assertEquals(unrelated.getCreatedAt(), accessed.get(unrelated.getId()));
    }

    @Test
    void forgetRemovesExactlyTheOldUnimportantMemories() {
        AgentMemory oldTrivia = store.remember("It rained in Lisbon this morning.", 0.1);
        AgentMemory oldButImportant = store.remember("Ada is allergic to peanuts.", 0.9);
        AgentMemory oldTriviaRecalledLater = store.remember("The coffee machine on floor two is broken.", 0.2);
        AgentMemory oldAtThreshold = store.remember("Ada likes the colour teal.", 0.3);
        clock.advance(Duration.ofDays(20));
        assertEquals(oldTriviaRecalledLater.getId(), store.recall("is the coffee machine broken?", 1).get(0).memory().getId());
        AgentMemory recentTrivia = store.remember("Kai brought cake today.", 0.1);
        clock.advance(Duration.ofDays(10));

        int forgotten = store.forget(Duration.ofDays(14), 0.3);

        assertEquals(1, forgotten);
        Set<Long> left = store.all().stream().map(AgentMemory::getId).collect(Collectors.toSet());
        assertEquals(Set.of(oldButImportant.getId(), oldTriviaRecalledLater.getId(), oldAtThreshold.getId(), recentTrivia.getId()), left);
        assertTrue(!left.contains(oldTrivia.getId()));
    }

    @Test
    void memoriesSurviveARestartBecauseThePersistenceUnitKeepsTheTable() {
        store.remember("Ada's manager is Grace.", 0.8);
        emf.close();

        emf = open();
        store = new AgentMemoryStore(emf, embedder, clock, RecallScoring.DEFAULT);

        assertEquals(1, store.count());
        assertEquals("Ada's manager is Grace.", store.recall("who is Ada's manager?", 1).get(0).memory().getText());
    }

    private static List<Long> ids(List<Recall> recalls) {
        return recalls.stream().map(r -> r.memory().getId()).collect(Collectors.toList());
    }

    private static double cosineDistance(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
            na += (double) a[i] * a[i];
            nb += (double) b[i] * b[i];
        }
        return 1 - dot / Math.sqrt(na * nb);
    }
}
