package dk.dealfinder.udfs.score;

import dk.dealfinder.core.model.Alert;
import dk.dealfinder.core.model.Listing;
import dk.dealfinder.core.model.ScoreComponents;
import dk.dealfinder.udfs.classify.ClassifiedMatch;

/**
 * A classified match with its deal score 0..100, the components it was made of and the one-line
 * explanation a user reads.
 */
public record ScoredDeal(
        ClassifiedMatch match, double score, ScoreComponents components, String explanation) {

    public boolean alertWorthy() {
        return score >= match.query().alertThreshold();
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
