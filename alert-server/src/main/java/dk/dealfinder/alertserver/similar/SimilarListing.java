package dk.dealfinder.alertserver.similar;

import com.fasterxml.jackson.databind.JsonNode;

/** One search hit as {@code /api/similar} returns it. */
record SimilarListing(
        String listingKey,
        String site,
        String title,
        Double price,
        String currency,
        String postcode,
        String url,
        boolean active,
        String publishedAt,
        double score) {

    /** From one point of Qdrant's REST answer; absent payload fields stay null. */
    static SimilarListing fromPoint(JsonNode point) {
        JsonNode payload = point.path("payload");
        return new SimilarListing(
                text(payload, "listing_key"),
                text(payload, "site"),
                text(payload, "title"),
                payload.path("price").isNumber() ? payload.path("price").asDouble() : null,
                text(payload, "currency"),
                text(payload, "postcode"),
                text(payload, "url"),
                payload.path("active").asBoolean(true),
                text(payload, "published_at"),
                point.path("score").asDouble());
    }

    private static String text(JsonNode payload, String field) {
        JsonNode value = payload.path(field);
        return value.isTextual() ? value.asText() : null;
    }
}
