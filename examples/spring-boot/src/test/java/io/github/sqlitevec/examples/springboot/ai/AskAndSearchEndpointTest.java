package io.github.sqlitevec.examples.springboot.ai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sqlitevec.examples.rag.RagApi;
import io.github.sqlitevec.examples.springboot.NotesApplication;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The real application on a fresh file and a random loopback port; GET /search and POST /ask go through the
 * auto-configured Spring AI VectorStore (and QuestionAnswerAdvisor), over HTTP like any client.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS) // startup loads the model and embeds the notes twice (hybrid index and VectorStore)
class AskAndSearchEndpointTest {
    @TempDir
    static Path dir;

    private static ConfigurableApplicationContext app;
    private static String base;
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @BeforeAll
    static void startTheApplication() {
        app = SpringApplication.run(NotesApplication.class,
                "--spring.datasource.url=jdbc:sqlitevec:" + dir.resolve("ai.db"),
                "--server.address=127.0.0.1",
                "--server.port=0");
        base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
    }

    @AfterAll
    static void stopTheApplication() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void searchFindsTheSourdoughNoteThroughTheVectorStore() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/search?top=3&q="
                + URLEncoder.encode(RagApi.SAMPLE_QUESTION, StandardCharsets.UTF_8))).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        JsonNode hits = JSON.readTree(response.body());
        assertEquals(3, hits.size(), response.body());
        assertEquals(RagApi.SAMPLE_ANSWER, hits.get(0).get("file").asString(), response.body());
        assertTrue(hits.get(0).get("score").asDouble() >= hits.get(1).get("score").asDouble(), response.body());
    }

    @Test
    void askPutsTheBestPassageIntoThePromptAndTheDefaultModelQuotesIt() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/ask"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"question\": \"" + RagApi.SAMPLE_QUESTION + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        String answer = JSON.readTree(response.body()).get("answer").asString();
        assertTrue(answer.startsWith("From your notes: "), answer);
        assertTrue(answer.toLowerCase().contains("fridge"), answer);
    }

    @Test
    void aBlankQuestionGets400SayingWhatToSend() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/ask"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"question\": \" \"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(400, response.statusCode(), response.body());
        assertTrue(response.body().contains("{\\\"question\\\""), response.body());
    }
}
