package io.github.sqlitevec.langchain4j;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** The real model, counting how many texts it embeds: the proof that a reopened store re-embeds nothing. */
final class CountingEmbeddingModel implements EmbeddingModel {

    private final EmbeddingModel model;
    private final AtomicInteger embedded = new AtomicInteger();

    CountingEmbeddingModel(EmbeddingModel model) {
        this.model = model;
    }

    @Override
    public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
        embedded.addAndGet(segments.size());
        return model.embedAll(segments);
    }

    @Override
    public int dimension() {
        return model.dimension();
    }

    int embeddedTexts() {
        return embedded.get();
    }
}
