package dk.dealfinder.core.model;

/**
 * The parts a deal score is made of, each 0..1 (1 is best), kept so a user and the dashboard can
 * see why a listing scored as it did.
 *
 * @param relevance the classifier's confidence that the listing is what the query asks for
 * @param price how cheap it is against the market estimate (or the query's max price)
 * @param freshness how soon after publication it was seen (a change is fresh when seen)
 * @param condition the condition its text states; 0.5 when it states none
 */
public record ScoreComponents(double relevance, double price, double freshness, double condition) {}
