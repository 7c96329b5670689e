package dk.dealfinder.scraper.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.dealfinder.core.model.RawListing;
import dk.dealfinder.core.model.SellerType;
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
                   "timestamp":1763733120000,"trade_type":"Til salg",
                   "flags":["shipping","dealer"]},
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
        assertThat(first.sellerType()).isEqualTo(SellerType.DEALER);
        assertThat(first.category()).as("the search API does not say").isNull();
        RawListing second = page.listings().get(1);
        assertThat(second.url()).isEqualTo("https://www.dba.dk/recommerce/forsale/item/102");
        assertThat(second.priceText()).isEmpty();
        assertThat(second.currency()).isEqualTo("DKK");
        assertThat(second.sellerType()).as("no flags: unknown, not guessed").isNull();
    }

    @Test
    void readsTheSellerTypeFromTheSitesWordAndIgnoresOtherWords() {
        assertThat(RecommerceAdapter.sellerTypeOf("private")).isEqualTo(SellerType.PRIVATE);
        assertThat(RecommerceAdapter.sellerTypeOf(" Dealer ")).isEqualTo(SellerType.DEALER);
        assertThat(RecommerceAdapter.sellerTypeOf("company")).isEqualTo(SellerType.DEALER);
        assertThat(RecommerceAdapter.sellerTypeOf("shipping")).isNull();
        assertThat(RecommerceAdapter.sellerTypeOf("")).isNull();
        assertThat(RecommerceAdapter.sellerTypeOf(null)).isNull();
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

    @Test
    void theHtmlSearchPageFallsBackToJsonLdWhenCardsAreMissingAndSaysWhenItIsEmpty() {
        String html =
                """
                <html><head><script type="application/ld+json" id="seoStructuredData">
                {"@type":"CollectionPage","mainEntity":{"@type":"ItemList","itemListElement":[
                  {"@type":"ListItem","position":1,"item":{"url":"https://www.dba.dk/recommerce/forsale/item/77",
                   "name":"Lego 42100","image":"https://img/77.jpg","offers":{"price":2000,"priceCurrency":"DKK"}}}
                ]}}</script></head><body><p class="sf-result-count">1 annoncer</p></body></html>
                """;

        SearchPage page =
                dba.parseSearchPage(html, "https://www.dba.dk/recommerce/forsale/search", 5L);

        assertThat(page.listings()).extracting(RawListing::adId).containsExactly("77");
        assertThat(page.listings().get(0).priceText()).isEqualTo("2000");
        assertThat(page.lastPage()).isTrue();
        assertThat(page.contentButNoListings()).isFalse();

        SearchPage empty =
                dba.parseSearchPage(
                        "<html><body><p class=\"sf-result-count\">0 annoncer</p></body></html>",
                        "https://www.dba.dk/",
                        5L);
        assertThat(empty.listings()).isEmpty();
        assertThat(empty.contentButNoListings())
                .as("a quiet search, not a layout change")
                .isFalse();
    }

    @Test
    void anItemPageCompletesASearchResultAndMissingFieldsKeepWhatTheSearchHad() {
        RawListing fromSearch =
                new RawListing(
                        "dba.dk",
                        "1",
                        "u",
                        "Stol",
                        "",
                        "100",
                        "DKK",
                        "Aarhus C",
                        "5",
                        java.util.List.of("s.jpg"),
                        "",
                        9L);
        ItemDetails item =
                new ItemDetails(
                        "God stand",
                        java.util.List.of("a.jpg", "b.jpg"),
                        "8000",
                        "Aarhus C",
                        56.1,
                        10.2,
                        "Brugt",
                        "Stole",
                        "private",
                        "Til salg",
                        false);

        RawListing complete = dba.withItemPage(fromSearch, item);

        assertThat(complete.description()).isEqualTo("God stand");
        assertThat(complete.imageUrls()).containsExactly("a.jpg", "b.jpg");
        assertThat(complete.location()).isEqualTo("8000 Aarhus C");
        assertThat(complete.tradeType()).isEqualTo("Til salg");
        assertThat(complete.priceText()).isEqualTo("100");
        assertThat(complete.sellerType()).isEqualTo(SellerType.PRIVATE);
        assertThat(complete.category()).isEqualTo("Stole");

        RawListing untouched = dba.withItemPage(fromSearch, ItemDetails.none());
        assertThat(untouched).isEqualTo(fromSearch);
    }
}
