package dk.dealfinder.core.embedding;

import java.io.Serializable;
import java.nio.file.Path;

/**
 * Which sentence-embedding model a stage uses: the bundled all-MiniLM-L6-v2-q ({@link #BUNDLED}),
 * or an ONNX model file with its {@code tokenizer.json} and pooling mode (e.g. a multilingual
 * model, for Danish text). Serializable, so Flink functions carry it and load the model in {@code
 * open()}.
 */
public record EmbeddingModelSpec(String modelFile, String tokenizerFile, String pooling)
        implements Serializable {

    public static final EmbeddingModelSpec BUNDLED = new EmbeddingModelSpec(null, null, null);

    /** The shared embedder for this model (loaded on first use in the JVM). */
    public TextEmbedder load() {
        return modelFile == null
                ? TextEmbedder.shared()
                : TextEmbedder.shared(
                        Path.of(modelFile),
                        Path.of(tokenizerFile),
                        pooling == null ? "mean" : pooling);
    }
}
