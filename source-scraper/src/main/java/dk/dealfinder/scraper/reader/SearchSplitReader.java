package dk.dealfinder.scraper.reader;

import dk.dealfinder.core.model.RawListing;
import dk.dealfinder.scraper.site.MalformedPageException;
import dk.dealfinder.scraper.site.RecommerceAdapter;
import dk.dealfinder.scraper.site.SearchPage;
import dk.dealfinder.scraper.split.SearchSplit;
import dk.dealfinder.scraper.split.SearchSplitState;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.flink.connector.base.source.reader.RecordsBySplits;
import org.apache.flink.connector.base.source.reader.RecordsWithSplitIds;
import org.apache.flink.connector.base.source.reader.splitreader.SplitReader;
import org.apache.flink.connector.base.source.reader.splitreader.SplitsAddition;
import org.apache.flink.connector.base.source.reader.splitreader.SplitsChange;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls each assigned search feed on its own interval (with jitter, so feeds do not poll in
 * lock-step). A poll pages through results newest first and stops at the first page that holds no
 * new ad, so a quiet feed costs one request per poll. Network errors and malformed pages are
 * counted and logged, and the feed is simply polled again next time.
 */
public class SearchSplitReader implements SplitReader<RawListing, SearchSplit> {

    private static final Logger LOG = LoggerFactory.getLogger(SearchSplitReader.class);

    private final Map<String, RecommerceAdapter> adapters;
    private final ScraperSettings settings;
    private final HttpClient http;
    private final Clock clock;
    private final Map<String, Feed> feeds = new LinkedHashMap<>();
    private final Map<String, Integer> workingPath = new HashMap<>();
    private final Object wakeUp = new Object();
    private boolean wokenUp;
    private final Counter requests;
    private final Counter failures;
    private final Counter malformed;

    public SearchSplitReader(
            Map<String, RecommerceAdapter> adapters,
            ScraperSettings settings,
            MetricGroup metrics,
            Clock clock) {
        this.adapters = adapters;
        this.settings = settings;
        this.clock = clock;
        this.http =
                HttpClient.newBuilder()
                        .connectTimeout(settings.requestTimeout())
                        .followRedirects(HttpClient.Redirect.NORMAL)
                        .build();
        this.requests = metrics.counter("searchRequests");
        this.failures = metrics.counter("searchFailures");
        this.malformed = metrics.counter("pagesMalformed");
    }

    @Override
    public RecordsWithSplitIds<RawListing> fetch() throws IOException {
        Feed due = nextDue();
        long waitMillis =
                due == null ? settings.pollInterval().toMillis() : due.nextPollAt - clock.millis();
        if (due == null || waitMillis > 0) {
            awaitWakeUpOr(Math.max(1, waitMillis));
            return new RecordsBySplits.Builder<RawListing>().build();
        }
        RecordsBySplits.Builder<RawListing> out = new RecordsBySplits.Builder<>();
        List<RawListing> fresh = poll(due);
        // Emit oldest first so event time mostly rises within a feed.
        Collections.reverse(fresh);
        fresh.forEach(l -> out.add(due.split.splitId(), l));
        due.nextPollAt = clock.millis() + jittered(settings.pollInterval());
        return out.build();
    }

    private List<RawListing> poll(Feed feed) {
        RecommerceAdapter adapter = adapters.get(feed.split.site());
        List<RawListing> fresh = new ArrayList<>();
        for (int page = 1; page <= settings.maxPagesPerPoll(); page++) {
            SearchPage result = fetchPage(adapter, feed.split.terms(), page);
            if (result == null) {
                break;
            }
            int before = fresh.size();
            for (RawListing l : result.listings()) {
                if (!feed.cursor.hasEmitted(l.adId())) {
                    fresh.add(l);
                }
            }
            if (fresh.size() == before || result.lastPage()) {
                break;
            }
        }
        // The reader's own cursor moves now so the next poll does not fetch these again; the
        // checkpointed cursor moves only as they are emitted.
        fresh.forEach(l -> feed.cursor.emitted(l.adId(), 0));
        return fresh;
    }

    private SearchPage fetchPage(RecommerceAdapter adapter, String terms, int page) {
        int first = workingPath.getOrDefault(adapter.site(), 0);
        for (int attempt = 0; attempt < RecommerceAdapter.SEARCH_API_PATHS.size(); attempt++) {
            int pathIndex = (first + attempt) % RecommerceAdapter.SEARCH_API_PATHS.size();
            URI uri = adapter.searchApiUri(pathIndex, terms, page);
            try {
                requests.inc();
                HttpResponse<String> response =
                        http.send(request(uri), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 404) {
                    continue;
                }
                if (response.statusCode() != 200) {
                    failures.inc();
                    LOG.warn("Search {} answered HTTP {}", uri, response.statusCode());
                    return null;
                }
                if (pathIndex != first) {
                    LOG.info(
                            "Site {} answers on search path {}; using it from now on",
                            adapter.site(),
                            pathIndex);
                    workingPath.put(adapter.site(), pathIndex);
                }
                return adapter.parseSearchApi(response.body(), clock.millis());
            } catch (MalformedPageException e) {
                malformed.inc();
                LOG.warn("Malformed search page {}: {}", uri, e.getMessage());
                return null;
            } catch (IOException e) {
                failures.inc();
                LOG.warn("Search {} failed: {}", uri, e.toString());
                return null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
        failures.inc();
        LOG.warn("No search API path answers on site {}", adapter.site());
        return null;
    }

    private HttpRequest request(URI uri) {
        return HttpRequest.newBuilder(uri)
                .timeout(settings.requestTimeout())
                .header("User-Agent", settings.userAgent())
                .header("Accept", "application/json")
                .GET()
                .build();
    }

    private Feed nextDue() {
        Feed next = null;
        for (Feed f : feeds.values()) {
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

    @Override
    public void handleSplitsChanges(SplitsChange<SearchSplit> change) {
        if (change instanceof SplitsAddition<SearchSplit> addition) {
            for (SearchSplit split : addition.splits()) {
                if (!adapters.containsKey(split.site())) {
                    LOG.warn(
                            "Feed {} is for unconfigured site {}; ignored",
                            split.splitId(),
                            split.site());
                    continue;
                }
                feeds.put(
                        split.splitId(),
                        new Feed(split, new SearchSplitState(split), clock.millis()));
            }
        }
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
    }

    private static final class Feed {
        final SearchSplit split;
        final SearchSplitState cursor;
        long nextPollAt;

        Feed(SearchSplit split, SearchSplitState cursor, long nextPollAt) {
            this.split = split;
            this.cursor = cursor;
            this.nextPollAt = nextPollAt;
        }
    }
}
