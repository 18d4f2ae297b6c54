package io.github.sqlitevec.examples.springboot;

import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * A Spring Boot application on sqlitevec-jdbc: the only database setting in {@code application.properties} is
 * {@code spring.datasource.url=jdbc:sqlitevec:./spring-boot-example.db}; Boot builds the HikariCP pool,
 * Flyway creates the {@code vec0} table, and {@link NoteStore} searches it.
 *
 * <pre>./mvnw -q -pl examples/spring-boot exec:java</pre>
 *
 * The notes' 3-d embeddings are hand-made (warm, cold, food) to keep that part free of a model.
 * The same database also holds the rag example's index, served as {@code POST /search} by
 * the classes in the {@code search} package.
 */
@SpringBootApplication
public class NotesApplication {

    public static void main(String[] args) {
        SpringApplication.run(NotesApplication.class, args);
    }

    @Bean
    ApplicationRunner searchNotes(NoteStore notes) {
        return args -> {
            if (notes.isEmpty()) {
                notes.add("Hot soup on a winter evening", new float[] {0.6f, 0.3f, 0.9f});
                notes.add("Sunbathing on the beach", new float[] {1.0f, 0.0f, 0.1f});
                notes.add("Skiing in fresh snow", new float[] {0.0f, 1.0f, 0.0f});
                notes.add("Ice cream in July", new float[] {0.7f, 0.4f, 0.8f});
            }
            float[] query = {0.9f, 0.1f, 0.7f}; // warm and about food
            System.out.println("Nearest to warm food: " + notes.nearest(query, 2));
        };
    }
}
