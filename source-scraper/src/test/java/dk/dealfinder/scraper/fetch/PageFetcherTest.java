package dk.dealfinder.scraper.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.dealfinder.testkit.marketplace.LocalMarketplace;
import dk.dealfinder.testkit.marketplace.MarketplaceFaults.Target;
import dk.dealfinder.testkit.marketplace.MarketplaceOptions;
import dk.dealfinder.testkit.marketplace.ServedRequest;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Against the real LocalMarketplace with injected faults; waits run on a stepping clock. */
class PageFetcherTest {

    private static final String UA = "dealfinder-test/1.0 (+https://example.invalid/bot)";

    private LocalMarketplace market;
    private SteppingHostClock clock;

    @BeforeEach
    void start() {
        market = LocalMarketplace.start(MarketplaceOptions.empty());
        clock = new SteppingHostClock();
    }

    @AfterEach
    void stop() {
        market.close();
    }

    private PageFetcher fetcher(FetchPolicy policy, Duration timeout) {
        return new PageFetcher(
                new JdkHttpTransport(Duration.ofSeconds(5)),
                UA,
                timeout,
                policy,
                clock,
                new UnregisteredMetricsGroup());
    }

    private PageFetcher fetcher() {
        return fetcher(
                FetchPolicy.polite().withRetries(4, Duration.ofSeconds(1), Duration.ofMinutes(5)),
                Duration.ofSeconds(5));
    }

    private URI searchPage() {
        return URI.create(market.baseUrl() + "/recommerce/forsale/search?q=stol");
    }

    private List<ServedRequest> pageRequests() {
        return market.servedRequests().stream()
                .filter(r -> !r.path().equals("/robots.txt"))
                .toList();
    }

    @Test
    void readsRobotsTxtOnceSendsItsUserAgentAndHonoursCrawlDelay() throws Exception {
        PageFetcher fetcher = fetcher();

        fetcher.get(searchPage(), "text/html");
        fetcher.get(searchPage(), "text/html");

        assertThat(market.servedRequests())
                .extracting(ServedRequest::path)
                .containsExactly(
                        "/robots.txt",
                        "/recommerce/forsale/search?q=stol",
                        "/recommerce/forsale/search?q=stol");
        assertThat(market.servedRequests()).allMatch(r -> r.userAgent().equals(UA));
        assertThat(clock.sleeps)
                .as("Crawl-delay: 1 spaces the two page requests by a second")
                .contains(1_000_000_000L);
    }

    @Test
    void pathsDisallowedByRobotsTxtAreNeverRequested() {
        PageFetcher fetcher = fetcher();
        URI private_ = URI.create(market.baseUrl() + "/min-konto/beskeder");

        assertThatThrownBy(() -> fetcher.get(private_, "text/html"))
                .isInstanceOf(FetchException.class)
                .hasMessageContaining("robots.txt");
        assertThat(pageRequests()).isEmpty();
    }

    @Test
    void obeysRetryAfterOn429AndThenSucceeds() throws Exception {
        market.faults().throttle(Target.SEARCH_PAGE, 2, Duration.ofSeconds(7));

        FetchedPage page = fetcher().get(searchPage(), "text/html");

        assertThat(page.status()).isEqualTo(200);
        assertThat(pageRequests()).extracting(ServedRequest::status).containsExactly(429, 429, 200);
        assertThat(clock.sleeps).filteredOn(s -> s == 7_000_000_000L).hasSize(2);
    }

    @Test
    void aRetryAfterLongerThanTheInlineWaitFailsFastAndPausesTheHost() {
        market.faults().throttle(Target.SEARCH_PAGE, 1, Duration.ofSeconds(120));
        PageFetcher fetcher =
                fetcher(
                        FetchPolicy.polite()
                                .withRetries(4, Duration.ofSeconds(1), Duration.ofSeconds(30)),
                        Duration.ofSeconds(5));

        assertThatThrownBy(() -> fetcher.get(searchPage(), "text/html"))
                .isInstanceOf(FetchException.class)
                .hasMessageContaining("paused");
        assertThatThrownBy(() -> fetcher.get(searchPage(), "text/html"))
                .as("every later fetch to that host waits too")
                .hasMessageContaining("paused");
        assertThat(pageRequests()).hasSize(1);
    }

    @Test
    void retriesA5xxStormWithGrowingBackoffAndGivesUpAfterMaxAttempts() {
        market.faults().serverErrors(Target.ANY_PAGE, 10, 503);
        PageFetcher fetcher =
                fetcher(
                        FetchPolicy.polite()
                                .withRate(1000, false)
                                .withRetries(4, Duration.ofSeconds(1), Duration.ofMinutes(5)),
                        Duration.ofSeconds(5));

        assertThatThrownBy(() -> fetcher.get(searchPage(), "text/html"))
                .isInstanceOf(FetchException.class)
                .hasMessageContaining("gave up after 4 tries")
                .hasMessageContaining("HTTP 503");
        assertThat(pageRequests()).hasSize(4);
        List<Long> backoffs = clock.sleeps.stream().filter(s -> s >= 400_000_000L).toList();
        assertThat(backoffs).hasSize(3);
        // Equal jitter: try n waits between half and all of 2^(n-1) seconds.
        assertThat(backoffs.get(0)).isBetween(500_000_000L, 1_000_000_000L);
        assertThat(backoffs.get(1)).isBetween(1_000_000_000L, 2_000_000_000L);
        assertThat(backoffs.get(2)).isBetween(2_000_000_000L, 4_000_000_000L);
    }

    @Test
    void aHostThatKeepsFailingHasItsCircuitOpened() {
        market.faults().serverErrors(Target.ANY_PAGE, 100, 500);
        PageFetcher fetcher =
                fetcher(
                        FetchPolicy.polite()
                                .withRetries(2, Duration.ofMillis(10), Duration.ofMinutes(5))
                                .withBreaker(3, Duration.ofMinutes(2)),
                        Duration.ofSeconds(5));

        assertThatThrownBy(() -> fetcher.get(searchPage(), "text/html"))
                .hasMessageContaining("gave up");
        assertThatThrownBy(() -> fetcher.get(searchPage(), "text/html"))
                .hasMessageContaining("circuit open");
        assertThatThrownBy(() -> fetcher.get(searchPage(), "text/html"))
                .hasMessageContaining("circuit open");
        assertThat(pageRequests()).as("two tries, then one that opened the circuit").hasSize(3);
    }

    @Test
    void aSlowPageTimesOutAndIsRetried() throws Exception {
        market.faults().slow(Target.SEARCH_PAGE, 1, Duration.ofSeconds(2));
        PageFetcher fetcher =
                fetcher(
                        FetchPolicy.polite()
                                .withRetries(3, Duration.ofMillis(10), Duration.ofMinutes(5)),
                        Duration.ofMillis(300));

        FetchedPage page = fetcher.get(searchPage(), "text/html");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("sf-search-results");
    }

    @Test
    void notFoundIsAnAnswerNotAFailure() throws Exception {
        FetchedPage page =
                fetcher()
                        .get(
                                URI.create(market.baseUrl() + "/recommerce/forsale/item/1"),
                                "text/html");

        assertThat(page.status()).isEqualTo(404);
        assertThat(pageRequests()).hasSize(1);
    }
}
