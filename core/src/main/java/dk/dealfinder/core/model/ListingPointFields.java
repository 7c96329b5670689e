package dk.dealfinder.core.model;

/**
 * The payload fields of a listing's Qdrant point ({@link EmbeddedListing#pointIdOf}): the
 * collection schema the Qdrant sink writes, the market-price comparables read and README's
 * "Querying Qdrant directly" documents; change them together.
 */
public final class ListingPointFields {

    public static final String SITE = "site";
    public static final String TITLE = "title";

    /** Asking price as a float, absent when the ad states none. */
    public static final String PRICE = "price";

    public static final String CURRENCY = "currency";
    public static final String POSTCODE = "postcode";

    /**
     * Where the listing is as {@code {lat, lon}}, for geo radius filters: the item page's
     * coordinates, else the approximate centre of the postcode's area.
     */
    public static final String LOCATION = "location";

    public static final String CATEGORY = "category";
    public static final String SELLER_TYPE = "seller_type";

    /** The site's condition text ("Brugt - god stand"), absent when it did not say. */
    public static final String CONDITION = "condition";

    /** RFC 3339 UTC timestamp, for datetime range filters. */
    public static final String PUBLISHED_AT = "published_at";

    /** False once the ad was removed (when removed points are kept). */
    public static final String ACTIVE = "active";

    public static final String URL = "url";
    public static final String LISTING_KEY = "listing_key";
    public static final String VERSION = "version";
    public static final String MODEL_ID = "model_id";

    /** The verdict of every saved query that judged the listing: {@code {queryId: VERDICT}}. */
    public static final String VERDICTS = "verdicts";

    /** The ids of the saved queries that judged the listing RELEVANT; empty when none did. */
    public static final String RELEVANT_FOR = "relevant_for";

    private ListingPointFields() {}
}
