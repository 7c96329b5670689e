package dk.dealfinder.testkit.marketplace;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MarketplaceSearchApiTest {

    @RegisterExtension final RunningMarketplace running = new RunningMarketplace();

    private long publish(String title, long price) {
        long id = running.catalogue().publish(ListingDraft.of(title, price));
        running.clock().advance(Duration.ofMinutes(1));
        return id;
    }

    @ParameterizedTest
    @ValueSource(strings = {SiteClient.PRIMARY_API, SiteClient.LEGACY_API})
    void everyTermMustOccurInTitleOrDescription(String apiPath) {
        long phone = publish("iPhone 13 128GB", 2500);
        long cover = publish("Cover til iPhone 13", 100);
        publish("Samsung Galaxy S23", 3000);
        long described =
                running.catalogue()
                        .publish(
                                ListingDraft.of("Telefon sælges", 1800)
                                        .withDescription("Det er en IPHONE 13 mini."));

        assertThat(ids(running.site().json(apiPath + "?q=iphone+13")))
                .containsExactlyInAnyOrder(phone, cover, described);
        assertThat(ids(running.site().json(apiPath + "?q=COVER%20iphone"))).containsExactly(cover);
        assertThat(ids(running.site().json(apiPath + "?q=ipad"))).isEmpty();
    }

    @Test
    void docsHaveTheShapeScrapersRead() {
        long id =
                running.catalogue()
                        .publish(
                                ListingDraft.of("Lego Technic 42100 Liebherr", 2800)
                                        .withPostcode("8000"));

        JsonNode body = running.site().json(SiteClient.PRIMARY_API + "?q=42100");
        JsonNode doc = body.get("docs").get(0);

        String base = running.baseUrl();
        assertThat(doc.get("type").asText()).isEqualTo("bap");
        assertThat(doc.get("id").asText()).isEqualTo(Long.toString(id));
        assertThat(doc.get("ad_id").asLong()).isEqualTo(id);
        assertThat(doc.get("heading").asText()).isEqualTo("Lego Technic 42100 Liebherr");
        assertThat(doc.get("location").asText()).isEqualTo("Aarhus C");
        assertThat(doc.get("canonical_url").asText())
                .isEqualTo(base + "/recommerce/forsale/item/" + id);
        assertThat(doc.get("image_urls").get(0).asText())
                .isEqualTo(base + "/images/" + id + "/1.jpg");
        assertThat(doc.get("price").get("amount").asLong()).isEqualTo(2800);
        assertThat(doc.get("price").get("currency_code").asText()).isEqualTo("DKK");
        assertThat(doc.get("timestamp").asLong()).isEqualTo(RunningMarketplace.NOW.toEpochMilli());
        assertThat(doc.get("trade_type").asText()).isEqualTo("Til salg");
        assertThat(doc.get("flags").get(0).asText()).isEqualTo("private");
        assertThat(body.at("/metadata/result_size/match_count").asInt()).isEqualTo(1);
        assertThat(body.at("/metadata/is_end_of_paging").asBoolean()).isTrue();
    }

    @Test
    void pagesHoldSixtyDocsAndReportTheLastPage() {
        for (int i = 0; i < 130; i++) {
            publish("Racercykel str. 56 nr. " + i, 1000 + i);
        }

        JsonNode first = running.site().json(SiteClient.PRIMARY_API + "?q=racercykel");
        JsonNode third = running.site().json(SiteClient.PRIMARY_API + "?q=racercykel&page=3");
        JsonNode beyond = running.site().json(SiteClient.PRIMARY_API + "?q=racercykel&page=4");

        assertThat(first.get("docs")).hasSize(60);
        assertThat(first.at("/metadata/paging/current").asInt()).isEqualTo(1);
        assertThat(first.at("/metadata/paging/last").asInt()).isEqualTo(3);
        assertThat(first.at("/metadata/result_size/match_count").asInt()).isEqualTo(130);
        assertThat(first.at("/metadata/is_end_of_paging").asBoolean()).isFalse();
        assertThat(third.get("docs")).hasSize(10);
        assertThat(third.at("/metadata/is_end_of_paging").asBoolean()).isTrue();
        assertThat(beyond.get("docs")).isEmpty();
    }

    @Test
    void sortsNewestFirstByDefaultOrByPrice() {
        long old = publish("Sofa A", 3000);
        long middle = publish("Sofa B", 1000);
        long newest = publish("Sofa C", 2000);

        assertThat(ids(running.site().json(SiteClient.PRIMARY_API + "?q=sofa")))
                .containsExactly(newest, middle, old);
        assertThat(ids(running.site().json(SiteClient.PRIMARY_API + "?q=sofa&sort=PRICE_ASC")))
                .containsExactly(middle, newest, old);
        assertThat(ids(running.site().json(SiteClient.PRIMARY_API + "?q=sofa&sort=PRICE_DESC")))
                .containsExactly(old, newest, middle);
    }

    @Test
    void filtersOnPriceRange() {
        publish("Sofa A", 3000);
        long cheap = publish("Sofa B", 1000);
        long middle = publish("Sofa C", 2000);

        assertThat(ids(running.site().json(SiteClient.PRIMARY_API + "?q=sofa&price_to=2000")))
                .containsExactly(middle, cheap);
        assertThat(
                        ids(
                                running.site()
                                        .json(
                                                SiteClient.PRIMARY_API
                                                        + "?q=sofa&price_from=1500&price_to=2500")))
                .containsExactly(middle);
    }

    @Test
    void filtersLooselyOnRegionCodeAndIgnoresUnknownOnes() {
        long copenhagen = running.catalogue().publish(ListingDraft.of("Ladcykel", 7000));
        long aalborg =
                running.catalogue().publish(ListingDraft.of("Ladcykel", 6000).withPostcode("9000"));

        assertThat(
                        ids(
                                running.site()
                                        .json(
                                                SiteClient.PRIMARY_API
                                                        + "?q=ladcykel&location=0.200001")))
                .containsExactly(copenhagen);
        assertThat(
                        ids(
                                running.site()
                                        .json(
                                                SiteClient.PRIMARY_API
                                                        + "?q=ladcykel&location=somewhere")))
                .containsExactlyInAnyOrder(copenhagen, aalborg);
    }

    @Test
    void publishingChangingAndRemovingShowUpInSearch() {
        long id = publish("Nintendo Switch OLED", 1800);
        assertThat(prices(running.site().json(SiteClient.PRIMARY_API + "?q=switch")))
                .containsExactly(1800L);

        running.catalogue().changePrice(id, 1400);
        assertThat(prices(running.site().json(SiteClient.PRIMARY_API + "?q=switch")))
                .containsExactly(1400L);

        running.catalogue().remove(id);
        assertThat(ids(running.site().json(SiteClient.PRIMARY_API + "?q=switch"))).isEmpty();
    }

    @Test
    void aSwitchedOffPathAnswers404WhileTheOtherServes() {
        running.restart(MarketplaceOptions.empty().withSearchApiPaths(false, true));
        running.catalogue().publish(ListingDraft.of("AirPods Pro 2. gen", 1000));

        assertThat(running.site().get(SiteClient.PRIMARY_API + "?q=airpods").statusCode())
                .isEqualTo(404);
        assertThat(running.site().json(SiteClient.LEGACY_API + "?q=airpods").get("docs"))
                .hasSize(1);
    }

    @Test
    void bothPathsServeTheSameDefaultCatalogue() {
        running.restart(MarketplaceOptions.defaults());

        JsonNode primary = running.site().json(SiteClient.PRIMARY_API + "?q=iphone");
        JsonNode legacy = running.site().json(SiteClient.LEGACY_API + "?q=iphone");

        assertThat(primary).isEqualTo(legacy);
        assertThat(primary.at("/metadata/result_size/match_count").asInt()).isGreaterThan(30);
    }

    private static List<Long> ids(JsonNode body) {
        List<Long> ids = new ArrayList<>();
        body.get("docs").forEach(doc -> ids.add(doc.get("ad_id").asLong()));
        return ids;
    }

    private static List<Long> prices(JsonNode body) {
        List<Long> prices = new ArrayList<>();
        body.get("docs").forEach(doc -> prices.add(doc.at("/price/amount").asLong()));
        return prices;
    }
}
