package dk.dealfinder.scraper.reader;

import dk.dealfinder.core.model.DeadLetter;
import dk.dealfinder.scraper.browser.PageRenderer;
import dk.dealfinder.scraper.fetch.FetchException;
import dk.dealfinder.scraper.fetch.FetchedPage;
import dk.dealfinder.scraper.fetch.PageFetcher;
import dk.dealfinder.scraper.site.MalformedPageException;
import dk.dealfinder.scraper.site.RecommerceAdapter;
import dk.dealfinder.scraper.site.SearchPage;
import java.net.URI;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches one page of a search: the JSON API on whichever of the known paths answers (remembered
 * per site), falling back to the server-rendered HTML page when the API fails, is malformed or
 * comes back empty while saying it has matches. A page that cannot be read is a dead letter; an
 * HTML page with content but no readable listing raises the {@link LayoutAlarm}.
 */
final class SearchFetcher {

    private static final Logger LOG = LoggerFactory.getLogger(SearchFetcher.class);
    static final String STAGE = "scrape";

    private final PageFetcher fetcher;

    /** Null when the browser fallback is off. */
    private final PageRenderer browser;

    private final Counter rendered;
    private final DeadLetterOutput deadLetters;
    private final Clock clock;
    private final LayoutAlarm layoutAlarm;
    private final Map<String, Integer> workingPath = new HashMap<>();
    private final Counter requests;
    private final Counter failures;
    private final Counter malformed;
    private final Counter htmlFallbacks;
    private final Counter deadLettered;

    SearchFetcher(
            PageFetcher fetcher,
            PageRenderer browser,
            DeadLetterOutput deadLetters,
            MetricGroup metrics,
            Clock clock) {
        this.fetcher = fetcher;
        this.browser = browser;
        this.rendered = metrics.counter("pagesRendered");
        this.deadLetters = deadLetters;
        this.clock = clock;
        this.layoutAlarm = new LayoutAlarm(metrics);
        this.requests = metrics.counter("searchRequests");
        this.failures = metrics.counter("searchFailures");
        this.malformed = metrics.counter("pagesMalformed");
        this.htmlFallbacks = metrics.counter("searchHtmlFallbacks");
        this.deadLettered = metrics.counter("deadLetters");
    }

    /** One page (1-based) of the newest results; null when no form of the search could be read. */
    SearchPage fetch(RecommerceAdapter adapter, String terms, int page)
            throws InterruptedException {
        SearchPage fromApi = fromApi(adapter, terms, page);
        if (fromApi != null && !fromApi.contentButNoListings()) {
            layoutAlarm.clear(adapter.site());
            return fromApi;
        }
        htmlFallbacks.inc();
        SearchPage fromHtml = fromHtml(adapter, terms, page);
        if (fromHtml != null) {
            layoutAlarm.clear(adapter.site());
        }
        return fromHtml;
    }

    private SearchPage fromApi(RecommerceAdapter adapter, String terms, int page)
            throws InterruptedException {
        int paths = RecommerceAdapter.SEARCH_API_PATHS.size();
        int first = workingPath.getOrDefault(adapter.site(), 0);
        for (int attempt = 0; attempt < paths; attempt++) {
            int pathIndex = (first + attempt) % paths;
            FetchedPage answer =
                    get(adapter.searchApiUri(pathIndex, terms, page), "application/json");
            if (answer == null) {
                return null;
            }
            if (answer.status() == 404) {
                continue;
            }
            if (!answer.ok()) {
                failures.inc();
                LOG.warn("Search {} answered HTTP {}", answer.uri(), answer.status());
                return null;
            }
            if (pathIndex != first) {
                LOG.info(
                        "Site {} answers on search path {}; using it from now on",
                        adapter.site(),
                        pathIndex);
                workingPath.put(adapter.site(), pathIndex);
            }
            try {
                return adapter.parseSearchApi(answer.body(), clock.millis());
            } catch (MalformedPageException e) {
                malformed.inc();
                deadLetter(answer, e.getMessage());
                return null;
            }
        }
        failures.inc();
        LOG.warn("No search API path answers on site {}", adapter.site());
        return null;
    }

    private SearchPage fromHtml(RecommerceAdapter adapter, String terms, int page)
            throws InterruptedException {
        FetchedPage answer = get(adapter.searchPageUri(terms, page), "text/html");
        if (answer == null) {
            return null;
        }
        if (!answer.ok()) {
            failures.inc();
            LOG.warn("Search page {} answered HTTP {}", answer.uri(), answer.status());
            return null;
        }
        SearchPage parsed =
                adapter.parseSearchPage(answer.body(), answer.uri().toString(), clock.millis());
        if (parsed.contentButNoListings() && parsed.renderedByScript() && browser != null) {
            parsed = inBrowser(adapter, answer.uri(), parsed);
        }
        if (parsed.contentButNoListings()) {
            layoutAlarm.raise(adapter.site(), answer.uri(), answer.snippet());
            deadLetter(
                    answer,
                    parsed.renderedByScript()
                            ? "page renders its listings with JavaScript"
                            : "page has content but no listing could be read (layout change?)");
            return null;
        }
        return parsed;
    }

    /** The page as a browser shows it once its scripts ran; {@code asFetched} if that fails. */
    private SearchPage inBrowser(RecommerceAdapter adapter, URI uri, SearchPage asFetched)
            throws InterruptedException {
        try {
            String html = fetcher.render(uri, browser, RecommerceAdapter.SEARCH_CARD_SELECTOR);
            rendered.inc();
            return adapter.parseSearchPage(html, uri.toString(), clock.millis());
        } catch (FetchException e) {
            failures.inc();
            LOG.warn("Rendering failed: {}", e.getMessage());
            return asFetched;
        }
    }

    /** The page, or null (counted and logged) when it could not be fetched. */
    private FetchedPage get(URI uri, String accept) throws InterruptedException {
        requests.inc();
        try {
            return fetcher.get(uri, accept);
        } catch (FetchException e) {
            failures.inc();
            LOG.warn("Search failed: {}", e.getMessage());
            return null;
        }
    }

    private void deadLetter(FetchedPage page, String reason) {
        deadLettered.inc();
        String described = "HTTP " + page.status() + ": " + reason;
        LOG.warn("Dead letter for {}: {}", page.uri(), described);
        deadLetters.accept(
                DeadLetter.of(
                        STAGE, page.uri().toString(), described, page.body(), clock.millis()));
    }
}
