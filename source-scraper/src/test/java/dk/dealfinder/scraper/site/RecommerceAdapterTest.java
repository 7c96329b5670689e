package dk.dealfinder.scraper.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.dealfinder.core.model.RawListing;
import org.junit.jupiter.api.Test;

class RecommerceAdapterTest {

    private final RecommerceAdapter dba =
            new RecommerceAdapter("dba.dk", "https://www.dba.dk/", "DKK");

    @Test
    void buildsTheSearchApiUrlOnEitherKnownPath() {
        assertThat(dba.searchApiUri(0, "iPhone 13 æ", 2).toString())
                .isEqualTo(
                        "https://www.dba.dk/recommerce/forsale/search/api/search/SEARCH_ID_BAP_COMMON?q=iPhone+13+%C3%A6&page=2&sort=PUBLISHED_DESC");
        assertThat(dba.searchApiUri(1, "x", 1).getPath())
                .isEqualTo("/recommerce-search-page/api/search/SEARCH_ID_BAP_COMMON");
    }

    @Test
    void readsDocsAndSkipsNonAdsAndToleratesMissingFields() throws Exception {
        String body =
                """
                {"docs":[
                  {"type":"bap","id":"101","heading":"iPhone 13","location":"København Ø",
                   "canonical_url":"https://www.dba.dk/recommerce/forsale/item/101",
                   "image_urls":["https://img/1.jpg"],"price":{"amount":2500,"currency_code":"DKK"},
                   "timestamp":1763733120000,"trade_type":"Til salg"},
                  {"type":"banner","id":"x"},
                  {"id":102,"heading":"Sofa"}
                ],"metadata":{"is_end_of_paging":true}}
                """;
        SearchPage page = dba.parseSearchApi(body, 42L);

        assertThat(page.lastPage()).isTrue();
        assertThat(page.listings()).extracting(RawListing::adId).containsExactly("101", "102");
        RawListing first = page.listings().get(0);
        assertThat(first.priceText()).isEqualTo("2500");
        assertThat(first.publishedText()).isEqualTo("1763733120000");
        assertThat(first.imageUrls()).containsExactly("https://img/1.jpg");
        RawListing second = page.listings().get(1);
        assertThat(second.url()).isEqualTo("https://www.dba.dk/recommerce/forsale/item/102");
        assertThat(second.priceText()).isEmpty();
        assertThat(second.currency()).isEqualTo("DKK");
    }

    @Test
    void malformedRepliesAreNamedAsSuch() {
        assertThatThrownBy(() -> dba.parseSearchApi("<html>blocked</html>", 1))
                .isInstanceOf(MalformedPageException.class)
                .hasMessageContaining("not JSON");
        assertThatThrownBy(() -> dba.parseSearchApi("{\"results\":[]}", 1))
                .isInstanceOf(MalformedPageException.class)
                .hasMessageContaining("no docs[] array");
    }
}
