package io.github.sqlitevec.examples.rag;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.util.List;

/**
 * Turns text into 384-dimensional unit vectors with all-MiniLM-L6-v2, a small sentence-embedding
 * model. The quantized ONNX file ships inside a Maven Central jar and runs in this process on ONNX
 * Runtime: no download at run time, no network, no API key. The model is loaded once per JVM (the
 * first time this class is used) and is safe to share between threads.
 */
final class Embedder {
    static final int DIMENSIONS = 384;
    static final String MODEL_NAME = "all-MiniLM-L6-v2 (quantized ONNX, 384 dimensions, in-process)";

    // Runnable::run keeps the work on the caller's thread: ONNX Runtime already uses every core
    // for one batch, and no background pool is left behind to keep the JVM alive.
    private static final EmbeddingModel MODEL = new AllMiniLmL6V2QuantizedEmbeddingModel(Runnable::run);

    float[] embed(String text) {
        return MODEL.embed(text).content().vector();
    }

    List<float[]> embedAll(List<String> texts) {
        List<TextSegment> segments = texts.stream().map(TextSegment::from).toList();
        return MODEL.embedAll(segments).content().stream().map(Embedding::vector).toList();
    }
}
