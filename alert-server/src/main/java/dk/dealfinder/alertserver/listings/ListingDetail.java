package dk.dealfinder.alertserver.listings;

import java.util.List;

/**
 * Everything the detail panel shows about one listing, for one user.
 *
 * @param summary the card fields
 * @param url the listing on the marketplace
 * @param description the seller's text (untrusted)
 * @param imageUrls every photo, first is the thumbnail
 * @param facts what the item page said about seller, category, condition and place
 * @param priceHistory one point per version, oldest first
 * @param matches how each of the caller's saved queries (and the shared ones) judged and scored it
 * @param reposts the group of ads recognised as the same item (reposts, cross-posts)
 * @param favourite whether the caller starred it
 * @param notifyOnPriceDrop whether the caller asked to hear about price drops
 */
public record ListingDetail(
        ListingSummary summary,
        String url,
        String description,
        List<String> imageUrls,
        ItemFacts facts,
        List<PricePoint> priceHistory,
        List<MatchView> matches,
        RepostGroup reposts,
        boolean favourite,
        boolean notifyOnPriceDrop) {

    /**
     * The ads recognised as the same item as this one: the original and every later repost or
     * cross-post linked to it (the listing itself among them, when it is one). Empty reposts when
     * none is linked.
     *
     * @param originalKey the first ad of the item
     * @param reposts each later ad, oldest link first
     */
    public record RepostGroup(String originalKey, List<RepostView> reposts) {}

    /**
     * A repost or cross-post linked to its original.
     *
     * @param imageDistance Hamming distance between the first photos' 64-bit hashes
     * @param linkedAt epoch millis
     */
    public record RepostView(String listingKey, int imageDistance, long linkedAt) {}

    /**
     * What the item page said, each null where the site did not say.
     *
     * @param sellerType PRIVATE or DEALER
     * @param category the site's category name
     * @param condition the site's condition text
     * @param latitude WGS84
     * @param longitude WGS84
     */
    public record ItemFacts(
            String sellerType,
            String category,
            String condition,
            Double latitude,
            Double longitude) {}

    /**
     * The price from one version on.
     *
     * @param changeKind NEW, PRICE_DROP, UPDATED, REMOVED, ...
     */
    public record PricePoint(int version, Long price, String changeKind, long observedAt) {}

    /**
     * One saved query's verdict and score, with the score's parts and its explanation; the seller
     * and distance parts are null where they were not judged.
     */
    public record MatchView(
            String queryId,
            String queryName,
            int listingVersion,
            String verdict,
            double confidence,
            double score,
            double relevance,
            double priceScore,
            double freshness,
            double conditionScore,
            Double sellerScore,
            Double distanceScore,
            String explanation,
            String modelId) {}
}
