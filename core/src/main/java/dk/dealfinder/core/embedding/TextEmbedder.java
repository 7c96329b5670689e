package dk.dealfinder.core.embedding;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The in-process ONNX sentence-embedding model shared by every stage that embeds text (the
 * classifier, the embedder, the alert-server's text search). Loading the model costs ~1 s and ~90
 * MB, so one instance per JVM is shared by all operator instances in a TaskManager; the ONNX
 * runtime session is thread-safe.
 */
public final class TextEmbedder {

    private static volatile TextEmbedder shared;
    private static final Map<Path, TextEmbedder> sharedByPath = new ConcurrentHashMap<>();

    private final EmbeddingModel model;
    private final String modelId;

    TextEmbedder(EmbeddingModel model, String modelId) {
        this.model = model;
        this.modelId = modelId;
    }

    /** The default model: all-MiniLM-L6-v2, quantized, 384 dimensions. */
    public static TextEmbedder shared() {
        TextEmbedder local = shared;
        if (local == null) {
            synchronized (TextEmbedder.class) {
                local = shared;
                if (local == null) {
                    local =
                            new TextEmbedder(
                                    OnnxSentenceModel.fromClasspath(
                                            "all-minilm-l6-v2-q.onnx",
                                            "all-minilm-l6-v2-q-tokenizer.json",
                                            PoolingMode.MEAN),
                                    "all-minilm-l6-v2-q");
                    shared = local;
                }
            }
        }
        return local;
    }

    /**
     * Any sentence-embedding model exported to ONNX with its HuggingFace {@code tokenizer.json}
     * (e.g. a multilingual model, which judges Danish text better than the English default), shared
     * per model file like {@link #shared()}. The model id is the model file's parent folder name
     * (HuggingFace exports keep one model per folder) or its file name.
     *
     * @param pooling {@code mean} or {@code cls}, as the model card says
     */
    public static TextEmbedder shared(Path modelFile, Path tokenizerFile, String pooling) {
        Path key = modelFile.toAbsolutePath().normalize();
        return sharedByPath.computeIfAbsent(key, k -> fromFiles(k, tokenizerFile, pooling));
    }

    private static TextEmbedder fromFiles(Path modelFile, Path tokenizerFile, String pooling) {
        for (Path p : List.of(modelFile, tokenizerFile)) {
            if (!Files.isReadable(p)) {
                throw new IllegalArgumentException("embedding model file not readable: " + p);
            }
        }
        PoolingMode mode;
        try {
            mode = PoolingMode.valueOf(pooling.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "pooling must be 'mean' or 'cls', got '" + pooling + "'", e);
        }
        Path folder = modelFile.getParent();
        String id =
                folder != null && folder.getFileName() != null
                        ? folder.getFileName().toString()
                        : modelFile.getFileName().toString();
        return new TextEmbedder(OnnxSentenceModel.fromFiles(modelFile, tokenizerFile, mode), id);
    }

    /**
     * An embedder around any LangChain4j embedding model, e.g. a test's counting or fake model.
     * Production code uses {@link #shared()} or {@link #shared(Path, Path, String)}.
     */
    public static TextEmbedder of(EmbeddingModel model, String modelId) {
        return new TextEmbedder(model, modelId);
    }

    public String modelId() {
        return modelId;
    }

    public int dimension() {
        return model.dimension();
    }

    /** Embeds one text; the vector is L2-normalized, so a dot product is the cosine similarity. */
    public float[] embed(String text) {
        return normalized(model.embed(text).content());
    }

    /**
     * Embeds several texts in one model call (faster per text than one call each); no texts give no
     * vectors.
     */
    public List<float[]> embedAll(List<String> texts) {
        if (texts.isEmpty()) {
            return List.of();
        }
        List<TextSegment> segments = texts.stream().map(TextSegment::from).toList();
        return model.embedAll(segments).content().stream().map(TextEmbedder::normalized).toList();
    }

    /** Cosine similarity of two normalized vectors. */
    public static double cosine(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException(
                    "vectors differ in size: " + a.length + " vs " + b.length);
        }
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
        }
        return dot;
    }

    private static float[] normalized(Embedding embedding) {
        float[] v = embedding.vector();
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        norm = Math.sqrt(norm);
        if (norm > 0) {
            for (int i = 0; i < v.length; i++) {
                v[i] = (float) (v[i] / norm);
            }
        }
        return v;
    }
}
