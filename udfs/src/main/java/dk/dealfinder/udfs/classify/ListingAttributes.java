package dk.dealfinder.udfs.classify;

/**
 * What a classifier read from a listing, each null when unknown.
 *
 * @param brand maker, e.g. "Apple"
 * @param model model name or set number, e.g. "iPhone 13" or "42100"
 * @param storage storage or memory, e.g. "128GB"
 * @param size frame, screen or clothing size, e.g. "56" or "55 tommer"
 * @param condition the seller's stated condition, e.g. "som ny"
 */
public record ListingAttributes(
        String brand, String model, String storage, String size, String condition) {

    public static final ListingAttributes NONE =
            new ListingAttributes(null, null, null, null, null);

    /** This, with every unknown field taken from {@code other}. */
    public ListingAttributes orElse(ListingAttributes other) {
        return new ListingAttributes(
                brand != null ? brand : other.brand,
                model != null ? model : other.model,
                storage != null ? storage : other.storage,
                size != null ? size : other.size,
                condition != null ? condition : other.condition);
    }
}
