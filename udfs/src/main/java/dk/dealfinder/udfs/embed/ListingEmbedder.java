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
import java.util.stream.IntStream;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.async.AsyncRetryStrategy;

/**
 * Embeds each listing version's title with the local ONNX model, many listings per model call. The
 * change detector emits a listing only when its version changes, so each version is embedded once;
 * the vector then serves the vector store and the local classifier for every saved query the
 * listing matches. A listing whose batch failed or timed out carries an empty vector ({@link
 * #isEmbedded} is false): {@link #retries} retries it, sinks skip it, and the classifier embeds it
 * itself.
 *
 * <p>The title, not the whole text, is embedded: it names the item, while descriptions are mostly
 * the same few sentences on every ad ("Afhentes i Odense", "Bud modtages gerne"), and a title costs
 * a fraction of a description to embed.
 */
public class ListingEmbedder extends BatchingAsyncFunction<Listing, EmbeddedListing> {

    /** The model id of a listing that carries no vector. */
    public static final String NO_MODEL = "none";

    private final EmbeddingModelSpec model;
    private transient TextEmbedder embedder;

    public ListingEmbedder(BatchSettings batching, EmbeddingModelSpec model) {
        super(batching);
        this.model = model;
    }

    /** The text of a listing that is embedded: every stage that embeds a listing uses this. */
    public static String textOf(Listing listing) {
        return listing.title();
    }

    public static boolean isEmbedded(EmbeddedListing e) {
        return e.vector().length > 0;
    }

    /** {@code listing} without a vector, for whoever needs one to embed it. */
    public static EmbeddedListing notEmbedded(Listing listing) {
        return new EmbeddedListing(listing, new float[0], NO_MODEL);
    }

    /** Embeds a batch in one model call, one result per listing in order. */
    public static List<EmbeddedListing> embedAll(TextEmbedder embedder, List<Listing> batch) {
        List<float[]> vectors =
                embedder.embedAll(batch.stream().map(ListingEmbedder::textOf).toList());
        String modelId = embedder.modelId();
        return IntStream.range(0, batch.size())
                .mapToObj(i -> new EmbeddedListing(batch.get(i), vectors.get(i), modelId))
                .toList();
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
        return embedAll(embedder, batch);
    }

    @Override
    protected EmbeddedListing fallback(Listing listing, Throwable cause) {
        return notEmbedded(listing);
    }
}
