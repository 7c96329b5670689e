package dk.dealfinder.udfs.score;

import dk.dealfinder.core.model.Listing;
import dk.dealfinder.core.model.MarketEstimate;
import dk.dealfinder.core.model.SavedQuery;
import dk.dealfinder.core.model.ScoreComponents;
import dk.dealfinder.core.model.SearchArea;
import dk.dealfinder.core.model.SellerType;
import dk.dealfinder.core.model.Verdict;
import dk.dealfinder.core.query.DanishPostcodeCentres;
import dk.dealfinder.core.text.DanishPrices;
import dk.dealfinder.udfs.classify.ClassifiedMatch;
import dk.dealfinder.udfs.market.PricedMatch;
import java.util.OptionalDouble;
import org.apache.flink.api.common.functions.MapFunction;

/**
 * Scores a priced match 0..100 from up to six components (see {@link ScoreComponents}) weighed by a
 * {@link ScoringPolicy}, and says why in one line. The seller and distance parts count only where
 * they can be judged. The price yardstick is the query's market median when it rests on enough
 * comparable listings, else the query's max price; with neither the price is neutral and left
 * unjudged. Where the price stands against its yardstick ({@link PriceStanding}) decides, besides
 * the score, whether the deal is worth an alert. Anything not RELEVANT scores 0.
 */
public class DealScorer implements MapFunction<PricedMatch, ScoredDeal> {

    private static final ScoreComponents NONE = new ScoreComponents(0, 0, 0, 0);

    private final ScoringPolicy policy;

    public DealScorer(ScoringPolicy policy) {
        this.policy = policy;
    }

    @Override
    public ScoredDeal map(PricedMatch priced) {
        ClassifiedMatch m = priced.match();
        if (m.verdict() != Verdict.RELEVANT) {
            return new ScoredDeal(m, 0, NONE, PriceStanding.UNJUDGED, "not a deal: " + m.reason());
        }
        Listing l = m.listing();
        PriceYardstick price = priceAgainst(l.price(), priced.market(), m.query());
        OptionalDouble km = distanceKm(l, m.query().area());
        ScoreComponents c =
                new ScoreComponents(
                        clamp(m.confidence()),
                        price.score(),
                        freshness(l),
                        StatedCondition.of(l),
                        seller(l.sellerType()),
                        km.isPresent() ? distanceScore(km.getAsDouble(), m.query().area()) : null);
        double weighted =
                policy.relevanceWeight() * c.relevance()
                        + policy.priceWeight() * c.price()
                        + policy.freshnessWeight() * c.freshness()
                        + policy.conditionWeight() * c.condition();
        double weights =
                policy.relevanceWeight()
                        + policy.priceWeight()
                        + policy.freshnessWeight()
                        + policy.conditionWeight();
        if (c.seller() != null) {
            weighted += policy.sellerWeight() * c.seller();
            weights += policy.sellerWeight();
        }
        if (c.distance() != null) {
            weighted += policy.distanceWeight() * c.distance();
            weights += policy.distanceWeight();
        }
        double score = Math.round(1000 * weighted / weights) / 10.0;
        StringBuilder why = new StringBuilder(price.explanation());
        if (km.isPresent()) {
            why.append(" · ")
                    .append(Math.round(km.getAsDouble()))
                    .append(" km from ")
                    .append(m.query().area().nearPostcode());
        }
        if (l.sellerType() == SellerType.DEALER) {
            why.append(" · dealer");
        }
        return new ScoredDeal(m, score, c, price.standing(), why + " · " + m.reason());
    }

    private Double seller(SellerType type) {
        if (type == null) {
            return null;
        }
        return type == SellerType.PRIVATE ? 1.0 : policy.dealerScore();
    }

    /**
     * How far the listing is from the query's centre postcode: from its coordinates when the item
     * page gave them, else from its postcode's centre; empty when the query has no centre or the
     * listing cannot be placed.
     */
    static OptionalDouble distanceKm(Listing l, SearchArea area) {
        if (area == null || area.nearPostcode() == null) {
            return OptionalDouble.empty();
        }
        if (l.hasCoordinates()) {
            return DanishPostcodeCentres.distanceKm(
                    area.nearPostcode(), l.latitude(), l.longitude());
        }
        return DanishPostcodeCentres.distanceKm(area.nearPostcode(), l.postcode());
    }

    /** 1 at the centre, halving every radius (or the policy's half-life when there is none). */
    private double distanceScore(double km, SearchArea area) {
        double halfLife =
                area.radiusKm() != null && area.radiusKm() > 0
                        ? area.radiusKm()
                        : policy.distanceHalfLifeKm();
        return Math.pow(0.5, km / halfLife);
    }

    /**
     * A price score 0..1 (0.5 at the yardstick), where the price stands and the sentence that
     * explains it.
     */
    private record PriceYardstick(double score, PriceStanding standing, String explanation) {}

    private PriceYardstick priceAgainst(Long price, MarketEstimate market, SavedQuery q) {
        if (price == null) {
            return new PriceYardstick(0.5, PriceStanding.UNJUDGED, "no price stated");
        }
        if (market != null && market.n() >= policy.minComparables() && market.median() > 0) {
            double discount = (market.median() - price) / market.median();
            String against =
                    market.source() == MarketEstimate.Source.SIMILAR_LISTINGS
                            ? String.format(
                                    "the median of %d similar listings in Qdrant", market.n())
                            : String.format(
                                    "the median of %d comparable listings in %d days",
                                    market.n(), market.horizonDays());
            return new PriceYardstick(
                    clamp(0.5 + discount),
                    standing(price < market.median(), PriceStanding.UNDER_MARKET),
                    describe(discount, against));
        }
        if (q.maxPrice() != null && q.maxPrice() > 0) {
            double discount = (q.maxPrice() - price) / (double) q.maxPrice();
            return new PriceYardstick(
                    0.5 + 0.5 * clamp(discount),
                    standing(price < q.maxPrice(), PriceStanding.UNDER_MAX_PRICE),
                    describe(discount, "your max price of " + DanishPrices.format(q.maxPrice())));
        }
        return new PriceYardstick(
                0.5,
                PriceStanding.UNJUDGED,
                String.format(
                        "too few comparable listings to judge the price yet (%d of %d)",
                        market == null ? 0 : market.n(), policy.minComparables()));
    }

    private static PriceStanding standing(boolean under, PriceStanding whenUnder) {
        return under ? whenUnder : PriceStanding.NOT_UNDER;
    }

    /** "31 % under …", or for a price at or over its yardstick, why it is no deal. */
    private static String describe(double discount, String yardstick) {
        long percent = Math.round(Math.abs(discount) * 100);
        if (discount > 0) {
            return percent + " % under " + yardstick;
        }
        String where = percent == 0 ? "at " + yardstick : percent + " % over " + yardstick;
        return where + ", so not a deal";
    }

    /**
     * A first sighting decays with the delay since publication (someone else may have bought it); a
     * later version is a change just observed, so it is fresh.
     */
    private double freshness(Listing l) {
        if (l.version() > 1) {
            return 1;
        }
        long delay = Math.max(0, l.fetchedAt() - l.publishedAt());
        return Math.pow(0.5, delay / (double) policy.freshnessHalfLifeMillis());
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(1, v));
    }
}
