package dk.dealfinder.core.model;

/**
 * A listing's asking price from one version on: one row of PostgreSQL {@code price_history}.
 *
 * @param listingKey {@code site:adId}
 * @param version the listing version that carried this price
 * @param price asking price, null when not stated
 * @param kind the change that produced the version
 * @param at epoch millis when the version was observed
 */
public record PricePoint(String listingKey, int version, Long price, ChangeKind kind, long at) {}
