package dk.dealfinder.scraper;

import static org.apache.flink.util.Preconditions.checkArgument;
import static org.apache.flink.util.Preconditions.checkNotNull;

import dk.dealfinder.core.config.DealfinderConfig;
import dk.dealfinder.core.store.SavedQueryStore;
import dk.dealfinder.scraper.browser.BrowserSettings;
import dk.dealfinder.scraper.fetch.FetchPolicy;
import dk.dealfinder.scraper.reader.DeadLetterOutput;
import dk.dealfinder.scraper.reader.ScraperSettings;
import dk.dealfinder.scraper.site.RecommerceAdapter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds a {@link ScraperSource}: sites to scrape, where saved queries come from, how to poll. */
public final class ScraperSourceBuilder {

    private final Map<String, RecommerceAdapter> adapters = new LinkedHashMap<>();
    private SavedQueryStore queries;
    private Duration pollInterval = Duration.ofSeconds(30);
    private Duration requestTimeout = Duration.ofSeconds(10);
    private Duration queryRefreshInterval = Duration.ofSeconds(5);
    private int maxPagesPerPoll = 3;
    private int sweepEvery = 0;
    private int maxPagesPerSweep = 3;
    private int goneChecksPerSweep = 0;
    private String userAgent = "dealfinder/0.1";
    private boolean fetchItemPages = true;
    private FetchPolicy politeness = FetchPolicy.polite();
    private DeadLetterOutput deadLetters = DeadLetterOutput.LOG_ONLY;
    private List<String> proxies = List.of();
    private BrowserSettings browser = BrowserSettings.disabled();

    ScraperSourceBuilder() {}

    /** Adds a recommerce site (dba.dk, finn.no, …) at its base URL. */
    public ScraperSourceBuilder addSite(String site, String baseUrl, String currency) {
        adapters.put(site, new RecommerceAdapter(site, baseUrl, currency));
        return this;
    }

    public ScraperSourceBuilder setSavedQueries(SavedQueryStore queries) {
        this.queries = queries;
        return this;
    }

    public ScraperSourceBuilder setPollInterval(Duration pollInterval) {
        this.pollInterval = pollInterval;
        return this;
    }

    public ScraperSourceBuilder setRequestTimeout(Duration requestTimeout) {
        this.requestTimeout = requestTimeout;
        return this;
    }

    public ScraperSourceBuilder setQueryRefreshInterval(Duration queryRefreshInterval) {
        this.queryRefreshInterval = queryRefreshInterval;
        return this;
    }

    /**
     * Every {@code every}-th poll of a feed pages up to {@code maxPages} deep without stopping at
     * the first page with nothing new, to see price drops of older ads; 0 never sweeps. After a
     * sweep, up to {@code goneChecks} remembered ads it did not show have their item pages checked
     * for being gone.
     */
    public ScraperSourceBuilder setSweep(int every, int maxPages, int goneChecks) {
        this.sweepEvery = every;
        this.maxPagesPerSweep = maxPages;
        this.goneChecksPerSweep = goneChecks;
        return this;
    }

    public ScraperSourceBuilder setMaxPagesPerPoll(int maxPagesPerPoll) {
        this.maxPagesPerPoll = maxPagesPerPoll;
        return this;
    }

    public ScraperSourceBuilder setUserAgent(String userAgent) {
        this.userAgent = userAgent;
        return this;
    }

    /** Whether new and changed listings are completed from their item pages (default on). */
    public ScraperSourceBuilder setFetchItemPages(boolean fetchItemPages) {
        this.fetchItemPages = fetchItemPages;
        return this;
    }

    /** Rate limit per host, robots.txt, retries, circuit breaking; {@link FetchPolicy#polite()}. */
    public ScraperSourceBuilder setPoliteness(FetchPolicy politeness) {
        this.politeness = checkNotNull(politeness, "politeness");
        return this;
    }

    /** HTTP proxies ({@code host:port}) to rotate over; unreachable ones are benched a while. */
    public ScraperSourceBuilder setProxies(List<String> proxies) {
        this.proxies = List.copyOf(proxies);
        return this;
    }

    /**
     * A headless-browser fallback for search pages that only show listings after a script runs (off
     * by default). Browsers use the first proxy when proxies are set.
     */
    public ScraperSourceBuilder setBrowser(BrowserSettings browser) {
        this.browser = checkNotNull(browser, "browser");
        return this;
    }

    /** Where unreadable pages go; by default they are only counted and logged. */
    public ScraperSourceBuilder setDeadLetterOutput(DeadLetterOutput deadLetters) {
        this.deadLetters = checkNotNull(deadLetters, "deadLetters");
        return this;
    }

    /** Takes sites and polling settings from the configuration file. */
    public ScraperSourceBuilder configure(DealfinderConfig config) {
        config.sites().forEach((name, site) -> addSite(name, site.baseUrl(), site.currency()));
        DealfinderConfig.Scraper s = config.scraper();
        return setPollInterval(s.pollInterval())
                .setRequestTimeout(s.requestTimeout())
                .setQueryRefreshInterval(s.queryRefreshInterval())
                .setMaxPagesPerPoll(s.maxPagesPerPoll())
                .setSweep(s.sweepEvery(), s.maxPagesPerSweep(), s.goneChecksPerSweep())
                .setUserAgent(s.userAgent())
                .setFetchItemPages(s.fetchItemPages())
                .setPoliteness(
                        new FetchPolicy(
                                s.requestsPerSecondPerHost(),
                                s.burst(),
                                s.honourCrawlDelay(),
                                s.maxAttempts(),
                                s.initialBackoff(),
                                s.maxBackoff(),
                                s.maxInlineWait(),
                                s.breakerThreshold(),
                                s.breakerOpenFor(),
                                s.robotsTtl()))
                .setProxies(s.proxies() == null ? List.of() : s.proxies())
                .setBrowser(
                        s.browserPoolSize() > 0
                                ? BrowserSettings.debianChromium(s.browserPoolSize())
                                : BrowserSettings.disabled());
    }

    public ScraperSource build() {
        checkArgument(!adapters.isEmpty(), "ScraperSource needs at least one site");
        checkNotNull(queries, "ScraperSource needs a saved-query store");
        checkArgument(maxPagesPerPoll >= 1, "maxPagesPerPoll must be at least 1");
        checkArgument(sweepEvery >= 0, "sweepEvery must not be negative");
        checkArgument(goneChecksPerSweep >= 0, "goneChecksPerSweep must not be negative");
        checkArgument(
                sweepEvery == 0 || maxPagesPerSweep >= maxPagesPerPoll,
                "maxPagesPerSweep must be at least maxPagesPerPoll");
        return new ScraperSource(
                adapters,
                queries,
                new ScraperSettings(
                        pollInterval,
                        requestTimeout,
                        maxPagesPerPoll,
                        userAgent,
                        fetchItemPages,
                        politeness,
                        proxies,
                        browser,
                        sweepEvery,
                        maxPagesPerSweep,
                        goneChecksPerSweep),
                queryRefreshInterval,
                deadLetters);
    }
}
