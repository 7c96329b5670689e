package dk.dealfinder.testkit.marketplace;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One ad on the local marketplace, immutable: every change in the {@link Catalogue} replaces the
 * record. {@code kind} and {@code originalId} are ground truth that the site never serves, so tests
 * can score what the pipeline made of the ad.
 *
 * @param id DBA-like ad id (8 to 9 digits)
 * @param price asking price in whole DKK; 0 is shown as "Gives væk"
 * @param imageSeeds one seed per photo; a repost keeps its original's seeds, so its photos are
 *     byte-identical
 * @param publishedAt when the ad went live; {@link #NOT_YET_PUBLISHED} while it waits in the
 *     scenario's queue
 * @param originalId for a {@link DecoyKind#REPOST}, the id of the first ad of the item; else 0
 * @param priceHistory the price at publication followed by every change, oldest first
 */
public record MarketListing(
        long id,
        String title,
        String description,
        long price,
        String postcode,
        String city,
        double latitude,
        double longitude,
        String category,
        String condition,
        SellerType sellerType,
        List<Long> imageSeeds,
        Instant publishedAt,
        Instant editedAt,
        boolean active,
        String tradeType,
        DecoyKind kind,
        long originalId,
        List<PricePoint> priceHistory) {

    /** Far enough ahead that no clock in a test or demo reaches it. */
    public static final Instant NOT_YET_PUBLISHED = Instant.parse("2999-01-01T00:00:00Z");

    public MarketListing {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(publishedAt, "publishedAt");
        Objects.requireNonNull(editedAt, "editedAt");
        Objects.requireNonNull(kind, "kind");
        imageSeeds = List.copyOf(imageSeeds);
        priceHistory = List.copyOf(priceHistory);
    }

    public boolean isPublishedBy(Instant now) {
        return !publishedAt.isAfter(now);
    }

    public boolean isRepost() {
        return originalId != 0;
    }

    MarketListing goneLive(Instant now) {
        return new MarketListing(
                id,
                title,
                description,
                price,
                postcode,
                city,
                latitude,
                longitude,
                category,
                condition,
                sellerType,
                imageSeeds,
                now,
                now,
                active,
                tradeType,
                kind,
                originalId,
                List.of(new PricePoint(price, now)));
    }

    MarketListing withPrice(long newPrice, Instant now) {
        List<PricePoint> history = new ArrayList<>(priceHistory);
        history.add(new PricePoint(newPrice, now));
        return new MarketListing(
                id,
                title,
                description,
                newPrice,
                postcode,
                city,
                latitude,
                longitude,
                category,
                condition,
                sellerType,
                imageSeeds,
                publishedAt,
                now,
                active,
                tradeType,
                kind,
                originalId,
                history);
    }

    MarketListing withText(String newTitle, String newDescription, Instant now) {
        return new MarketListing(
                id,
                newTitle,
                newDescription,
                price,
                postcode,
                city,
                latitude,
                longitude,
                category,
                condition,
                sellerType,
                imageSeeds,
                publishedAt,
                now,
                active,
                tradeType,
                kind,
                originalId,
                priceHistory);
    }

    MarketListing withActive(boolean nowActive, Instant now) {
        return new MarketListing(
                id,
                title,
                description,
                price,
                postcode,
                city,
                latitude,
                longitude,
                category,
                condition,
                sellerType,
                imageSeeds,
                publishedAt,
                now,
                nowActive,
                tradeType,
                kind,
                originalId,
                priceHistory);
    }

    /** The same item under {@code newId}, live from {@code now}, pointing back at the first ad. */
    MarketListing repostedAs(long newId, Instant now) {
        long rootId = isRepost() ? originalId : id;
        return new MarketListing(
                newId,
                title,
                description,
                price,
                postcode,
                city,
                latitude,
                longitude,
                category,
                condition,
                sellerType,
                imageSeeds,
                now,
                now,
                true,
                tradeType,
                DecoyKind.REPOST,
                rootId,
                List.of(new PricePoint(price, now)));
    }
}
