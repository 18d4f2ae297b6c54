package io.github.sqlitevec.springai;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.client.advisor.vectorstore.QuestionAnswerAdvisor;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.document.Document;
import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.ai.vectorstore.SearchRequest;
import org.springframework.ai.vectorstore.VectorStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;

/**
 * A Boot app whose store comes from properties alone: the VectorStore is injected, and QuestionAnswerAdvisor on a
 * ChatClient puts the retrieved documents into the prompt. The database file and the embedding model are real; the
 * chat model is a deterministic in-process stand-in that records the prompt it receives.
 */
@SpringBootTest(classes = PropertiesOnlyBootTest.App.class, properties = {
        "spring.datasource.url=jdbc:sqlitevec:target/properties-only-boot-test.db",
        "spring.ai.vectorstore.sqlite-vec.initialize-schema=true",
        "spring.ai.vectorstore.sqlite-vec.table-name=boot_docs"})
class PropertiesOnlyBootTest {

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {
        @Bean
        EmbeddingModel embeddingModel() {
            return MiniLmEmbeddingModel.INSTANCE;
        }

        @Bean
        RecordingChatModel chatModel() {
            return new RecordingChatModel();
        }
    }

    /** Answers with a fixed text and keeps every prompt it was given. */
    static final class RecordingChatModel implements ChatModel {
        final List<Prompt> prompts = new CopyOnWriteArrayList<>();

        @Override
        public ChatResponse call(Prompt prompt) {
            prompts.add(prompt);
            return new ChatResponse(List.of(new Generation(new AssistantMessage("stand-in answer"))));
        }
    }

    @Autowired
    VectorStore vectorStore;

    @Autowired
    RecordingChatModel chatModel;

    @Test
    void questionAnswerAdvisorPutsRetrievedDocumentsIntoThePrompt() {
        assertThat(vectorStore).isInstanceOf(SqliteVecVectorStore.class);
        ((SqliteVecVectorStore) vectorStore).collection().deleteAll();
        vectorStore.add(List.of(
                new Document("The office coffee machine is descaled every Friday by the facilities team.", Map.of("kind", "facilities")),
                new Document("Expense reports must be filed within thirty days of the purchase.", Map.of("kind", "finance")),
                new Document("The staging cluster is rebuilt from scratch every Monday night.", Map.of("kind", "ops"))));

        ChatClient chat = ChatClient.builder(chatModel)
                .defaultAdvisors(QuestionAnswerAdvisor.builder(vectorStore)
                        .searchRequest(SearchRequest.builder().topK(1).build()).build())
                .build();
        String answer = chat.prompt().user("Who descales the coffee machine?").call().content();

        assertThat(answer).isEqualTo("stand-in answer");
        String prompt = chatModel.prompts.get(chatModel.prompts.size() - 1).getContents();
        assertThat(prompt).contains("descaled every Friday by the facilities team")
                .doesNotContain("Expense reports").doesNotContain("staging cluster")
                .contains("Who descales the coffee machine?");
    }
}
