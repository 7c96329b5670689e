package dk.dealfinder.testkit.marketplace;

import java.time.Instant;

/** One entry of a listing's price history, as the item page's {@code meta.history} shows it. */
public record PricePoint(long price, Instant at) {}
