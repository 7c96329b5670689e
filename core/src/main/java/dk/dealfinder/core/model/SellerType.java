package dk.dealfinder.core.model;

/** Who sells: a private person or a business. A saved query may accept either or both. */
public enum SellerType {
    ANY,
    PRIVATE,
    DEALER;

    /** Whether a listing sold by {@code seller} (null when the page did not say) passes. */
    public boolean accepts(SellerType seller) {
        return this == ANY || seller == null || seller == this;
    }
}
