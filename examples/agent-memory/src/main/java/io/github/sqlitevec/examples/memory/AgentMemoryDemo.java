package io.github.sqlitevec.examples.memory;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.io.PrintStream;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * A scripted two-month agent session: the agent stores what it hears with an importance, recalls
 * memories for new questions, and finally forgets old small talk.
 *
 * <pre>./mvnw -q -pl examples/agent-memory -am -DskipTests package exec:java</pre>
 *
 * The optional argument is the database file (default {@code agent-memory.db}); the demo replays
 * the same session on every run, so it recreates the table (the persistence unit itself keeps it).
 */
public final class AgentMemoryDemo {

    static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

    private final AgentMemoryStore memory;
    private final SimulatedClock clock;
    private final PrintStream out;

    private AgentMemoryDemo(AgentMemoryStore memory, SimulatedClock clock, PrintStream out) {
        this.memory = memory;
        this.clock = clock;
        this.out = out;
    }

    public static void main(String[] args) {
        Path db = Paths.get(args.length > 0 ? args[0] : "agent-memory.db").toAbsolutePath();
        run(db, System.out);
        System.out.println("database: " + db);
    }

    static void run(Path db, PrintStream out) {
        EntityManagerFactory emf = Persistence.createEntityManagerFactory("agent-memory", Map.of(
                "jakarta.persistence.jdbc.url", "jdbc:sqlitevec:" + db,
                "jakarta.persistence.schema-generation.database.action", "drop-and-create"));
        try {
            SimulatedClock clock = new SimulatedClock(START);
            AgentMemoryStore store = new AgentMemoryStore(emf, new HashedTextEmbedder(AgentMemory.DIMENSIONS), clock,
                    RecallScoring.DEFAULT);
            new AgentMemoryDemo(store, clock, out).session();
        } finally {
            emf.close();
        }
    }

    private void session() {
        day("Ada starts working with the agent");
        remember("Ada is allergic to peanuts: never suggest recipes or snacks with peanuts.", 0.95);
        remember("Ada prefers short Java code examples over long explanations.", 0.7);
        remember("Ada is planning a trip to Japan in April.", 0.6);
        remember("Ada said the weather in Lisbon is sunny today.", 0.1);
        remember("Ada's favourite colour is teal.", 0.15);

        wait(Duration.ofDays(30));
        day("a month later");
        remember("Ada bought roasted peanuts for the office party.", 0.1);
        remember("Ada asked what time it is in Tokyo right now.", 0.2);
        recall("Can Ada eat snacks with peanuts?");
        recall("Which code examples does Ada like?");
        recall("When is Ada's trip to Japan?");

        wait(Duration.ofDays(25));
        day("25 days later");
        recall("What time is it in Tokyo?");

        wait(Duration.ofDays(5));
        day("5 days later: housekeeping");
        int forgotten = memory.forget(Duration.ofDays(14), 0.3);
        out.printf("forget(not recalled for 14 days, importance < 0.3): %d memories forgotten%n", forgotten);
        out.println("still remembered:");
        for (AgentMemory m : memory.all()) {
            out.printf("  [%.2f] %s%n", m.getImportance(), m.getText());
        }
    }

    private void day(String what) {
        LocalDate date = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        out.println();
        out.println("== " + date + ": " + what);
    }

    private void wait(Duration duration) {
        clock.advance(duration);
    }

    private void remember(String text, double importance) {
        memory.remember(text, importance);
        out.printf("remember [%.2f] %s%n", importance, text);
    }

    private void recall(String question) {
        List<Recall> recalls = memory.recall(question, 3);
        out.println("recall \"" + question + "\"");
        for (Recall r : recalls) {
            out.println("  " + r);
        }
    }
}
