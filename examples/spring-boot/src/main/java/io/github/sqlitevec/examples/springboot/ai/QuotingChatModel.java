package io.github.sqlitevec.examples.springboot.ai;

import java.util.List;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.prompt.Prompt;

/**
 * The chat model the example uses when the application has none: it does not generate anything, it answers with
 * the passages that {@code QuestionAnswerAdvisor} put into the prompt, so {@code POST /ask} works offline and
 * deterministically. Add a real one (e.g. {@code spring-ai-starter-model-ollama}) and this bean steps aside
 * (docs/spring-ai.md). Stateless and thread-safe.
 */
final class QuotingChatModel implements ChatModel {

    private static final java.util.regex.Pattern CONTEXT = java.util.regex.Pattern.compile("(?ms)^-{5,}$(.*?)^-{5,}$");

    @Override
    public ChatResponse call(Prompt prompt) {
        // QuestionAnswerAdvisor's template puts the retrieved documents between two lines of dashes.
        java.util.regex.Matcher block = CONTEXT.matcher(prompt.getContents());
        String context = block.find() ? block.group(1).strip() : "";
        String answer = context.isEmpty() ? "I found nothing about that in your notes."
                : "From your notes: " + (context.length() > 600 ? context.substring(0, 600) + " ..." : context);
        return new ChatResponse(List.of(new Generation(new AssistantMessage(answer))));
    }
}
