package dk.dealfinder.scraper.site;

import static org.assertj.core.api.Assertions.assertThat;

import dk.dealfinder.testkit.marketplace.ListingDraft;
import dk.dealfinder.testkit.marketplace.LocalMarketplace;
import dk.dealfinder.testkit.marketplace.MarketplaceOptions;
import dk.dealfinder.testkit.marketplace.SellerType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class ItemPageParserTest {

    private static final String URL = "https://www.dba.dk/recommerce/forsale/item/123";

    @Test
    void readsEveryFieldFromTheMarketplacesItemPage() throws Exception {
        try (var market = LocalMarketplace.start(MarketplaceOptions.empty())) {
            long id =
                    market.catalogue()
                            .publish(
                                    ListingDraft.of("Wegner CH24 <stol>", 2250)
                                            .withDescription("Flot stol & ægte papirsnor")
                                            .withPostcode("8000")
                                            .withCategory("Stole")
                                            .withCondition("Brugt - som ny")
                                            .withSellerType(SellerType.DEALER));
            String url = market.baseUrl() + "/recommerce/forsale/item/" + id;
            String html =
                    HttpClient.newHttpClient()
                            .send(
                                    HttpRequest.newBuilder(URI.create(url)).build(),
                                    HttpResponse.BodyHandlers.ofString())
                            .body();

            ItemDetails item = ItemPageParser.parse(html, url);

            assertThat(item.description()).isEqualTo("Flot stol & ægte papirsnor");
            assertThat(item.postcode()).isEqualTo("8000");
            assertThat(item.postalName()).isEqualTo("Aarhus C");
            assertThat(item.hasCoordinates()).isTrue();
            assertThat(item.latitude()).isBetween(54.0, 58.0);
            assertThat(item.condition()).isEqualTo("Brugt - som ny");
            assertThat(item.category()).isEqualTo("Stole");
            assertThat(item.sellerType()).isEqualTo(SellerType.DEALER.flag());
            assertThat(item.tradeType()).isEqualTo("Til salg");
            assertThat(item.imageUrls())
                    .isNotEmpty()
                    .allMatch(u -> u.startsWith(url.substring(0, 22)));
            assertThat(item.inactive()).isFalse();
        }
    }

    @Test
    void withoutHydrationDataJsonLdStillGivesDescriptionImagesConditionAndCategory() {
        String html =
                """
                <html><head><script type="application/ld+json">
                {"@type":"Product","name":"Sofa","description":"Blå sofa, 3 pers.",
                 "image":["https://img/1.jpg","https://img/2.jpg"],"category":"Sofaer",
                 "itemCondition":"https://schema.org/DamagedCondition",
                 "offers":{"price":500,"availability":"https://schema.org/SoldOut"}}
                </script></head><body><main>
                <p class="item-location">2100 København Ø</p></main></body></html>
                """;

        ItemDetails item = ItemPageParser.parse(html, URL);

        assertThat(item.description()).isEqualTo("Blå sofa, 3 pers.");
        assertThat(item.imageUrls()).containsExactly("https://img/1.jpg", "https://img/2.jpg");
        assertThat(item.condition()).isEqualTo("Defekt");
        assertThat(item.category()).isEqualTo("Sofaer");
        assertThat(item.inactive()).isTrue();
        assertThat(item.location()).as("from the HTML layer").isEqualTo("2100 København Ø");
        assertThat(item.hasCoordinates()).isFalse();
    }

    @Test
    void plainHtmlAloneGivesWhatItCanAndBrokenScriptsAreIgnored() {
        String html =
                """
                <html><head><script type="application/ld+json">{not json</script></head><body>
                <main class="recommerce-item"><h1>Cykel</h1>
                <img src="/images/123/1.jpg">
                <p class="item-location">Odense</p>
                <div class="item-description">Racercykel str. 56</div></main>
                <script>window.__staticRouterHydrationData = {"loaderData": </script>
                </body></html>
                """;

        ItemDetails item = ItemPageParser.parse(html, URL);

        assertThat(item.description()).isEqualTo("Racercykel str. 56");
        assertThat(item.imageUrls()).containsExactly("https://www.dba.dk/images/123/1.jpg");
        assertThat(item.postcode()).isEmpty();
        assertThat(item.location()).isEqualTo("Odense");
        assertThat(item.condition()).isEmpty();
    }

    @Test
    void anEmptyPageIsToleratedAsNoDetails() {
        ItemDetails item = ItemPageParser.parse("", URL);

        assertThat(item.description()).isEmpty();
        assertThat(item.imageUrls()).isEmpty();
        assertThat(item.location()).isEmpty();
    }
}
