package dk.dealfinder.udfs.score;

import dk.dealfinder.core.model.Alert;
import dk.dealfinder.core.model.Listing;
import dk.dealfinder.core.model.ScoreComponents;
import dk.dealfinder.udfs.classify.ClassifiedMatch;

/**
 * A classified match with its deal score 0..100, the components it was made of, where its price
 * stands against the market and the one-line explanation a user reads.
 */
public record ScoredDeal(
        ClassifiedMatch match,
        double score,
        ScoreComponents components,
        PriceStanding standing,
        String explanation) {

    /**
     * Whether the deal deserves an instant alert: it reaches the query's threshold and its price is
     * under its yardstick. A high score alone is not enough, since relevance and freshness can lift
     * an overpriced listing over the threshold.
     */
    public boolean alertWorthy() {
        return standing.isDeal() && score >= match.query().alertThreshold();
    }

    /**
     * Whether the deal may be listed in a digest: RELEVANT and not priced at or over its yardstick.
     */
    public boolean digestWorthy() {
        return score > 0 && standing != PriceStanding.NOT_UNDER;
    }

    /** This deal with {@code note} (what happened to the price before) leading its explanation. */
    public ScoredDeal withPriceNote(String note) {
        return new ScoredDeal(match, score, components, standing, note + " · " + explanation);
    }

    /** Alert identity: one per (query, listing, listing version). */
    public String alertId() {
        Listing l = match.listing();
        return Alert.idOf(match.query().id(), l.listingKey(), l.version());
    }

    /** The key of the (query, listing) pair, for state that is kept per pair. */
    public String pairKey() {
        return match.query().id() + "\u0000" + match.listing().listingKey();
    }

    public Alert toAlert(long now) {
        Listing l = match.listing();
        return new Alert(
                alertId(),
                match.query().id(),
                match.query().name(),
                l.listingKey(),
                l.version(),
                l.title(),
                l.price(),
                l.currency(),
                l.url(),
                l.firstImageUrl(),
                score,
                explanation,
                l.publishedAt(),
                now,
                l.fetchedAt());
    }
}
