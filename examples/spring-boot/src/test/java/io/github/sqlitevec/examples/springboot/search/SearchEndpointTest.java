package io.github.sqlitevec.examples.springboot.search;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sqlitevec.examples.rag.RagApi;
import io.github.sqlitevec.examples.springboot.NotesApplication;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Starts the real application once on a fresh database file and a random loopback port (it indexes
 * the bundled demo notes on startup), then talks to {@code POST /search} over HTTP like any client.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS) // safety net: startup loads the model and embeds 58 passages
class SearchEndpointTest {
    @TempDir
    static Path dir;

    private static ConfigurableApplicationContext app;
    private static URI searchUri;
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @BeforeAll
    static void startTheApplication() {
        app = SpringApplication.run(NotesApplication.class,
                "--spring.datasource.url=jdbc:sqlitevec:" + dir.resolve("service.db"),
                "--server.address=127.0.0.1",
                "--server.port=0");
        searchUri = URI.create("http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port") + "/search");
    }

    @AfterAll
    static void stopTheApplication() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void theSourdoughQuestionFindsTheSourdoughNoteFirstWithItsLinesScoresAndSnippet() throws Exception {
        HttpResponse<String> response = post("{\"question\": \"" + RagApi.SAMPLE_QUESTION + "\", \"top\": 3}");

        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        JsonNode passages = JSON.readTree(response.body());
        assertEquals(3, passages.size());
        JsonNode best = passages.get(0);
        assertAll(
                () -> assertEquals(RagApi.SAMPLE_ANSWER, best.get("file").asString()),
                () -> assertTrue(best.get("startLine").asInt() >= 1, best.toString()),
                () -> assertTrue(best.get("endLine").asInt() >= best.get("startLine").asInt(), best.toString()),
                () -> assertTrue(best.get("score").asDouble() > 0, best.toString()),
                () -> assertEquals(1, best.get("meaningRank").asInt(), best.toString()),
                () -> assertTrue(best.get("similarity").asDouble() > 0 && best.get("similarity").asDouble() <= 1, best.toString()),
                () -> assertEquals(1, best.get("wordsRank").asInt(), best.toString()),
                () -> assertTrue(best.get("bm25").asDouble() < 0, best.toString()),
                () -> assertTrue(best.get("snippet").asString().contains("fridge"), best.toString()));
        for (int i = 1; i < passages.size(); i++) {
            assertTrue(passages.get(i - 1).get("score").asDouble() >= passages.get(i).get("score").asDouble(),
                    "best first: " + passages);
        }
    }

    @Test
    void withoutTopTheServiceAnswersFivePassages() throws Exception {
        HttpResponse<String> response = post("{\"question\": \"my bike tyre keeps going flat\"}");

        assertEquals(200, response.statusCode(), response.body());
        JsonNode passages = JSON.readTree(response.body());
        assertEquals(5, passages.size());
        assertEquals("bike/puncture-repair.md", passages.get(0).get("file").asString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"question\": \"   \"}", "{\"question\": \"\", \"top\": 3}", "{\"top\": 3}", "{\"question\": null}"})
    void aBlankOrMissingQuestionIsRejectedWith400SayingWhatToSend(String body) throws Exception {
        HttpResponse<String> response = post(body);

        assertBadRequest(response, "\"question\" must be a non-blank string");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 51, 1000})
    void aTopOutsideOneToFiftyIsRejectedWith400(int top) throws Exception {
        HttpResponse<String> response = post("{\"question\": \"sourdough\", \"top\": " + top + "}");

        assertBadRequest(response, "\"top\" must be between 1 and 50, got " + top);
    }

    @Test
    void topFiftyIsAccepted() throws Exception {
        HttpResponse<String> response = post("{\"question\": \"sourdough\", \"top\": 50}");

        assertEquals(200, response.statusCode(), response.body());
        JsonNode passages = JSON.readTree(response.body());
        assertFalse(passages.isEmpty());
        assertTrue(passages.size() <= 50, "at most 50 passages, got " + passages.size());
    }

    @Test
    void aQuestionWithoutWordsIsRejectedWith400() throws Exception {
        HttpResponse<String> response = post("{\"question\": \"?!?\"}");

        assertBadRequest(response, "has no words to search for");
    }

    @Test
    void aBodyThatIsNotJsonIsRejectedWith400ShowingTheExpectedShape() throws Exception {
        HttpResponse<String> response = post("question=sourdough");

        assertBadRequest(response, "the body must be a JSON object like {\"question\"");
    }

    private static void assertBadRequest(HttpResponse<String> response, String expectedDetail) throws IOException {
        assertEquals(400, response.statusCode(), response.body());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""));
        JsonNode problem = JSON.readTree(response.body());
        assertEquals(400, problem.get("status").asInt());
        assertTrue(problem.get("detail").asString().contains(expectedDetail), problem.toString());
    }

    private static HttpResponse<String> post(String json) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(searchUri)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
