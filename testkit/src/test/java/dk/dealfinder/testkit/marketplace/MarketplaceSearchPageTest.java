package dk.dealfinder.testkit.marketplace;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class MarketplaceSearchPageTest {

    @RegisterExtension final RunningMarketplace running = new RunningMarketplace();

    @Test
    void rendersOneCardPerAdWithLinkPriceLocationAndDanishDate() {
        long id = running.catalogue().publish(ListingDraft.of("Wegner CH24 Y-stol", 2250));

        HttpResponse<String> response = running.site().get("/recommerce/forsale/search?q=wegner");
        String html = response.body();

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValue("text/html; charset=utf-8");
        assertThat(count(html, "<article class=\"sf-search-ad\"")).isEqualTo(1);
        assertThat(html)
                .contains(
                        "<a class=\"sf-search-ad-link\" id=\""
                                + id
                                + "\" href=\"/recommerce/forsale/item/"
                                + id
                                + "\">Wegner CH24 Y-stol</a>")
                .contains("2.250 kr.")
                .contains("København Ø")
                .contains("i dag 14:32")
                .contains("<img src=\"" + running.baseUrl() + "/images/" + id + "/1.jpg\"");
    }

    @Test
    void freeAdsSayGivesVaekAndOlderAdsShowYesterdayOrTheDate() {
        running.catalogue().publish(ListingDraft.of("Sofabord i eg", 0));
        running.clock().advance(Duration.ofDays(1));
        running.catalogue().publish(ListingDraft.of("Sofabord i teak", 400));
        running.clock().advance(Duration.ofDays(1));

        String html = running.site().get("/recommerce/forsale/search?q=sofabord").body();

        assertThat(html)
                .contains("Gives væk")
                .contains("400 kr.")
                .contains("i går 14:32")
                .contains("12. nov.");
    }

    @Test
    void hostileTitlesAreEscapedInMarkupAndInStructuredData() {
        running.catalogue().publish(ListingDraft.of("iPhone 13 <script>alert(1)</script>", 2000));
        running.catalogue().publish(ListingDraft.of("IKEA \"Kivik\" sofa & puf", 1200));

        String html = running.site().get("/recommerce/forsale/search?q=").body();

        assertThat(html).doesNotContain("<script>alert(1)</script>");
        assertThat(html).contains("iPhone 13 &lt;script&gt;alert(1)&lt;/script&gt;");
        assertThat(html).contains("IKEA &quot;Kivik&quot; sofa &amp; puf");
        assertThat(html).contains("\\u003Cscript\\u003Ealert(1)\\u003C/script\\u003E");
        JsonNode page = SiteClient.scriptJson(html, "id=\"seoStructuredData\"");
        assertThat(page.at("/mainEntity/itemListElement"))
                .extracting(e -> e.at("/item/name").asText())
                .containsExactlyInAnyOrder(
                        "iPhone 13 <script>alert(1)</script>", "IKEA \"Kivik\" sofa & puf");
    }

    @Test
    void structuredDataListsTheSameAdsAsTheCards() {
        long id = running.catalogue().publish(ListingDraft.of("PlayStation 5 Disc Edition", 3000));

        JsonNode page =
                SiteClient.scriptJson(
                        running.site().get("/recommerce/forsale/search?q=playstation").body(),
                        "id=\"seoStructuredData\"");

        assertThat(page.get("@type").asText()).isEqualTo("CollectionPage");
        JsonNode item = page.at("/mainEntity/itemListElement/0/item");
        assertThat(item.get("url").asText())
                .isEqualTo(running.baseUrl() + "/recommerce/forsale/item/" + id);
        assertThat(item.get("name").asText()).isEqualTo("PlayStation 5 Disc Edition");
        assertThat(item.at("/offers/price").asLong()).isEqualTo(3000);
        assertThat(item.at("/offers/priceCurrency").asText()).isEqualTo("DKK");
    }

    @Test
    void defaultCatalogueRendersAFullFirstPage() {
        running.restart(MarketplaceOptions.defaults());

        String html =
                running.site()
                        .get("/recommerce/forsale/search?q=&page=1&sort=PUBLISHED_DESC")
                        .body();

        assertThat(count(html, "<article class=\"sf-search-ad\"")).isEqualTo(60);
        assertThat(html).contains("rel=\"next\"");
        assertThat(
                        SiteClient.scriptJson(html, "id=\"seoStructuredData\"")
                                .at("/mainEntity/itemListElement"))
                .hasSize(60);
    }

    private static int count(String text, String needle) {
        Matcher matcher = Pattern.compile(Pattern.quote(needle)).matcher(text);
        int found = 0;
        while (matcher.find()) {
            found++;
        }
        return found;
    }
}
