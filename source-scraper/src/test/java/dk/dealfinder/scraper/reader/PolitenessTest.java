package dk.dealfinder.scraper.reader;

import static org.assertj.core.api.Assertions.assertThat;

import dk.dealfinder.scraper.fetch.FetchPolicy;
import dk.dealfinder.scraper.site.RecommerceAdapter;
import dk.dealfinder.scraper.split.SearchSplit;
import dk.dealfinder.testkit.marketplace.ListingDraft;
import dk.dealfinder.testkit.marketplace.LocalMarketplace;
import dk.dealfinder.testkit.marketplace.MarketplaceOptions;
import dk.dealfinder.testkit.marketplace.ServedRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.flink.connector.base.source.reader.splitreader.SplitsAddition;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;
import org.junit.jupiter.api.Test;

/**
 * Counts, at the marketplace's own server, how many requests per second three feeds of one reader
 * send to one host. The limit is set to 5/s so the test is quick; the default is 1/s.
 */
class PolitenessTest {

    private static final double RATE = 5.0;

    @Test
    void threeFeedsTogetherStayWithinTheRateOfTheirHost() {
        try (LocalMarketplace market = LocalMarketplace.start(MarketplaceOptions.empty())) {
            for (int i = 0; i < 8; i++) {
                market.catalogue().publish(ListingDraft.of("Stol og bord og lampe " + i, 100 + i));
            }
            var adapter = new RecommerceAdapter("dba.dk", market.baseUrl().toString(), "DKK");
            var settings =
                    new ScraperSettings(Duration.ofMillis(1), Duration.ofSeconds(5), 1, "polite")
                            .withPoliteness(FetchPolicy.polite().withRate(RATE, false));
            var reader =
                    new SearchSplitReader(
                            Map.of("dba.dk", adapter),
                            settings,
                            DeadLetterOutput.LOG_ONLY,
                            new UnregisteredMetricsGroup(),
                            Clock.systemUTC());
            reader.handleSplitsChanges(
                    new SplitsAddition<>(
                            List.of(
                                    SearchSplit.fresh("dba.dk", "a", "stol"),
                                    SearchSplit.fresh("dba.dk", "b", "bord"),
                                    SearchSplit.fresh("dba.dk", "c", "lampe"))));

            while (market.servedRequests().size() < 30) {
                reader.fetch();
            }

            List<ServedRequest> served = market.servedRequests();
            assertThat(served).extracting(ServedRequest::status).containsOnly(200);
            assertThat(served)
                    .extracting(ServedRequest::path)
                    .anyMatch(p -> p.contains("/item/"))
                    .anyMatch(p -> p.contains("q=lampe"));
            // Requests leave 200 ms apart, so a one-second window can hold RATE + 1 of them
            // when one lands on each edge; network jitter decides which side of the edge.
            assertThat(maxRequestsInAnySecond(served))
                    .as("requests to one host in any one-second window")
                    .isLessThanOrEqualTo((int) RATE + 1);
            double seconds =
                    (served.get(served.size() - 1).receivedNanos() - served.get(0).receivedNanos())
                            / 1e9;
            assertThat((served.size() - 1) / seconds)
                    .as("average requests per second over the whole run")
                    .isLessThanOrEqualTo(RATE * 1.05);
        }
    }

    /** The most arrivals that fall inside any window [t, t + 1 s) that starts at an arrival. */
    private static int maxRequestsInAnySecond(List<ServedRequest> served) {
        long second = Duration.ofSeconds(1).toNanos();
        int max = 0;
        for (int i = 0; i < served.size(); i++) {
            int n = 0;
            for (int j = i;
                    j < served.size()
                            && served.get(j).receivedNanos() - served.get(i).receivedNanos()
                                    < second;
                    j++) {
                n++;
            }
            max = Math.max(max, n);
        }
        return max;
    }
}
