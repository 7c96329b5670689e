package dk.dealfinder.udfs.score;

import java.io.Serializable;
import org.apache.flink.util.Preconditions;

/**
 * How a deal score is weighed. The weights are normalized by their sum, so only their ratios
 * matter.
 *
 * @param relevanceWeight weight of the classifier's confidence
 * @param priceWeight weight of the price against the market (or the query's max price)
 * @param freshnessWeight weight of how soon after publication the listing was seen
 * @param conditionWeight weight of the condition the text states
 * @param minComparables fewest market prices an estimate must rest on before it is used; with fewer
 *     the query's max price is the yardstick
 * @param freshnessHalfLifeMillis delay between publication and first sighting that halves freshness
 */
public record ScoringPolicy(
        double relevanceWeight,
        double priceWeight,
        double freshnessWeight,
        double conditionWeight,
        int minComparables,
        long freshnessHalfLifeMillis)
        implements Serializable {

    public ScoringPolicy {
        Preconditions.checkArgument(
                relevanceWeight >= 0
                        && priceWeight >= 0
                        && freshnessWeight >= 0
                        && conditionWeight >= 0,
                "score weights must not be negative");
        Preconditions.checkArgument(
                relevanceWeight + priceWeight + freshnessWeight + conditionWeight > 0,
                "at least one score weight must be positive");
        Preconditions.checkArgument(
                minComparables >= 1, "minComparables must be at least 1, got %s", minComparables);
        Preconditions.checkArgument(
                freshnessHalfLifeMillis > 0, "the freshness half-life must be positive");
    }

    /** Relevance and price first; freshness and condition break ties. */
    public static ScoringPolicy defaults() {
        return new ScoringPolicy(0.4, 0.4, 0.1, 0.1, 10, 6L * 60 * 60 * 1000);
    }

    double totalWeight() {
        return relevanceWeight + priceWeight + freshnessWeight + conditionWeight;
    }
}
