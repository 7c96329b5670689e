package dk.dealfinder.udfs.match;

import dk.dealfinder.core.model.Listing;
import dk.dealfinder.core.model.SavedQuery;

/** A listing that passed a saved query's static filters and now needs classifying. */
public record QueryMatch(Listing listing, SavedQuery query) {}
