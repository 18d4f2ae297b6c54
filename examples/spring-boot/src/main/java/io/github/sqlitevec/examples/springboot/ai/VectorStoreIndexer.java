package io.github.sqlitevec.examples.springboot.ai;

import io.github.sqlitevec.examples.rag.RagApi;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.ai.document.Document;
import org.springframework.ai.vectorstore.SearchRequest;
import org.springframework.ai.vectorstore.VectorStore;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * Puts the rag example's bundled notes into the Spring AI {@code VectorStore} when it is empty, one document per
 * paragraph with the file name in the metadata. Runs while the context starts, so requests never see a half-filled
 * store; the file keeps the documents, so later starts embed nothing.
 */
@Component
class VectorStoreIndexer implements InitializingBean {
    private static final Logger LOG = LoggerFactory.getLogger(VectorStoreIndexer.class);

    private final VectorStore vectorStore;

    VectorStoreIndexer(VectorStore vectorStore) {
        this.vectorStore = vectorStore;
    }

    @Override
    public void afterPropertiesSet() {
        boolean empty = vectorStore.similaritySearch(SearchRequest.builder().query("notes").topK(1).similarityThresholdAll().build())
                .isEmpty();
        if (!empty) {
            LOG.info("VectorStore already holds the notes; nothing to embed");
            return;
        }
        List<Document> documents = new ArrayList<>();
        for (Map.Entry<String, String> note : RagApi.demoNotes().entrySet()) {
            int paragraph = 0;
            for (String text : note.getValue().split("\\R\\s*\\R")) {
                if (!text.isBlank()) {
                    documents.add(new Document(text.strip(), Map.of("file", note.getKey(), "paragraph", paragraph++)));
                }
            }
        }
        vectorStore.add(documents);
        LOG.info("VectorStore: {} paragraphs of the demo notes embedded and stored", documents.size());
    }
}
