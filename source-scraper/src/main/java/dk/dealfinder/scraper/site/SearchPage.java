package dk.dealfinder.scraper.site;

import dk.dealfinder.core.model.RawListing;
import java.util.List;

/**
 * One page of search results, newest first.
 *
 * @param lastPage whether no more pages follow
 * @param reportedMatches how many matches the site says the search has; -1 when it does not say
 * @param renderedByScript whether the page builds its results with JavaScript, so a browser would
 *     see listings that the HTML alone does not hold
 */
public record SearchPage(
        List<RawListing> listings,
        boolean lastPage,
        int reportedMatches,
        boolean renderedByScript) {

    public SearchPage(List<RawListing> listings, boolean lastPage) {
        this(listings, lastPage, -1, false);
    }

    /**
     * Zero listings read from a page whose site says there are some (or does not say): the
     * signature of a layout change, not of a quiet search.
     */
    public boolean contentButNoListings() {
        return listings.isEmpty() && reportedMatches != 0;
    }
}
