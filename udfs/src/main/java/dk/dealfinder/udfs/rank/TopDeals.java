package dk.dealfinder.udfs.rank;

import dk.dealfinder.core.model.Alert;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The best deals of a window so far, best first, one per listing (its best-scoring version), at
 * most {@code size}. Kept instead of every deal, so a daily window holds N entries, not thousands.
 */
public record TopDeals(int size, List<Alert> best) {

    private static final Comparator<Alert> BEST_FIRST =
            Comparator.comparingDouble(Alert::score)
                    .reversed()
                    .thenComparing(Alert::listingKey)
                    .thenComparingInt(Alert::listingVersion);

    public static TopDeals empty(int size) {
        return new TopDeals(size, List.of());
    }

    /** These deals with {@code deal} considered. */
    public TopDeals with(Alert deal) {
        List<Alert> next = new ArrayList<>(best.size() + 1);
        for (Alert a : best) {
            if (!a.listingKey().equals(deal.listingKey())) {
                next.add(a);
            } else if (BEST_FIRST.compare(a, deal) <= 0) {
                return this;
            }
        }
        next.add(deal);
        next.sort(BEST_FIRST);
        return new TopDeals(size, List.copyOf(next.subList(0, Math.min(size, next.size()))));
    }

    public TopDeals merge(TopDeals other) {
        TopDeals merged = this;
        for (Alert a : other.best) {
            merged = merged.with(a);
        }
        return merged;
    }
}
