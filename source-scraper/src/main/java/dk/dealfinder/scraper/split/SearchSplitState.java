package dk.dealfinder.scraper.split;

import dk.dealfinder.core.model.RawListing;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The mutable view of a split's cursor, advanced as each record is emitted, so a checkpoint holds
 * exactly what has gone downstream.
 */
public final class SearchSplitState {

    /** What version 1 checkpoints, which had no fingerprints, restore as. */
    public static final int UNKNOWN_FINGERPRINT = 0;

    private final SearchSplit split;
    private String terms;

    /** Ad id to fingerprint, oldest first; bounded by {@link SearchSplit#CURSOR_SIZE}. */
    private final LinkedHashMap<String, Integer> recent = new LinkedHashMap<>();

    private long newestPublishedAt;

    public SearchSplitState(SearchSplit split) {
        this.split = split;
        this.terms = split.terms();
        for (int i = split.recentAdIds().size() - 1; i >= 0; i--) {
            recent.put(split.recentAdIds().get(i), split.recentFingerprints().get(i));
        }
        this.newestPublishedAt = split.newestPublishedAt();
    }

    /**
     * What identifies a version of an ad in search results: an edit of the title or a new price
     * changes it, so the ad is fetched and emitted again.
     */
    public static int fingerprint(RawListing listing) {
        return Objects.hash(listing.title(), listing.priceText());
    }

    /** Records that this version of an ad was emitted. */
    public void emitted(String adId, int fingerprint, long publishedAt) {
        recent.remove(adId);
        recent.put(adId, fingerprint);
        Iterator<String> oldest = recent.keySet().iterator();
        while (recent.size() > SearchSplit.CURSOR_SIZE) {
            oldest.next();
            oldest.remove();
        }
        newestPublishedAt = Math.max(newestPublishedAt, publishedAt);
    }

    /**
     * Forgets an ad the site reported gone, so that if it comes back (relisted under its old id) it
     * is emitted again.
     */
    public void forget(String adId) {
        recent.remove(adId);
    }

    public boolean hasEmitted(String adId) {
        return recent.containsKey(adId);
    }

    /**
     * Whether this exact version of the ad (same fingerprint) was emitted already. An ad restored
     * from a cursor that predates fingerprints matches any version, so an upgrade re-emits nothing.
     */
    public boolean hasEmitted(String adId, int fingerprint) {
        Integer known = recent.get(adId);
        return known != null && (known == fingerprint || known == UNKNOWN_FINGERPRINT);
    }

    public String terms() {
        return terms;
    }

    public void changeTerms(String newTerms) {
        this.terms = newTerms;
    }

    public SearchSplit toSplit() {
        List<String> ids = new ArrayList<>(recent.size());
        List<Integer> prints = new ArrayList<>(recent.size());
        for (Map.Entry<String, Integer> e : recent.entrySet()) {
            ids.add(0, e.getKey());
            prints.add(0, e.getValue());
        }
        return new SearchSplit(
                split.site(), split.queryId(), terms, newestPublishedAt, ids, prints);
    }
}
