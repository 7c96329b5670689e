package dk.dealfinder.alertserver.listings;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.dealfinder.alertserver.AlertServer;
import dk.dealfinder.alertserver.AlertServerHttp;
import dk.dealfinder.alertserver.StoredRows;
import dk.dealfinder.alertserver.TestBackends;
import dk.dealfinder.alertserver.TestBackends.TestUser;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The listings REST API on a real server over the shared PostgreSQL. */
class ListingApiTest {

    private static final AlertServerHttp HTTP = new AlertServerHttp();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HOSTILE = "<img src=x onerror=alert(1)>";
    private static final Instant NOW = Instant.now();

    private static AlertServer server;

    private final ListingRows rows = new ListingRows();
    private final TestUser user = TestBackends.newUser("api");

    @BeforeAll
    static void start() {
        server = AlertServer.start(TestBackends.settings());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HTTP.get(server, path, user.bearer());
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }

    private static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Test
    void searchPagesSortsAndReturnsTheSellersTitleVerbatim() throws Exception {
        String hostile = rows.listing("1", HOSTILE, 100L, NOW.minus(Duration.ofDays(1)));
        rows.listing("2", "Cykel", 200L, NOW.minus(Duration.ofDays(2)));
        rows.listing("3", "Cykel", 300L, NOW.minus(Duration.ofDays(3)));

        HttpResponse<String> response =
                get("/api/listings?text=" + rows.tag + "&sort=price_desc&page=2&pageSize=2");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        JsonNode page = json(response);
        assertThat(page.path("total").asLong()).isEqualTo(3);
        assertThat(page.path("page").asInt()).isEqualTo(2);
        assertThat(page.path("pageSize").asInt()).isEqualTo(2);
        JsonNode only = page.path("items").get(0);
        assertThat(page.path("items")).hasSize(1);
        assertThat(only.path("listingKey").asText()).isEqualTo(hostile);
        assertThat(only.path("title").asText()).isEqualTo(HOSTILE + " " + rows.tag);
        assertThat(only.path("price").asLong()).isEqualTo(100);
        assertThat(only.path("dealScore").isNull()).isTrue();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "/api/listings?minPrice=abc | minPrice",
                "/api/listings?minPrice=-1 | minPrice",
                "/api/listings?minPrice=500&maxPrice=100 | maxPrice",
                "/api/listings?minScore=101 | minScore",
                "/api/listings?verdict=GREAT | verdict",
                "/api/listings?sort=CHEAPEST | sort",
                "/api/listings?page=0 | page",
                "/api/listings?pageSize=101 | pageSize",
                "/api/listings?pageSize=1&pageSize=2 | pageSize",
                "/api/listings?minprice=100 | minprice",
                "/api/listings?text=a+b+c+d+e+f+g+h+i+j+k | text",
                "/api/deals/top?days=0 | days",
                "/api/deals/top?limit=many | limit",
                "/api/alerts?pageSize=1000 | pageSize",
                "/api/favourites?page=1 | page",
                "/api/listings?text=a%00b | text",
                "/api/listings?site=%00 | site",
            })
    void invalidParametersAre400sThatNameThem(String path, String field) throws Exception {
        HttpResponse<String> response = get(path);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(json(response).path("problems").get(0).path("field").asText()).isEqualTo(field);
    }

    @Test
    void aNulInTheKeyIsRefusedByJettyBeforeAnyQuery() throws Exception {
        assertThat(get("/api/listings/dba.dk:1%00").statusCode()).isEqualTo(400);
        assertThat(
                        HTTP.send(server, "PUT", "/api/favourites/dba.dk:1%00", null, user.bearer())
                                .statusCode())
                .isEqualTo(400);
    }

    @Test
    void detailCarriesTheItemPagesFactsAndTheSellerAndDistanceParts() throws Exception {
        String query = TestBackends.ownedQuery(user, "sofa").id();
        String known = rows.listing("21", "Sofa", 900L, NOW.minus(Duration.ofDays(1)));
        String unknown = rows.listing("22", "Lampe", 100L, NOW.minus(Duration.ofDays(1)));
        StoredRows.itemFacts(known, "DEALER", "Sofaer", "Brugt - god stand", 56.15, 10.2);
        ListingRows.match(query, known, 1, "RELEVANT", 70, "under market");
        StoredRows.sellerAndDistanceParts(query, known, 1, 0.3, 0.8);
        ListingRows.match(query, unknown, 1, "RELEVANT", 60, "under market");

        JsonNode detail = json(get("/api/listings/" + known));
        assertThat(detail.path("facts").path("sellerType").asText()).isEqualTo("DEALER");
        assertThat(detail.path("facts").path("category").asText()).isEqualTo("Sofaer");
        assertThat(detail.path("facts").path("condition").asText()).isEqualTo("Brugt - god stand");
        assertThat(detail.path("facts").path("latitude").asDouble()).isEqualTo(56.15);
        assertThat(detail.path("matches").get(0).path("sellerScore").asDouble()).isEqualTo(0.3);
        assertThat(detail.path("matches").get(0).path("distanceScore").asDouble()).isEqualTo(0.8);

        JsonNode bare = json(get("/api/listings/" + unknown));
        assertThat(bare.path("facts").path("sellerType").isNull()).isTrue();
        assertThat(bare.path("facts").path("latitude").isNull()).isTrue();
        assertThat(bare.path("matches").get(0).path("sellerScore").isNull())
                .as("not judged")
                .isTrue();
    }

    @Test
    void detailShowsTheRepostGroupFromTheOriginalAndFromARepost() throws Exception {
        String original = rows.listing("31", "Kajak", 3000L, NOW.minus(Duration.ofDays(3)));
        String repost = rows.listing("32", "Kajak", 3000L, NOW.minus(Duration.ofDays(2)));
        String crossPost = rows.listing("33", "Kajak", 2900L, NOW.minus(Duration.ofDays(1)));
        String alone = rows.listing("34", "Telt", 500L, NOW.minus(Duration.ofDays(1)));
        StoredRows.repostLink(repost, original, 2, NOW.minus(Duration.ofDays(2)));
        StoredRows.repostLink(crossPost, original, 5, NOW.minus(Duration.ofDays(1)));

        for (String key : List.of(original, repost)) {
            JsonNode group = json(get("/api/listings/" + key)).path("reposts");
            assertThat(group.path("originalKey").asText()).as(key).isEqualTo(original);
            assertThat(group.path("reposts").findValuesAsText("listingKey"))
                    .as(key)
                    .containsExactly(repost, crossPost);
            assertThat(group.path("reposts").get(1).path("imageDistance").asInt()).isEqualTo(5);
        }
        JsonNode none = json(get("/api/listings/" + alone)).path("reposts");
        assertThat(none.path("originalKey").asText()).isEqualTo(alone);
        assertThat(none.path("reposts")).isEmpty();
    }

    @Test
    void detailIsFoundByItsKeyWithTheColonRawOrEncoded() throws Exception {
        TestUser owner = user;
        String query = TestBackends.ownedQuery(owner, "cykel").id();
        String key = rows.listing("1", "Cykel", 1200L, NOW.minus(Duration.ofDays(1)));
        ListingRows.pricePoint(key, 1, 1500L, "NEW", NOW.minus(Duration.ofDays(2)));
        ListingRows.pricePoint(key, 2, 1200L, "PRICE_DROP", NOW.minus(Duration.ofDays(1)));
        ListingRows.match(query, key, 2, "RELEVANT", 81.5, "20% under median");

        for (String path : List.of("/api/listings/" + key, "/api/listings/" + encoded(key))) {
            HttpResponse<String> response = get(path);
            assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
            JsonNode detail = json(response);
            assertThat(detail.path("summary").path("listingKey").asText()).isEqualTo(key);
            assertThat(detail.path("summary").path("dealScore").asDouble()).isEqualTo(81.5);
            assertThat(detail.path("priceHistory")).hasSize(2);
            assertThat(detail.path("priceHistory").get(1).path("changeKind").asText())
                    .isEqualTo("PRICE_DROP");
            assertThat(detail.path("matches").get(0).path("explanation").asText())
                    .isEqualTo("20% under median");
        }
        // Another user sees the listing, not the score.
        JsonNode asOther =
                json(
                        HTTP.get(
                                server,
                                "/api/listings/" + key,
                                TestBackends.newUser("other").bearer()));
        assertThat(asOther.path("matches")).isEmpty();
        assertThat(asOther.path("summary").path("dealScore").isNull()).isTrue();

        HttpResponse<String> missing = get("/api/listings/" + rows.key("missing"));
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(json(missing).path("error").asText()).isEqualTo("listing not found");
    }

    @Test
    void favouritesAreStarredUpdatedAndRemoved() throws Exception {
        String key = rows.listing("1", "Cykel", 1000L, NOW.minus(Duration.ofDays(1)));
        String path = "/api/favourites/" + key;

        HttpResponse<String> starred = HTTP.send(server, "PUT", path, null, user.bearer());
        assertThat(starred.statusCode()).as(starred.body()).isEqualTo(200);
        assertThat(json(starred).path("notify").asBoolean()).isFalse();
        HttpResponse<String> notify =
                HTTP.send(server, "PUT", path, "{\"notify\": true}", user.bearer());
        assertThat(json(notify).path("notify").asBoolean()).isTrue();
        assertThat(json(notify).path("listingKey").asText()).isEqualTo(key);

        JsonNode list = json(get("/api/favourites"));
        assertThat(list).hasSize(1);
        assertThat(list.get(0).path("listingKey").asText()).isEqualTo(key);
        assertThat(json(get("/api/listings/" + key)).path("notifyOnPriceDrop").asBoolean())
                .isTrue();
        assertThat(json(HTTP.get(server, "/api/favourites", TestBackends.newUser("b").bearer())))
                .isEmpty();

        HttpResponse<String> removed =
                HTTP.send(server, "DELETE", "/api/favourites/" + encoded(key), null, user.bearer());
        assertThat(removed.statusCode()).isEqualTo(204);
        assertThat(json(get("/api/favourites"))).isEmpty();
        assertThat(HTTP.send(server, "DELETE", path, null, user.bearer()).statusCode())
                .isEqualTo(404);
    }

    @Test
    void badFavouriteBodiesAndUnknownListingsAreRefused() throws Exception {
        String key = rows.listing("1", "Cykel", 1000L, NOW.minus(Duration.ofDays(1)));
        String path = "/api/favourites/" + key;

        HttpResponse<String> wrongType =
                HTTP.send(server, "PUT", path, "{\"notify\": \"maybe\"}", user.bearer());
        assertThat(wrongType.statusCode()).isEqualTo(400);
        assertThat(json(wrongType).path("problems").get(0).path("field").asText())
                .isEqualTo("notify");
        HttpResponse<String> unknown =
                HTTP.send(server, "PUT", path, "{\"notifyMe\": true}", user.bearer());
        assertThat(json(unknown).path("problems").get(0).path("field").asText())
                .isEqualTo("notifyMe");
        HttpResponse<String> missing =
                HTTP.send(
                        server, "PUT", "/api/favourites/" + rows.key("gone"), null, user.bearer());
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(json(get("/api/favourites"))).isEmpty();
        assertThat(HTTP.send(server, "PUT", path, null, null).statusCode()).isEqualTo(401);
    }

    @Test
    void alertHistoryAndTopDealsAreTheCallersOwn() throws Exception {
        String query = TestBackends.ownedQuery(user, "cykel").id();
        String key = rows.listing("1", HOSTILE, 900L, NOW.minus(Duration.ofDays(1)));
        ListingRows.match(query, key, 1, "RELEVANT", 88, "billig");
        String alertId = ListingRows.alert(query, key, HOSTILE, 88, NOW);
        TestUser other = TestBackends.newUser("other");

        JsonNode history = json(get("/api/alerts?page=1&pageSize=100"));
        assertThat(history.path("total").asLong()).isGreaterThanOrEqualTo(1);
        JsonNode mine = null;
        for (JsonNode alert : history.path("items")) {
            if (alert.path("alertId").asText().equals(alertId)) {
                mine = alert;
            }
        }
        assertThat(mine).isNotNull();
        assertThat(mine.path("title").asText()).isEqualTo(HOSTILE);
        assertThat(mine.path("queryName").asText()).isEqualTo("cykel");
        assertThat(
                        json(HTTP.get(server, "/api/alerts?pageSize=100", other.bearer()))
                                .path("items")
                                .findValuesAsText("alertId"))
                .doesNotContain(alertId);

        JsonNode deals = json(get("/api/deals/top?days=7&limit=5"));
        assertThat(deals.findValuesAsText("listingKey")).contains(key);
        assertThat(
                        json(HTTP.get(server, "/api/deals/top", other.bearer()))
                                .findValuesAsText("listingKey"))
                .doesNotContain(key);
    }
}
