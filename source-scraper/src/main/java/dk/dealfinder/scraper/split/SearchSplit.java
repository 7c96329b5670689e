package dk.dealfinder.scraper.split;

import java.util.List;
import org.apache.flink.api.connector.source.SourceSplit;

/**
 * One search feed: a saved query's search on one site. The cursor ({@link #recentAdIds()}, newest
 * first, bounded) holds the ads already emitted, so a poll that finds nothing new costs one request
 * and a restore from a checkpoint neither loses nor repeats a listing.
 *
 * @param site site key, e.g. {@code dba.dk}
 * @param queryId the saved query this feed serves
 * @param terms the search terms sent to the site
 * @param newestPublishedAt epoch millis of the newest listing emitted so far, 0 if none
 * @param recentAdIds ids of recently emitted ads, newest first
 */
public record SearchSplit(
        String site, String queryId, String terms, long newestPublishedAt, List<String> recentAdIds)
        implements SourceSplit {

    /** How many ad ids the cursor remembers; well above one poll's worth of pages. */
    public static final int CURSOR_SIZE = 1000;

    public static SearchSplit fresh(String site, String queryId, String terms) {
        return new SearchSplit(site, queryId, terms, 0L, List.of());
    }

    public static String idOf(String site, String queryId) {
        return site + "|" + queryId;
    }

    @Override
    public String splitId() {
        return idOf(site, queryId);
    }
}
