package dk.dealfinder.udfs.score;

import java.io.Serializable;
import org.apache.flink.util.Preconditions;

/**
 * How a deal score is weighed. The weights are normalized by the sum of the weights of the parts
 * that could be judged, so only their ratios matter and an unknown part neither helps nor hurts.
 *
 * @param relevanceWeight weight of the classifier's confidence
 * @param priceWeight weight of the price against the market (or the query's max price)
 * @param freshnessWeight weight of how soon after publication the listing was seen
 * @param conditionWeight weight of the condition the site or the text states
 * @param sellerWeight weight of the seller type, where the site says it
 * @param distanceWeight weight of the distance to the query's centre postcode, where judged
 * @param minComparables fewest market prices an estimate must rest on before it is used; with fewer
 *     the query's max price is the yardstick
 * @param freshnessHalfLifeMillis delay between publication and first sighting that halves freshness
 * @param dealerScore the seller part of a dealer's listing; a private seller's is 1
 * @param distanceHalfLifeKm distance that halves the distance part when the query sets no radius
 */
public record ScoringPolicy(
        double relevanceWeight,
        double priceWeight,
        double freshnessWeight,
        double conditionWeight,
        double sellerWeight,
        double distanceWeight,
        int minComparables,
        long freshnessHalfLifeMillis,
        double dealerScore,
        double distanceHalfLifeKm)
        implements Serializable {

    public ScoringPolicy {
        Preconditions.checkArgument(
                relevanceWeight >= 0
                        && priceWeight >= 0
                        && freshnessWeight >= 0
                        && conditionWeight >= 0
                        && sellerWeight >= 0
                        && distanceWeight >= 0,
                "score weights must not be negative");
        Preconditions.checkArgument(
                relevanceWeight + priceWeight + freshnessWeight + conditionWeight > 0,
                "at least one of the relevance, price, freshness and condition weights must be"
                        + " positive");
        Preconditions.checkArgument(
                minComparables >= 1, "minComparables must be at least 1, got %s", minComparables);
        Preconditions.checkArgument(
                freshnessHalfLifeMillis > 0, "the freshness half-life must be positive");
        Preconditions.checkArgument(
                dealerScore >= 0 && dealerScore <= 1,
                "dealerScore must be between 0 and 1, got %s",
                dealerScore);
        Preconditions.checkArgument(
                distanceHalfLifeKm > 0, "the distance half-life must be positive");
    }

    /** The four always-judged parts only (seller and distance weigh nothing). */
    public ScoringPolicy(
            double relevanceWeight,
            double priceWeight,
            double freshnessWeight,
            double conditionWeight,
            int minComparables,
            long freshnessHalfLifeMillis) {
        this(
                relevanceWeight,
                priceWeight,
                freshnessWeight,
                conditionWeight,
                0,
                0,
                minComparables,
                freshnessHalfLifeMillis,
                0.3,
                25);
    }

    /**
     * Relevance and price first; freshness, condition and distance break ties, the seller type
     * barely.
     */
    public static ScoringPolicy defaults() {
        return new ScoringPolicy(0.4, 0.4, 0.1, 0.1, 0.05, 0.1, 10, 6L * 60 * 60 * 1000, 0.3, 25);
    }
}
