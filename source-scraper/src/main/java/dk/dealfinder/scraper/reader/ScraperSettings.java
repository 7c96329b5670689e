package dk.dealfinder.scraper.reader;

import dk.dealfinder.scraper.browser.BrowserPool;
import dk.dealfinder.scraper.browser.BrowserSettings;
import dk.dealfinder.scraper.fetch.FetchPolicy;
import dk.dealfinder.scraper.fetch.HttpTransport;
import dk.dealfinder.scraper.fetch.JdkHttpTransport;
import dk.dealfinder.scraper.fetch.ProxyRotation;
import java.io.Serializable;
import java.time.Duration;
import java.util.List;

/**
 * How the readers poll; taken from the {@code scraper} section of the configuration.
 *
 * @param fetchItemPages whether new and changed listings are completed from their item pages
 * @param politeness rate limits, robots.txt, retries and circuit breaking
 * @param proxies HTTP proxies ({@code host:port}) to rotate over; empty for direct connections
 * @param browser the headless browser for pages that render their listings with JavaScript
 * @param sweepEvery every this many polls a feed is swept: paged through up to {@code
 *     maxPagesPerSweep} pages without stopping at the first page with nothing new, so price drops
 *     and edits of older ads (no longer on the first pages) are seen too; 0 never sweeps
 * @param maxPagesPerSweep how deep a sweep pages
 * @param goneChecksPerSweep after each sweep, how many remembered ads the sweep did not show get
 *     their item page checked (least recently checked first): a 404, 410 or "no longer active" page
 *     makes a gone record, so the job marks the listing REMOVED; 0 never checks
 */
public record ScraperSettings(
        Duration pollInterval,
        Duration requestTimeout,
        int maxPagesPerPoll,
        String userAgent,
        boolean fetchItemPages,
        FetchPolicy politeness,
        List<String> proxies,
        BrowserSettings browser,
        int sweepEvery,
        int maxPagesPerSweep,
        int goneChecksPerSweep)
        implements Serializable {

    /** How long a proxy that could not be reached is left out of the rotation. */
    public static final Duration PROXY_BENCH = Duration.ofMinutes(5);

    public ScraperSettings {
        proxies = List.copyOf(proxies);
    }

    /** Item pages fetched, {@link FetchPolicy#polite()} politeness, no proxies, no sweeps. */
    public ScraperSettings(
            Duration pollInterval, Duration requestTimeout, int maxPagesPerPoll, String userAgent) {
        this(
                pollInterval,
                requestTimeout,
                maxPagesPerPoll,
                userAgent,
                true,
                FetchPolicy.polite(),
                List.of(),
                BrowserSettings.disabled(),
                0,
                maxPagesPerPoll,
                0);
    }

    public ScraperSettings withBrowser(BrowserSettings newBrowser) {
        return new ScraperSettings(
                pollInterval,
                requestTimeout,
                maxPagesPerPoll,
                userAgent,
                fetchItemPages,
                politeness,
                proxies,
                newBrowser,
                sweepEvery,
                maxPagesPerSweep,
                goneChecksPerSweep);
    }

    /** The browser pool these settings ask for, or null when the fallback is off. */
    public BrowserPool browserPool() {
        return browser.enabled()
                ? new BrowserPool(browser, userAgent, proxies.isEmpty() ? null : proxies.get(0))
                : null;
    }

    /** The transport these settings ask for: direct, or rotating over the proxies. */
    public HttpTransport transport() {
        return proxies.isEmpty()
                ? new JdkHttpTransport(requestTimeout)
                : new ProxyRotation(proxies, requestTimeout, PROXY_BENCH, System::nanoTime);
    }

    public ScraperSettings withPoliteness(FetchPolicy newPoliteness) {
        return new ScraperSettings(
                pollInterval,
                requestTimeout,
                maxPagesPerPoll,
                userAgent,
                fetchItemPages,
                newPoliteness,
                proxies,
                browser,
                sweepEvery,
                maxPagesPerSweep,
                goneChecksPerSweep);
    }

    /**
     * Sweeps every {@code every}-th poll, {@code pages} deep (0 never sweeps), then checks up to
     * {@code goneChecks} unseen ads' item pages.
     */
    public ScraperSettings withSweep(int every, int pages, int goneChecks) {
        return new ScraperSettings(
                pollInterval,
                requestTimeout,
                maxPagesPerPoll,
                userAgent,
                fetchItemPages,
                politeness,
                proxies,
                browser,
                every,
                pages,
                goneChecks);
    }

    public ScraperSettings withItemPages(boolean fetch) {
        return new ScraperSettings(
                pollInterval,
                requestTimeout,
                maxPagesPerPoll,
                userAgent,
                fetch,
                politeness,
                proxies,
                browser,
                sweepEvery,
                maxPagesPerSweep,
                goneChecksPerSweep);
    }
}
