package dk.dealfinder.udfs.embed;

import dk.dealfinder.core.embedding.EmbeddingModelSpec;
import dk.dealfinder.core.embedding.TextEmbedder;
import dk.dealfinder.core.model.EmbeddedListing;
import dk.dealfinder.core.model.Listing;
import dk.dealfinder.udfs.async.BatchRetries;
import dk.dealfinder.udfs.async.BatchSettings;
import dk.dealfinder.udfs.async.BatchingAsyncFunction;
import java.time.Duration;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.async.AsyncRetryStrategy;

/**
 * Embeds each listing version's text (title and description) with the local ONNX model, many
 * listings per model call. The change detector emits a listing only when its version changes, so
 * each version is embedded once. A listing whose batch failed or timed out carries an empty vector
 * ({@link #isEmbedded} is false): {@link #retries} retries it, and sinks skip it.
 */
public class ListingEmbedder extends BatchingAsyncFunction<Listing, EmbeddedListing> {

    private final EmbeddingModelSpec model;
    private transient TextEmbedder embedder;

    public ListingEmbedder(BatchSettings batching, EmbeddingModelSpec model) {
        super(batching);
        this.model = model;
    }

    public static boolean isEmbedded(EmbeddedListing e) {
        return e.vector().length > 0;
    }

    public static AsyncRetryStrategy<EmbeddedListing> retries(int maxAttempts, Duration backoff) {
        return BatchRetries.onFallback(maxAttempts, backoff, e -> !isEmbedded(e));
    }

    @Override
    public void open(OpenContext openContext) throws Exception {
        super.open(openContext);
        embedder = model.load();
    }

    @Override
    protected List<EmbeddedListing> processBatch(List<Listing> batch) {
        List<float[]> vectors = embedder.embedAll(batch.stream().map(Listing::text).toList());
        String modelId = embedder.modelId();
        return java.util.stream.IntStream.range(0, batch.size())
                .mapToObj(i -> new EmbeddedListing(batch.get(i), vectors.get(i), modelId))
                .toList();
    }

    @Override
    protected EmbeddedListing fallback(Listing listing, Throwable cause) {
        return new EmbeddedListing(listing, new float[0], "none");
    }
}
