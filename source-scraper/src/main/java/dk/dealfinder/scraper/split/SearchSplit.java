package dk.dealfinder.scraper.split;

import java.util.List;
import org.apache.flink.api.connector.source.SourceSplit;
import org.apache.flink.util.Preconditions;

/**
 * One search feed: a saved query's search on one site. The cursor ({@link #recentAdIds()}, newest
 * first, bounded, each with the {@link #recentFingerprints() fingerprint} of its title and price)
 * holds the ads already emitted, so a poll that finds nothing new costs one request, an edited ad
 * is emitted again, and a restore from a checkpoint neither loses nor repeats a listing.
 *
 * @param site site key, e.g. {@code dba.dk}
 * @param queryId the saved query this feed serves
 * @param terms the search terms sent to the site
 * @param newestPublishedAt epoch millis of the newest listing emitted so far, 0 if none
 * @param recentAdIds ids of recently emitted ads, newest first
 * @param recentFingerprints the fingerprint each of those ads had when emitted, same order
 */
public record SearchSplit(
        String site,
        String queryId,
        String terms,
        long newestPublishedAt,
        List<String> recentAdIds,
        List<Integer> recentFingerprints)
        implements SourceSplit {

    /** How many ad ids the cursor remembers; well above one poll's worth of pages. */
    public static final int CURSOR_SIZE = 1000;

    public SearchSplit {
        recentAdIds = List.copyOf(recentAdIds);
        recentFingerprints = List.copyOf(recentFingerprints);
        Preconditions.checkArgument(
                recentAdIds.size() == recentFingerprints.size(),
                "feed %s has %s ad ids but %s fingerprints",
                queryId,
                recentAdIds.size(),
                recentFingerprints.size());
    }

    public static SearchSplit fresh(String site, String queryId, String terms) {
        return new SearchSplit(site, queryId, terms, 0L, List.of(), List.of());
    }

    public static String idOf(String site, String queryId) {
        return site + "|" + queryId;
    }

    @Override
    public String splitId() {
        return idOf(site, queryId);
    }

    public SearchSplit withTerms(String newTerms) {
        return new SearchSplit(
                site, queryId, newTerms, newestPublishedAt, recentAdIds, recentFingerprints);
    }
}
