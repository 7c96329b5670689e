package dk.dealfinder.testkit.marketplace;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LocalMarketplaceTest {

    private static final Instant NOW = Instant.parse("2025-11-12T13:32:00Z");

    @Test
    void bindsLoopbackOnAnEphemeralPort() {
        try (LocalMarketplace marketplace = LocalMarketplace.start(MarketplaceOptions.empty())) {
            assertThat(marketplace.port()).isPositive();
            assertThat(marketplace.baseUrl().toString())
                    .isEqualTo("http://127.0.0.1:" + marketplace.port())
                    .doesNotEndWith("/");
        }
    }

    @Test
    void robotsTxtAllowsRecommerceWithACrawlDelay() {
        try (LocalMarketplace marketplace = LocalMarketplace.start(MarketplaceOptions.empty())) {
            String robots = new SiteClient(marketplace).get("/robots.txt").body();

            assertThat(robots)
                    .contains(
                            "User-agent: *",
                            "Allow: /recommerce/",
                            "Disallow: /min-konto/",
                            "Crawl-delay: 1");
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/recommerce/forsale/search?q=sofa&page=abc",
                "/recommerce/forsale/search?page=0",
                SiteClient.PRIMARY_API + "?q=sofa&page=-1",
                SiteClient.PRIMARY_API + "?sort=CHEAPEST",
                SiteClient.LEGACY_API + "?price_from=mange",
                SiteClient.PRIMARY_API + "?price_to=1.5",
            })
    void badParametersAre400WithAShortMessage(String pathAndQuery) {
        try (LocalMarketplace marketplace = LocalMarketplace.start(MarketplaceOptions.empty())) {
            HttpResponse<String> response = new SiteClient(marketplace).get(pathAndQuery);

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.body()).isNotBlank().hasSizeLessThan(200);
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/",
                "/min-konto/",
                "/recommerce/forsale/item/",
                "/images/1/x.png",
                "/recommerce/forsale/search/api/search/OTHER"
            })
    void unknownPathsAre404(String path) {
        try (LocalMarketplace marketplace = LocalMarketplace.start(MarketplaceOptions.empty())) {
            assertThat(new SiteClient(marketplace).get(path).statusCode()).isEqualTo(404);
        }
    }

    @Test
    void countsEveryRequestWhateverItsAnswer() {
        try (LocalMarketplace marketplace = LocalMarketplace.start(MarketplaceOptions.empty())) {
            SiteClient site = new SiteClient(marketplace);
            site.get("/robots.txt");
            site.get("/nowhere");
            site.get(SiteClient.PRIMARY_API + "?page=abc");

            assertThat(marketplace.requestCount()).isEqualTo(3);
        }
    }

    @Test
    void defaultsPreloadHalfOfSixHundredListings() {
        try (LocalMarketplace marketplace = LocalMarketplace.start(MarketplaceOptions.defaults())) {
            assertThat(marketplace.catalogue().size()).isEqualTo(600);
            assertThat(marketplace.catalogue().published()).hasSize(300);
            assertThat(marketplace.catalogue().waitingCount()).isEqualTo(300);
        }
    }

    @Test
    void scenarioStepsPlayOutTheSameForTheSameSeed() {
        MarketplaceOptions options = MarketplaceOptions.defaults().withCatalogueSize(100);
        try (LocalMarketplace first = LocalMarketplace.start(options, ScenarioClock.fixed(NOW));
                LocalMarketplace second =
                        LocalMarketplace.start(options, ScenarioClock.fixed(NOW))) {
            for (int i = 0; i < 30; i++) {
                first.stepScenario();
                second.stepScenario();
                first.clock().advance(Duration.ofSeconds(2));
                second.clock().advance(Duration.ofSeconds(2));
            }

            List<MarketListing> played = first.catalogue().all();
            assertThat(played).isEqualTo(second.catalogue().all());
            assertThat(first.catalogue().published()).hasSizeGreaterThan(50);
            assertThat(played).anyMatch(l -> l.priceHistory().size() > 1);
            assertThat(played).anyMatch(l -> !l.active());
        }
    }

    @Test
    void startedScenarioPublishesWaitingListingsOverTime() throws InterruptedException {
        MarketplaceOptions options =
                MarketplaceOptions.defaults()
                        .withCatalogueSize(50)
                        .withScenarioTick(Duration.ofMillis(20));
        try (LocalMarketplace marketplace = LocalMarketplace.start(options)) {
            CountDownLatch published = new CountDownLatch(5);
            marketplace.catalogue().subscribe(listing -> published.countDown());

            marketplace.startScenario();

            assertThat(published.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(marketplace.catalogue().waitingCount()).isLessThan(25);
        }
    }
}
