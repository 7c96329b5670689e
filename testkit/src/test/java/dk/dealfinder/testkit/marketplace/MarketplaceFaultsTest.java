package dk.dealfinder.testkit.marketplace;

import static org.assertj.core.api.Assertions.assertThat;

import dk.dealfinder.testkit.marketplace.MarketplaceFaults.Target;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class MarketplaceFaultsTest {

    private static final String SEARCH_API = SiteClient.PRIMARY_API + "?q=stol";
    private static final String SEARCH_PAGE = "/recommerce/forsale/search?q=stol";

    @RegisterExtension final RunningMarketplace running = new RunningMarketplace();

    @Test
    void throttlingAnswers429WithRetryAfterForTheArmedNumberOfRequests() {
        running.marketplace().faults().throttle(Target.SEARCH_API, 2, Duration.ofSeconds(7));

        HttpResponse<String> first = running.site().get(SEARCH_API);
        HttpResponse<String> item = running.site().get("/robots.txt");
        HttpResponse<String> second = running.site().get(SEARCH_API);
        HttpResponse<String> third = running.site().get(SEARCH_API);

        assertThat(first.statusCode()).isEqualTo(429);
        assertThat(first.headers().firstValue("Retry-After")).hasValue("7");
        assertThat(item.statusCode()).as("robots.txt is never faulted").isEqualTo(200);
        assertThat(second.statusCode()).isEqualTo(429);
        assertThat(third.statusCode()).isEqualTo(200);
    }

    @Test
    void aServerErrorStormHitsOnlyItsTarget() {
        running.marketplace().faults().serverErrors(Target.SEARCH_PAGE, 3, 503);

        assertThat(running.site().get(SEARCH_API).statusCode()).isEqualTo(200);
        for (int i = 0; i < 3; i++) {
            assertThat(running.site().get(SEARCH_PAGE).statusCode()).isEqualTo(503);
        }
        assertThat(running.site().get(SEARCH_PAGE).statusCode()).isEqualTo(200);
    }

    @Test
    void truncatedAndMalformedPagesAreBrokenButSuccessful() {
        running.catalogue().publish(ListingDraft.of("Stol i eg", 300));
        String whole = running.site().get(SEARCH_API).body();
        running.marketplace().faults().truncate(Target.ANY_PAGE, 1).malformed(Target.ANY_PAGE, 1);

        HttpResponse<String> truncated = running.site().get(SEARCH_API);
        HttpResponse<String> malformed = running.site().get(SEARCH_API);

        assertThat(truncated.statusCode()).isEqualTo(200);
        assertThat(truncated.body()).isEqualTo(whole.substring(0, truncated.body().length()));
        assertThat(truncated.body().length()).isLessThan(whole.length());
        assertThat(malformed.statusCode()).isEqualTo(200);
        assertThat(malformed.body()).contains("tekniske problemer").doesNotContain("docs");
    }

    @Test
    void slowPagesStillArrive() {
        running.marketplace().faults().slow(Target.ANY_PAGE, 1, Duration.ofMillis(300));
        long start = System.nanoTime();
        HttpResponse<String> slow = running.site().get(SEARCH_API);

        assertThat(slow.statusCode()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - start))
                .isGreaterThan(Duration.ofMillis(250));
    }

    @Test
    void aRedesignedSiteKeepsItsAdsUnderNewNames() {
        running.catalogue().publish(ListingDraft.of("Stol i eg", 300));
        running.marketplace().faults().layoutChanged(true);

        String api = running.site().get(SEARCH_API).body();
        String page = running.site().get(SEARCH_PAGE).body();

        assertThat(api).contains("\"results\":[").doesNotContain("\"docs\"");
        assertThat(page)
                .contains("class=\"ad-tile\"", "Stol i eg")
                .doesNotContain("sf-search-ad", "seoStructuredData");
        running.marketplace().faults().clear();
        assertThat(running.site().get(SEARCH_PAGE).body()).contains("sf-search-ad");
    }

    @Test
    void aScriptRenderedPageShipsNoCardsUntilItsScriptRuns() {
        running.catalogue().publish(ListingDraft.of("Stol i eg", 300));
        running.marketplace().faults().scriptRenderedSearch(true);

        String page = running.site().get(SEARCH_PAGE).body();

        assertThat(page)
                .contains("<div class=\"sf-search-results\">\n</div>", "innerHTML")
                .doesNotContain("<article", "seoStructuredData");
    }

    @Test
    void everyServedRequestIsLoggedWithItsUserAgentAndStatus() {
        running.marketplace().faults().serverErrors(Target.ITEM_PAGE, 1, 500);
        running.site().get("/recommerce/forsale/item/1");
        running.site().get(SEARCH_API);

        assertThat(running.marketplace().servedRequests())
                .extracting(ServedRequest::path, ServedRequest::status)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("/recommerce/forsale/item/1", 500),
                        org.assertj.core.groups.Tuple.tuple(SEARCH_API, 200));
        assertThat(running.marketplace().servedRequests().get(0).userAgent())
                .startsWith("Java-http-client");
    }
}
