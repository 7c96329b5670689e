package dk.dealfinder.sink.qdrant;

import static dk.dealfinder.core.model.ListingPointFields.ACTIVE;
import static dk.dealfinder.core.model.ListingPointFields.CATEGORY;
import static dk.dealfinder.core.model.ListingPointFields.CONDITION;
import static dk.dealfinder.core.model.ListingPointFields.CURRENCY;
import static dk.dealfinder.core.model.ListingPointFields.LISTING_KEY;
import static dk.dealfinder.core.model.ListingPointFields.LOCATION;
import static dk.dealfinder.core.model.ListingPointFields.MODEL_ID;
import static dk.dealfinder.core.model.ListingPointFields.POSTCODE;
import static dk.dealfinder.core.model.ListingPointFields.PRICE;
import static dk.dealfinder.core.model.ListingPointFields.PUBLISHED_AT;
import static dk.dealfinder.core.model.ListingPointFields.RELEVANT_FOR;
import static dk.dealfinder.core.model.ListingPointFields.SELLER_TYPE;
import static dk.dealfinder.core.model.ListingPointFields.SITE;
import static dk.dealfinder.core.model.ListingPointFields.TITLE;
import static dk.dealfinder.core.model.ListingPointFields.URL;
import static dk.dealfinder.core.model.ListingPointFields.VERDICTS;
import static dk.dealfinder.core.model.ListingPointFields.VERSION;
import static io.qdrant.client.ValueFactory.list;
import static io.qdrant.client.ValueFactory.value;

import dk.dealfinder.core.model.EmbeddedListing;
import dk.dealfinder.core.model.Listing;
import dk.dealfinder.core.model.ListingPointFields;
import dk.dealfinder.core.model.Verdict;
import dk.dealfinder.core.query.DanishPostcodeCentres;
import io.qdrant.client.grpc.Collections.PayloadSchemaType;
import io.qdrant.client.grpc.JsonWithInt.Value;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The payload of a listing point: the fields users filter and display on, named in {@link
 * ListingPointFields}.
 */
public final class ListingPayload {

    /** The indexed fields and their index types, created by the collection bootstrap. */
    public static final Map<String, PayloadSchemaType> INDEXES = indexes();

    private ListingPayload() {}

    /** The payload of a live listing no saved query has judged yet. */
    public static Map<String, Value> of(EmbeddedListing embedded) {
        return of(embedded, Map.of(), true);
    }

    /**
     * The whole payload of a listing's point.
     *
     * @param verdicts verdict name per saved query id
     * @param active false once the listing was removed
     */
    public static Map<String, Value> of(
            EmbeddedListing embedded, Map<String, String> verdicts, boolean active) {
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
        location(listing).ifPresent(at -> payload.put(LOCATION, at));
        put(payload, CONDITION, listing.condition());
        put(payload, CATEGORY, listing.category());
        if (listing.sellerType() != null) {
            payload.put(SELLER_TYPE, value(listing.sellerType().name()));
        }
        payload.put(PUBLISHED_AT, value(Instant.ofEpochMilli(listing.publishedAt()).toString()));
        payload.put(ACTIVE, value(active));
        put(payload, URL, listing.url());
        payload.put(LISTING_KEY, value(listing.listingKey()));
        payload.put(VERSION, value(listing.version()));
        put(payload, MODEL_ID, embedded.modelId());
        payload.putAll(verdicts(verdicts));
        return payload;
    }

    /**
     * Where the listing is, as a geo point: the item page's coordinates when it gave them, else the
     * approximate centre of the listing's postcode; empty when neither is known.
     */
    static Optional<Value> location(Listing listing) {
        if (listing.hasCoordinates()) {
            return Optional.of(geo(listing.latitude(), listing.longitude()));
        }
        return DanishPostcodeCentres.centre(listing.postcode())
                .map(c -> geo(c.latitude(), c.longitude()));
    }

    private static Value geo(double latitude, double longitude) {
        return value(Map.of("lat", value(latitude), "lon", value(longitude)));
    }

    /**
     * The {@code verdicts} object and the {@code relevant_for} array of {@code verdicts}, query ids
     * in order, so the same verdicts always give the same payload.
     */
    public static Map<String, Value> verdicts(Map<String, String> verdicts) {
        Map<String, Value> byQuery = new TreeMap<>();
        verdicts.forEach((queryId, verdict) -> byQuery.put(queryId, value(verdict)));
        List<Value> relevant =
                new TreeMap<>(verdicts)
                        .entrySet().stream()
                                .filter(e -> Verdict.RELEVANT.name().equals(e.getValue()))
                                .map(e -> value(e.getKey()))
                                .toList();
        return Map.of(VERDICTS, value(byQuery), RELEVANT_FOR, list(relevant));
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
        indexes.put(CURRENCY, PayloadSchemaType.Keyword);
        indexes.put(LOCATION, PayloadSchemaType.Geo);
        indexes.put(CATEGORY, PayloadSchemaType.Keyword);
        indexes.put(SELLER_TYPE, PayloadSchemaType.Keyword);
        indexes.put(LISTING_KEY, PayloadSchemaType.Keyword);
        indexes.put(RELEVANT_FOR, PayloadSchemaType.Keyword);
        indexes.put(ACTIVE, PayloadSchemaType.Bool);
        indexes.put(PRICE, PayloadSchemaType.Float);
        indexes.put(PUBLISHED_AT, PayloadSchemaType.Datetime);
        return Map.copyOf(indexes);
    }
}
