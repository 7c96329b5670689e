package dk.dealfinder.core.model;

/**
 * The parts a deal score is made of, each 0..1 (1 is best), kept so a user and the dashboard can
 * see why a listing scored as it did. The seller and distance parts are null when they could not be
 * judged (the site did not say who sells; the query names no place or the listing has none); a part
 * that is not judged does not count in the score.
 *
 * @param relevance the classifier's confidence that the listing is what the query asks for
 * @param price how cheap it is against the market estimate (or the query's max price)
 * @param freshness how soon after publication it was seen (a change is fresh when seen)
 * @param condition the condition the site or the text states; 0.5 when neither states one
 * @param seller 1 for a private seller, lower for a dealer; null when unknown
 * @param distance 1 at the query's centre postcode, halving every radius (or 25 km) away; null when
 *     not judged
 */
public record ScoreComponents(
        double relevance,
        double price,
        double freshness,
        double condition,
        Double seller,
        Double distance) {

    /** Components without the seller and distance parts. */
    public ScoreComponents(double relevance, double price, double freshness, double condition) {
        this(relevance, price, freshness, condition, null, null);
    }
}
