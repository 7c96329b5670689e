package dk.dealfinder.core.model;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * A listing version with its text embedding: what the Qdrant sink stores and what similarity search
 * and market-price comparables read.
 *
 * @param listing the listing version
 * @param vector L2-normalized embedding of the listing text
 * @param modelId the embedding model that produced it
 */
public record EmbeddedListing(Listing listing, float[] vector, String modelId) {

    /**
     * The Qdrant point id of a listing: a name-based UUID of its listing key, so a replay or
     * restart overwrites the point instead of adding a second one. Every writer and reader uses
     * this rule.
     */
    public static String pointIdOf(String listingKey) {
        return UUID.nameUUIDFromBytes(("listing:" + listingKey).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    public String pointId() {
        return pointIdOf(listing.listingKey());
    }
}
