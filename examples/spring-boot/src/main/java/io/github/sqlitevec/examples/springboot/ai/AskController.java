package io.github.sqlitevec.examples.springboot.ai;

import java.util.List;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.document.Document;
import org.springframework.ai.vectorstore.SearchRequest;
import org.springframework.ai.vectorstore.VectorStore;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Spring AI over the notes:
 * <pre>
 * curl -s 'localhost:8080/search?q=sourdough+in+the+fridge&amp;top=3'
 * curl -s -X POST localhost:8080/ask -H 'Content-Type: application/json' -d '{"question": "how long can dough rest?"}'
 * </pre>
 * {@code GET /search} answers the VectorStore's documents, best first, as {@code {id, file, score, text}};
 * {@code POST /ask} answers {@code {answer}} from the chat model after {@code QuestionAnswerAdvisor} added the
 * best passages to the prompt. Thread-safe.
 */
@RestController
class AskController {

    record Hit(String id, Object file, Double score, String text) {
    }

    record Question(String question) {
    }

    record Answer(String answer) {
    }

    private final VectorStore vectorStore;
    private final ChatClient askClient;

    AskController(VectorStore vectorStore, ChatClient askClient) {
        this.vectorStore = vectorStore;
        this.askClient = askClient;
    }

    @GetMapping("/search")
    List<Hit> search(@RequestParam("q") String query, @RequestParam(name = "top", defaultValue = "5") int top) {
        if (query.isBlank() || top < 1 || top > 50) {
            throw new IllegalArgumentException("send ?q=<non-blank text>&top=<1 to 50>; got q=\"" + query + "\", top=" + top);
        }
        List<Document> found = vectorStore.similaritySearch(SearchRequest.builder().query(query).topK(top).build());
        return found.stream().map(d -> new Hit(d.getId(), d.getMetadata().get("file"), d.getScore(), d.getText())).toList();
    }

    @PostMapping("/ask")
    Answer ask(@RequestBody Question question) {
        if (question == null || question.question() == null || question.question().isBlank()) {
            throw new IllegalArgumentException("the body must be a JSON object like {\"question\": \"how long can dough rest?\"}");
        }
        return new Answer(askClient.prompt().user(question.question()).call().content());
    }

    @ExceptionHandler
    ProblemDetail badRequest(IllegalArgumentException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    }
}
