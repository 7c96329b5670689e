package dk.dealfinder.udfs;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.langchain4j.model.output.Response;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * An embedding model that records every text it is asked to embed and answers with the bundled
 * model's real vectors, so a test can count the work each stage does.
 */
public final class CountingEmbeddingModel implements EmbeddingModel {

    private final EmbeddingModel delegate = new AllMiniLmL6V2QuantizedEmbeddingModel();
    private final List<String> texts = Collections.synchronizedList(new ArrayList<>());

    /** Every text embedded so far, in order, repeats included. */
    public List<String> texts() {
        synchronized (texts) {
            return List.copyOf(texts);
        }
    }

    /** How often {@code text} was embedded. */
    public long timesEmbedded(String text) {
        return texts().stream().filter(text::equals).count();
    }

    @Override
    public Response<Embedding> embed(String text) {
        texts.add(text);
        return delegate.embed(text);
    }

    @Override
    public Response<Embedding> embed(TextSegment segment) {
        return embed(segment.text());
    }

    @Override
    public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
        segments.forEach(s -> texts.add(s.text()));
        return delegate.embedAll(segments);
    }

    @Override
    public int dimension() {
        return delegate.dimension();
    }
}
