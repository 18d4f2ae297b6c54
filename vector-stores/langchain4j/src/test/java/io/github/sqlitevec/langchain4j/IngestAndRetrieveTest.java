package io.github.sqlitevec.langchain4j;

import static dev.langchain4j.store.embedding.filter.MetadataFilterBuilder.metadataKey;
import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.data.document.loader.FileSystemDocumentLoader;
import dev.langchain4j.data.document.splitter.DocumentSplitters;
import dev.langchain4j.rag.content.retriever.EmbeddingStoreContentRetriever;
import dev.langchain4j.service.AiServices;
import dev.langchain4j.store.embedding.EmbeddingStoreIngestor;
import dev.langchain4j.store.embedding.IngestionResult;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * LangChain4j's RAG pieces on our store: {@link EmbeddingStoreIngestor} indexes a folder of files, and an
 * {@code AiServices} assistant retrieves from it through {@link EmbeddingStoreContentRetriever}.
 */
class IngestAndRetrieveTest {

    interface Assistant {
        String answer(String question);
    }

    @TempDir
    static Path dir;

    private static SqliteVecEmbeddingStore store;

    @BeforeAll
    static void indexTheNotes() {
        store = TestStores.open(TestStores.dataSource(dir.resolve("rag.db")), "notes");
        EmbeddingStoreIngestor ingestor = EmbeddingStoreIngestor.builder()
                .documentSplitter(DocumentSplitters.recursive(300, 0))
                .embeddingModel(TestStores.MODEL)
                .embeddingStore(store)
                .build();
        IngestionResult result = ingestor.ingest(FileSystemDocumentLoader.loadDocuments(Notes.writeTo(dir.resolve("notes"))));
        assertThat(result.tokenUsage()).isNotNull();
    }

    @Test
    void theAssistantsPromptCarriesTheRelevantNoteAndNotTheOthers() {
        RecordingChatModel chatModel = new RecordingChatModel();
        Assistant assistant = AiServices.builder(Assistant.class)
                .chatModel(chatModel)
                .contentRetriever(EmbeddingStoreContentRetriever.builder()
                        .embeddingStore(store)
                        .embeddingModel(TestStores.MODEL)
                        .maxResults(1)
                        .build())
                .build();

        String answer = assistant.answer("How much air pressure do my bike tyres need?");

        assertThat(answer).isEqualTo(RecordingChatModel.ANSWER);
        assertThat(chatModel.calls()).isEqualTo(1);
        assertThat(chatModel.lastPrompt())
                .contains("How much air pressure do my bike tyres need?")
                .contains(Notes.BIKE)
                .doesNotContain(Notes.GARDEN)
                .doesNotContain(Notes.KITCHEN)
                .doesNotContain(Notes.TAXES);
    }

    @Test
    void aMetadataFilterOnTheFileNameRestrictsWhatIsRetrieved() {
        RecordingChatModel chatModel = new RecordingChatModel();
        Assistant assistant = AiServices.builder(Assistant.class)
                .chatModel(chatModel)
                .contentRetriever(EmbeddingStoreContentRetriever.builder()
                        .embeddingStore(store)
                        .embeddingModel(TestStores.MODEL)
                        .maxResults(3)
                        // the ingestor records each file's name; "July" is in two notes, only one is allowed
                        .filter(metadataKey("file_name").isEqualTo("taxes.txt"))
                        .build())
                .build();

        assistant.answer("What happens in July?");

        assertThat(chatModel.lastPrompt()).contains(Notes.TAXES).doesNotContain(Notes.GARDEN);
    }

    @Test
    void aMinimumScoreKeepsUnrelatedNotesOutOfThePrompt() {
        RecordingChatModel chatModel = new RecordingChatModel();
        Assistant assistant = AiServices.builder(Assistant.class)
                .chatModel(chatModel)
                .contentRetriever(EmbeddingStoreContentRetriever.builder()
                        .embeddingStore(store)
                        .embeddingModel(TestStores.MODEL)
                        .maxResults(4)
                        .minScore(0.75)
                        .build())
                .build();

        assistant.answer("When should I feed the sourdough starter?");

        assertThat(chatModel.lastPrompt())
                .contains(Notes.KITCHEN)
                .doesNotContain(Notes.BIKE)
                .doesNotContain(Notes.TAXES);
    }
}
