package dk.dealfinder.scraper.reader;

import dk.dealfinder.core.model.RawListing;
import dk.dealfinder.scraper.browser.BrowserPool;
import dk.dealfinder.scraper.fetch.HostClock;
import dk.dealfinder.scraper.fetch.PageFetcher;
import dk.dealfinder.scraper.site.RecommerceAdapter;
import dk.dealfinder.scraper.site.SearchPage;
import dk.dealfinder.scraper.split.SearchSplit;
import dk.dealfinder.scraper.split.SearchSplitState;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.flink.connector.base.source.reader.RecordsBySplits;
import org.apache.flink.connector.base.source.reader.RecordsWithSplitIds;
import org.apache.flink.connector.base.source.reader.splitreader.SplitReader;
import org.apache.flink.connector.base.source.reader.splitreader.SplitsAddition;
import org.apache.flink.connector.base.source.reader.splitreader.SplitsChange;
import org.apache.flink.connector.base.source.reader.splitreader.SplitsRemoval;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls each assigned search feed on its own interval (with jitter, so feeds do not poll in
 * lock-step). A poll pages through results newest first and stops at the first page that holds no
 * new or changed ad, so a quiet feed costs one request per poll. New and changed ads are then
 * completed from their item pages a few at a time, so records flow while a big poll is worked off.
 * All feeds share one {@link PageFetcher}, hence one rate limit per host. Failures are counted and
 * logged, and the feed is simply polled again next time.
 *
 * <p>Gone ads: an item page that answers 404 or 410 or says the ad is no longer active turns into a
 * {@link RawListing#gone gone} record. Ads drop out of search when they are taken down, so after
 * each sweep the reader checks the item pages of a few remembered ads the sweep did not show (least
 * recently checked first, {@code goneChecksPerSweep} at most): a taken-down ad is reported within a
 * few sweeps, at a bounded cost in requests. What the reader remembers for this is not
 * checkpointed; after a restore it is learnt again from the next polls.
 */
public class SearchSplitReader implements SplitReader<RawListing, SearchSplit> {

    private static final Logger LOG = LoggerFactory.getLogger(SearchSplitReader.class);

    /** Item pages fetched per call of {@link #fetch()}, so records are handed over often. */
    static final int ITEM_PAGES_PER_FETCH = 5;

    private final Map<String, RecommerceAdapter> adapters;
    private final ScraperSettings settings;
    private final Clock clock;
    private final SearchFetcher search;

    /** Null when the browser fallback is off. */
    private final BrowserPool browser;

    private final ItemPageEnricher items;
    private final Counter sweeps;
    private final Counter goneChecks;
    private final Map<String, Feed> feeds = new LinkedHashMap<>();
    private final Set<String> retired = new HashSet<>();
    private final Object wakeUp = new Object();
    private boolean wokenUp;

    public SearchSplitReader(
            Map<String, RecommerceAdapter> adapters,
            ScraperSettings settings,
            DeadLetterOutput deadLetters,
            MetricGroup metrics,
            Clock clock) {
        this(
                adapters,
                settings,
                new PageFetcher(
                        settings.transport(),
                        settings.userAgent(),
                        settings.requestTimeout(),
                        settings.politeness(),
                        HostClock.SYSTEM,
                        metrics),
                deadLetters,
                metrics,
                clock);
    }

    public SearchSplitReader(
            Map<String, RecommerceAdapter> adapters,
            ScraperSettings settings,
            PageFetcher fetcher,
            DeadLetterOutput deadLetters,
            MetricGroup metrics,
            Clock clock) {
        this.adapters = adapters;
        this.settings = settings;
        this.clock = clock;
        this.browser = settings.browserPool();
        this.search = new SearchFetcher(fetcher, browser, deadLetters, metrics, clock);
        this.items = new ItemPageEnricher(fetcher, metrics, clock);
        this.sweeps = metrics.counter("feedSweeps");
        this.goneChecks = metrics.counter("goneChecks");
    }

    @Override
    public RecordsWithSplitIds<RawListing> fetch() {
        RecordsBySplits.Builder<RawListing> out = new RecordsBySplits.Builder<>();
        if (!retired.isEmpty()) {
            out.addFinishedSplits(retired);
            retired.clear();
            return out.build();
        }
        Feed due = nextDue();
        long waitMillis =
                due == null ? settings.pollInterval().toMillis() : due.nextPollAt - clock.millis();
        if (due == null || (due.idle() && waitMillis > 0)) {
            awaitWakeUpOr(Math.max(1, waitMillis));
            return out.build();
        }
        try {
            if (due.idle()) {
                poll(due);
                due.nextPollAt = clock.millis() + jittered(settings.pollInterval());
            }
            handOver(due, out);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return out.build();
    }

    /**
     * Finds the new and changed ads of a feed and queues them, oldest first. A sweep (every {@code
     * sweepEvery}-th poll) pages deeper, does not stop at a page with nothing new, and then queues
     * gone checks for remembered ads it did not show.
     */
    private void poll(Feed feed) throws InterruptedException {
        RecommerceAdapter adapter = adapters.get(feed.split.site());
        List<RawListing> fresh = new ArrayList<>();
        feed.polls++;
        boolean sweep = settings.sweepEvery() > 0 && feed.polls % settings.sweepEvery() == 0;
        int maxPages = sweep ? settings.maxPagesPerSweep() : settings.maxPagesPerPoll();
        Set<String> shown = new HashSet<>();
        boolean searchFailed = false;
        if (sweep) {
            sweeps.inc();
            // A search result whose item page was gone is looked at again once per sweep, so an ad
            // relisted under its old id comes back within a sweep.
            feed.goneInSearch.clear();
        }
        for (int page = 1; page <= maxPages; page++) {
            SearchPage result = search.fetch(adapter, feed.cursor.terms(), page);
            if (result == null) {
                searchFailed = page == 1;
                break;
            }
            int before = fresh.size();
            for (RawListing l : result.listings()) {
                shown.add(l.adId());
                feed.remember(l);
                int fingerprint = SearchSplitState.fingerprint(l);
                if (!feed.cursor.hasEmitted(l.adId(), fingerprint)
                        && !Integer.valueOf(fingerprint).equals(feed.goneInSearch.get(l.adId()))) {
                    fresh.add(l);
                    // The reader's own cursor moves now so no later page or poll queues it again;
                    // the checkpointed cursor moves only as it is emitted.
                    feed.cursor.emitted(l.adId(), fingerprint, 0);
                }
            }
            if (result.lastPage() || (!sweep && fresh.size() == before)) {
                break;
            }
        }
        // Oldest first, so event time mostly rises within a feed.
        Collections.reverse(fresh);
        feed.pending.addAll(fresh);
        if (sweep && !searchFailed) {
            // A search that could not be read at all says nothing about which ads are gone.
            queueGoneChecks(feed, shown);
        }
    }

    /** Remembered ads the sweep did not show, least recently checked first. */
    private void queueGoneChecks(Feed feed, Set<String> shown) {
        if (!settings.fetchItemPages()) {
            return;
        }
        feed.lastSeen.values().stream()
                .filter(l -> !shown.contains(l.adId()))
                .sorted(
                        Comparator.comparingLong(
                                (RawListing l) -> feed.checkedAtPoll.getOrDefault(l.adId(), 0L)))
                .limit(settings.goneChecksPerSweep())
                .forEach(
                        l -> {
                            feed.checkedAtPoll.put(l.adId(), feed.polls);
                            feed.goneChecks.add(l);
                        });
    }

    /**
     * Hands over a few queued ads, completed from their item pages, then a few gone checks; both
     * share the per-fetch budget of item pages.
     */
    private void handOver(Feed feed, RecordsBySplits.Builder<RawListing> out)
            throws InterruptedException {
        RecommerceAdapter adapter = adapters.get(feed.split.site());
        int budget = settings.fetchItemPages() ? ITEM_PAGES_PER_FETCH : Integer.MAX_VALUE;
        int n = 0;
        for (; n < budget && !feed.pending.isEmpty(); n++) {
            RawListing listing = feed.pending.peekFirst();
            RawListing complete =
                    settings.fetchItemPages() ? items.enrich(adapter, listing) : listing;
            feed.pending.removeFirst();
            if (complete.reportsGone()) {
                feed.forgetGone(listing.adId());
                feed.goneInSearch.put(listing.adId(), SearchSplitState.fingerprint(listing));
            }
            out.add(feed.split.splitId(), complete);
        }
        for (; n < budget && !feed.goneChecks.isEmpty(); n++) {
            RawListing lastSeen = feed.goneChecks.peekFirst();
            goneChecks.inc();
            Optional<RawListing> gone = items.checkGone(lastSeen);
            feed.goneChecks.removeFirst();
            if (gone.isPresent()) {
                feed.forgetGone(lastSeen.adId());
                // Not in search either: if it comes back, it is new to this reader again.
                feed.cursor.forget(lastSeen.adId());
                out.add(feed.split.splitId(), gone.get());
            }
        }
    }

    /** Feeds with queued work first, then the one whose poll is due soonest. */
    private Feed nextDue() {
        Feed next = null;
        for (Feed f : feeds.values()) {
            if (!f.idle()) {
                return f;
            }
            if (next == null || f.nextPollAt < next.nextPollAt) {
                next = f;
            }
        }
        return next;
    }

    private long jittered(Duration interval) {
        long base = interval.toMillis();
        long jitter = base / 10;
        return base + (jitter > 0 ? ThreadLocalRandom.current().nextLong(-jitter, jitter + 1) : 0);
    }

    private void awaitWakeUpOr(long millis) {
        synchronized (wakeUp) {
            if (!wokenUp) {
                try {
                    wakeUp.wait(millis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            wokenUp = false;
        }
    }

    /**
     * New feeds start polling at once. A feed added again under the same id carries new terms: its
     * cursor is kept and it polls at once. Removed feeds are reported finished on the next fetch,
     * which drops their state.
     */
    @Override
    public void handleSplitsChanges(SplitsChange<SearchSplit> change) {
        if (change instanceof SplitsAddition<SearchSplit> addition) {
            for (SearchSplit split : addition.splits()) {
                add(split);
            }
        } else if (change instanceof SplitsRemoval<SearchSplit> removal) {
            for (SearchSplit split : removal.splits()) {
                if (feeds.remove(split.splitId()) != null) {
                    retired.add(split.splitId());
                    LOG.info("Feed {} retired; it is no longer polled", split.splitId());
                }
            }
        }
    }

    private void add(SearchSplit split) {
        Feed known = feeds.get(split.splitId());
        if (known != null) {
            LOG.info("Feed {} now searches for '{}'", split.splitId(), split.terms());
            known.cursor.changeTerms(split.terms());
            known.nextPollAt = clock.millis();
            return;
        }
        if (!adapters.containsKey(split.site())) {
            LOG.warn("Feed {} is for unconfigured site {}; ignored", split.splitId(), split.site());
            return;
        }
        feeds.put(split.splitId(), new Feed(split, new SearchSplitState(split), clock.millis()));
    }

    @Override
    public void wakeUp() {
        synchronized (wakeUp) {
            wokenUp = true;
            wakeUp.notifyAll();
        }
    }

    @Override
    public void close() {
        // HttpClient on Java 17 has no close(); its threads end when it is unreachable.
        if (browser != null) {
            browser.close();
        }
    }

    private static final class Feed {
        final SearchSplit split;
        final SearchSplitState cursor;
        final Deque<RawListing> pending = new ArrayDeque<>();
        final Deque<RawListing> goneChecks = new ArrayDeque<>();

        /** Each remembered ad as search last showed it, least recently shown first; bounded. */
        final LinkedHashMap<String, RawListing> lastSeen = new LinkedHashMap<>(16, 0.75f, true);

        /** The poll at which each remembered ad's item page was last checked for being gone. */
        final Map<String, Long> checkedAtPoll = new HashMap<>();

        /** Search results whose item page was gone, by fingerprint; cleared each sweep. */
        final Map<String, Integer> goneInSearch = new HashMap<>();

        long nextPollAt;
        long polls;

        Feed(SearchSplit split, SearchSplitState cursor, long nextPollAt) {
            this.split = split;
            this.cursor = cursor;
            this.nextPollAt = nextPollAt;
        }

        boolean idle() {
            return pending.isEmpty() && goneChecks.isEmpty();
        }

        void remember(RawListing shown) {
            lastSeen.put(shown.adId(), shown);
            Iterator<String> oldest = lastSeen.keySet().iterator();
            while (lastSeen.size() > SearchSplit.CURSOR_SIZE) {
                checkedAtPoll.remove(oldest.next());
                oldest.remove();
            }
        }

        void forgetGone(String adId) {
            lastSeen.remove(adId);
            checkedAtPoll.remove(adId);
        }
    }
}
