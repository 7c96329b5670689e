package dk.dealfinder.scraper.site;

import dk.dealfinder.core.model.RawListing;
import java.util.List;

/** One page of search results, newest first, and whether more pages follow. */
public record SearchPage(List<RawListing> listings, boolean lastPage) {}
