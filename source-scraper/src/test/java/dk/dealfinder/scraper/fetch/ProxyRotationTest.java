package dk.dealfinder.scraper.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import dk.dealfinder.testkit.marketplace.LocalMarketplace;
import dk.dealfinder.testkit.marketplace.MarketplaceOptions;
import dk.dealfinder.testkit.marketplace.ServedRequest;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Through a real tinyproxy, with a second, dead proxy in the rotation. */
class ProxyRotationTest {

    @Test
    void aDeadProxyIsBenchedAndEveryPageStillArrivesThroughTheLiveOne(@TempDir Path dir)
            throws Exception {
        AtomicLong now = new AtomicLong();
        try (LocalMarketplace market = LocalMarketplace.start(MarketplaceOptions.empty());
                TinyProxy tinyproxy = TinyProxy.start(dir)) {
            String dead = "127.0.0.1:" + TinyProxy.freePort();
            ProxyRotation rotation =
                    new ProxyRotation(
                            List.of(dead, tinyproxy.address()),
                            Duration.ofSeconds(2),
                            Duration.ofMinutes(5),
                            now::get);
            PageFetcher fetcher =
                    new PageFetcher(
                            rotation,
                            "dealfinder-test",
                            Duration.ofSeconds(5),
                            FetchPolicy.polite()
                                    .withRate(1000, false)
                                    .withRetries(3, Duration.ofMillis(1), Duration.ofSeconds(5)),
                            HostClock.SYSTEM,
                            new UnregisteredMetricsGroup());
            URI search = URI.create(market.baseUrl() + "/recommerce/forsale/search?q=stol");

            for (int i = 0; i < 4; i++) {
                assertThat(fetcher.get(search, "text/html").status()).isEqualTo(200);
            }

            assertThat(rotation.healthy()).isEqualTo(1);
            List<ServedRequest> served = market.servedRequests();
            assertThat(served).hasSize(5);
            assertThat(served)
                    .as("every request came through tinyproxy")
                    .allMatch(r -> r.viaHeader().contains("tinyproxy"));

            now.addAndGet(Duration.ofMinutes(5).toNanos());
            assertThat(rotation.healthy())
                    .as("the bench ends and the proxy is tried again")
                    .isEqualTo(2);
        }
    }
}
