package io.github.sqlitevec.examples.springboot.ai;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.client.advisor.vectorstore.QuestionAnswerAdvisor;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.ai.vectorstore.SearchRequest;
import org.springframework.ai.vectorstore.VectorStore;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Spring AI side of the example. The {@code VectorStore} itself is not declared here: sqlitevec-spring-ai's
 * auto-configuration builds it from {@code spring.datasource.url} and the {@code spring.ai.vectorstore.sqlite-vec.*}
 * properties. This class supplies the models it needs (both replaceable) and the {@code ChatClient} with
 * {@code QuestionAnswerAdvisor}.
 */
@Configuration(proxyBeanMethods = false)
class AiConfiguration {

    @Bean
    @ConditionalOnMissingBean
    EmbeddingModel embeddingModel() {
        return new MiniLmEmbeddingModel();
    }

    @Bean
    @ConditionalOnMissingBean
    ChatModel chatModel() {
        return new QuotingChatModel();
    }

    @Bean
    ChatClient askClient(ChatModel chatModel, VectorStore vectorStore) {
        return ChatClient.builder(chatModel)
                .defaultAdvisors(QuestionAnswerAdvisor.builder(vectorStore)
                        .searchRequest(SearchRequest.builder().topK(3).similarityThreshold(0.2).build())
                        .build())
                .build();
    }
}
