package dk.dealfinder.alertserver.similar;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.dealfinder.core.model.EmbeddedListing;

/**
 * The JSON body of a Qdrant REST query ({@code POST /collections/{name}/points/query}) for a {@link
 * SimilarQuery}. Field names follow the payload the Flink job's {@code QdrantSink} writes.
 */
final class QdrantQueryBody {

    static final String[] RETURNED_FIELDS = {
        "listing_key",
        "site",
        "title",
        "price",
        "currency",
        "postcode",
        "url",
        "active",
        "published_at"
    };

    private QdrantQueryBody() {}

    /** Neighbours of a stored listing, by its point id; Qdrant leaves the listing itself out. */
    static ObjectNode likeListing(ObjectMapper mapper, SimilarQuery query) {
        ObjectNode body = common(mapper, query);
        body.put("query", EmbeddedListing.pointIdOf(query.listingKey()));
        return body;
    }

    static ObjectNode likeVector(ObjectMapper mapper, SimilarQuery query, float[] vector) {
        ObjectNode body = common(mapper, query);
        ArrayNode values = body.putArray("query");
        for (float value : vector) {
            values.add(value);
        }
        return body;
    }

    private static ObjectNode common(ObjectMapper mapper, SimilarQuery query) {
        ObjectNode body = mapper.createObjectNode();
        ObjectNode filter = body.putObject("filter");
        ArrayNode must = filter.putArray("must");
        if (query.site() != null) {
            must.addObject().put("key", "site").putObject("match").put("value", query.site());
        }
        if (!query.postcodes().isEmpty()) {
            ArrayNode any =
                    must.addObject().put("key", "postcode").putObject("match").putArray("any");
            query.postcodes().forEach(any::add);
        }
        if (query.near() != null) {
            ObjectNode radius = must.addObject().put("key", "location").putObject("geo_radius");
            radius.putObject("center")
                    .put("lat", query.near().latitude())
                    .put("lon", query.near().longitude());
            radius.put("radius", query.radiusKm() * 1000.0);
        }
        if (query.minPrice() != null || query.maxPrice() != null) {
            ObjectNode range = must.addObject().put("key", "price").putObject("range");
            if (query.minPrice() != null) {
                range.put("gte", query.minPrice());
            }
            if (query.maxPrice() != null) {
                range.put("lte", query.maxPrice());
            }
        }
        if (query.activeOnly()) {
            // must_not inactive rather than must active: keeps points written before the flag.
            filter.putArray("must_not")
                    .addObject()
                    .put("key", "active")
                    .putObject("match")
                    .put("value", false);
        }
        body.put("limit", query.limit());
        ArrayNode fields = body.putArray("with_payload");
        for (String field : RETURNED_FIELDS) {
            fields.add(field);
        }
        return body;
    }
}
