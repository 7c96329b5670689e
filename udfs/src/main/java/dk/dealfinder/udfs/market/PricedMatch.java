package dk.dealfinder.udfs.market;

import dk.dealfinder.core.model.MarketEstimate;
import dk.dealfinder.udfs.classify.ClassifiedMatch;

/**
 * A classified match with the market estimate of its saved query as it stood just before the
 * listing was seen (so a listing is never compared with its own price).
 */
public record PricedMatch(ClassifiedMatch match, MarketEstimate market) {}
