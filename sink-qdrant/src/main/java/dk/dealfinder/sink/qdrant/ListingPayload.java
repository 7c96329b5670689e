package dk.dealfinder.sink.qdrant;

import static io.qdrant.client.ValueFactory.value;

import dk.dealfinder.core.model.EmbeddedListing;
import dk.dealfinder.core.model.Listing;
import dk.dealfinder.core.query.DanishPostcodeCentres;
import io.qdrant.client.grpc.Collections.PayloadSchemaType;
import io.qdrant.client.grpc.JsonWithInt.Value;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The payload of a listing point: the fields users filter and display on. Field names are the
 * collection schema that README's "Querying Qdrant directly" documents; change them together.
 */
public final class ListingPayload {

    public static final String SITE = "site";
    public static final String TITLE = "title";
    public static final String PRICE = "price";
    public static final String CURRENCY = "currency";
    public static final String POSTCODE = "postcode";

    /** Approximate centre of the postcode's area as {@code {lat, lon}}, for geo radius filters. */
    public static final String LOCATION = "location";

    public static final String CATEGORY = "category";
    public static final String SELLER_TYPE = "seller_type";
    public static final String PUBLISHED_AT = "published_at";
    public static final String ACTIVE = "active";
    public static final String URL = "url";
    public static final String LISTING_KEY = "listing_key";
    public static final String VERSION = "version";
    public static final String MODEL_ID = "model_id";

    /** The indexed fields and their index types, created by the collection bootstrap. */
    public static final Map<String, PayloadSchemaType> INDEXES = indexes();

    private ListingPayload() {}

    public static Map<String, Value> of(EmbeddedListing embedded) {
        Listing listing = embedded.listing();
        Map<String, Value> payload = new HashMap<>();
        put(payload, SITE, listing.site());
        put(payload, TITLE, listing.title());
        if (listing.price() != null) {
            // A double, so Qdrant's float index and range filters read it.
            payload.put(PRICE, value(listing.price().doubleValue()));
        }
        put(payload, CURRENCY, listing.currency());
        put(payload, POSTCODE, listing.postcode());
        DanishPostcodeCentres.centre(listing.postcode())
                .ifPresent(
                        c ->
                                payload.put(
                                        LOCATION,
                                        value(
                                                Map.of(
                                                        "lat", value(c.latitude()),
                                                        "lon", value(c.longitude())))));
        put(payload, CATEGORY, listing.category());
        if (listing.sellerType() != null) {
            payload.put(SELLER_TYPE, value(listing.sellerType().name()));
        }
        payload.put(PUBLISHED_AT, value(Instant.ofEpochMilli(listing.publishedAt()).toString()));
        payload.put(ACTIVE, value(true));
        put(payload, URL, listing.url());
        payload.put(LISTING_KEY, value(listing.listingKey()));
        payload.put(VERSION, value(listing.version()));
        put(payload, MODEL_ID, embedded.modelId());
        return payload;
    }

    private static void put(Map<String, Value> payload, String field, String text) {
        if (text != null) {
            payload.put(field, value(text));
        }
    }

    private static Map<String, PayloadSchemaType> indexes() {
        Map<String, PayloadSchemaType> indexes = new LinkedHashMap<>();
        indexes.put(SITE, PayloadSchemaType.Keyword);
        indexes.put(POSTCODE, PayloadSchemaType.Keyword);
        indexes.put(LOCATION, PayloadSchemaType.Geo);
        indexes.put(CATEGORY, PayloadSchemaType.Keyword);
        indexes.put(SELLER_TYPE, PayloadSchemaType.Keyword);
        indexes.put(LISTING_KEY, PayloadSchemaType.Keyword);
        indexes.put(ACTIVE, PayloadSchemaType.Bool);
        indexes.put(PRICE, PayloadSchemaType.Float);
        indexes.put(PUBLISHED_AT, PayloadSchemaType.Datetime);
        return Map.copyOf(indexes);
    }
}
