package dk.dealfinder.alertserver.similar;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpStatus;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /api/similar?listing=site:adId} or {@code ?text=...}: listings like a stored one, or
 * like a text embedded with the same local model the Flink job uses, through Qdrant's query API.
 * Filters: {@code minPrice}, {@code maxPrice}, {@code site}, {@code postcode} (comma-separated),
 * {@code near} (a postcode) with {@code radiusKm} (listings' postcode centres within that
 * distance), {@code active=false} to include removed listings, {@code limit} (1..100, default 10).
 */
public final class SimilarHandler implements Handler {

    private static final Logger LOG = LoggerFactory.getLogger(SimilarHandler.class);

    private final QdrantSimilarSearch search;
    private final Function<String, float[]> embedder;

    /**
     * @param embedder text to vector; the model the Flink job embeds listings with, so text and
     *     listings share one vector space
     */
    public SimilarHandler(
            SimilarSearchSettings settings,
            ObjectMapper mapper,
            Function<String, float[]> embedder) {
        this.search = new QdrantSimilarSearch(settings, mapper);
        this.embedder = embedder;
    }

    /** The answer: the query as understood, and the hits best first. */
    record Answer(String listing, String text, List<SimilarListing> results) {}

    @Override
    public void handle(Context ctx) {
        SimilarQuery query;
        try {
            query = SimilarQuery.parse(ctx.queryParamMap());
        } catch (InvalidSimilarQueryException e) {
            ctx.status(HttpStatus.BAD_REQUEST).json(Map.of("error", e.getMessage()));
            return;
        }
        try {
            List<SimilarListing> hits =
                    query.listingKey() != null
                            ? search.likeListing(query)
                            : search.likeVector(query, embedder.apply(query.text()));
            ctx.json(new Answer(query.listingKey(), query.text(), hits));
        } catch (QdrantSimilarSearch.UnknownListingException e) {
            ctx.status(HttpStatus.NOT_FOUND).json(Map.of("error", e.getMessage()));
        } catch (QdrantSimilarSearch.UnavailableException e) {
            LOG.warn("Similar search failed: {}", e.getMessage());
            ctx.status(HttpStatus.BAD_GATEWAY).json(Map.of("error", "search backend unavailable"));
        }
    }
}
