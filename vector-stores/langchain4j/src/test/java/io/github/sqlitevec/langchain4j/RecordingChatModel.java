package io.github.sqlitevec.langchain4j;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The one stand-in in these tests: a deterministic chat model instead of a hosted LLM. It records every prompt so a
 * test can assert which retrieved segments reached it, and answers with a fixed sentence.
 */
final class RecordingChatModel implements ChatModel {

    static final String ANSWER = "Here is what your notes say.";

    private final List<ChatRequest> requests = new CopyOnWriteArrayList<>();

    @Override
    public ChatResponse doChat(ChatRequest request) {
        requests.add(request);
        return ChatResponse.builder().aiMessage(AiMessage.from(ANSWER)).build();
    }

    /** The text of the last user message the model received: the question plus what RAG injected. */
    String lastPrompt() {
        List<ChatMessage> messages = requests.get(requests.size() - 1).messages();
        return ((UserMessage) messages.get(messages.size() - 1)).singleText();
    }

    int calls() {
        return requests.size();
    }
}
