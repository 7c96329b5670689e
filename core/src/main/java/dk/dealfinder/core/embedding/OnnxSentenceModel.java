package dk.dealfinder.core.embedding;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An ONNX sentence-embedding model whose runtime session computes each text on one thread.
 * LangChain4j already embeds the texts of a batch in parallel, one per core; ONNX Runtime's default
 * session adds its own pool of a thread per core for every text, which spin while they wait, so on
 * a small machine the two pools fight over the same cores. One thread per session embedded about
 * 1.4 times as many titles per second on 2 shared cores (issue 9's backfill profile).
 */
final class OnnxSentenceModel extends AbstractInProcessEmbeddingModel {

    private final OnnxBertBiEncoder encoder;

    private OnnxSentenceModel(OnnxBertBiEncoder encoder) {
        super(null); // LangChain4j's default: one worker thread per core
        this.encoder = encoder;
    }

    /** A model and its HuggingFace {@code tokenizer.json} from the classpath. */
    static OnnxSentenceModel fromClasspath(String model, String tokenizer, PoolingMode pooling) {
        ClassLoader loader = OnnxSentenceModel.class.getClassLoader();
        try (InputStream m = loader.getResourceAsStream(model);
                InputStream t = loader.getResourceAsStream(tokenizer)) {
            if (m == null || t == null) {
                throw new IllegalStateException(
                        "embedding model not on the classpath: " + model + ", " + tokenizer);
            }
            return load(m.readAllBytes(), t, pooling);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static OnnxSentenceModel fromFiles(Path model, Path tokenizer, PoolingMode pooling) {
        try (InputStream t = Files.newInputStream(tokenizer)) {
            return load(Files.readAllBytes(model), t, pooling);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static OnnxSentenceModel load(
            byte[] model, InputStream tokenizer, PoolingMode pooling) {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try {
            // Kept open: it is small, made once per model, and the session was built from it.
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            return new OnnxSentenceModel(
                    new OnnxBertBiEncoder(
                            env, env.createSession(model, options), tokenizer, pooling));
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime could not load the model", e);
        }
    }

    @Override
    protected OnnxBertBiEncoder model() {
        return encoder;
    }
}
