package io.github.sqlitevec.examples.springboot.search;

import io.github.sqlitevec.examples.rag.RagApi;
import io.github.sqlitevec.examples.rag.RagApi.FoundPassage;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /search}: the best passages of the indexed notes for a question, by the rag example's
 * hybrid search (vec0 KNN + FTS5 BM25, fused by reciprocal rank) over the application's DataSource.
 *
 * <pre>
 * curl -s -X POST localhost:8080/search -H 'Content-Type: application/json' \
 *      -d '{"question": "how long can sourdough dough rest in the fridge?", "top": 3}'
 * </pre>
 *
 * Answers a JSON list, best first, of {@code {file, startLine, endLine, score, meaningRank, similarity,
 * wordsRank, bm25, snippet}}; a request it cannot answer gets 400 with an RFC 9457 problem whose
 * {@code detail} says what to send. Thread-safe: each request borrows its own pooled connection.
 */
@RestController
class SearchController {
    private final JdbcTemplate jdbc;
    private final RagApi rag;

    SearchController(JdbcTemplate jdbc, RagApi rag) {
        this.jdbc = jdbc;
        this.rag = rag;
    }

    @PostMapping("/search")
    List<FoundPassage> search(@RequestBody SearchRequest request) {
        String question = request.checkedQuestion();
        int top = request.checkedTop();
        return jdbc.execute((ConnectionCallback<List<FoundPassage>>) connection -> {
            try {
                return rag.search(connection, question, top);
            } catch (IllegalArgumentException e) {
                throw new BadSearchRequestException(e.getMessage()); // a question of punctuation only
            }
        });
    }

    @ExceptionHandler
    ProblemDetail badRequest(BadSearchRequestException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail unreadableBody(HttpMessageNotReadableException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "the body must be a JSON object like {\"question\": \"how long can dough rest in the fridge?\", \"top\": 5}"
                        + " (\"top\" is optional, 1 to " + SearchRequest.MAX_TOP + ")");
    }
}
