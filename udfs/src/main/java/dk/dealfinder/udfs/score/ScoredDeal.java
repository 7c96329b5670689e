package dk.dealfinder.udfs.score;

import dk.dealfinder.core.model.Alert;
import dk.dealfinder.core.model.Listing;
import dk.dealfinder.udfs.classify.ClassifiedMatch;

/** A classified match with its deal score 0..100 and the one-line explanation a user reads. */
public record ScoredDeal(ClassifiedMatch match, double score, String explanation) {

    public boolean alertWorthy() {
        return score >= match.query().alertThreshold();
    }

    public Alert toAlert(long now) {
        Listing l = match.listing();
        return new Alert(
                Alert.idOf(match.query().id(), l.listingKey(), l.version()),
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
                now);
    }
}
