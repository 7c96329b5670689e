package dk.dealfinder.udfs.score;

import dk.dealfinder.core.model.SavedQuery;
import dk.dealfinder.core.model.Verdict;
import dk.dealfinder.core.text.DanishPrices;
import dk.dealfinder.udfs.classify.ClassifiedMatch;
import org.apache.flink.api.common.functions.MapFunction;

/**
 * Scores a classified match 0..100: 60 % relevance (the classifier's confidence), 40 % price (how
 * far under the query's max price it is; neutral when the query names none). Anything not RELEVANT
 * scores 0. Market-price estimates from comparables replace the max-price yardstick later.
 */
public class DealScorer implements MapFunction<ClassifiedMatch, ScoredDeal> {

    static final double RELEVANCE_WEIGHT = 0.6;
    static final double PRICE_WEIGHT = 0.4;

    @Override
    public ScoredDeal map(ClassifiedMatch m) {
        if (m.verdict() != Verdict.RELEVANT) {
            return new ScoredDeal(m, 0, "not a deal: " + m.reason());
        }
        SavedQuery q = m.query();
        Long price = m.listing().price();
        double priceScore = 0.5;
        String priceText = "no max price to compare with";
        if (q.maxPrice() != null && q.maxPrice() > 0 && price != null) {
            double discount =
                    Math.max(0, Math.min(1, (q.maxPrice() - price) / (double) q.maxPrice()));
            priceScore = 0.5 + 0.5 * discount;
            priceText =
                    String.format(
                            "%d %% under your max price of %s",
                            Math.round(discount * 100), DanishPrices.format(q.maxPrice()));
        }
        double score = 100 * (RELEVANCE_WEIGHT * m.confidence() + PRICE_WEIGHT * priceScore);
        score = Math.round(score * 10) / 10.0;
        return new ScoredDeal(m, score, m.reason() + " · " + priceText);
    }
}
