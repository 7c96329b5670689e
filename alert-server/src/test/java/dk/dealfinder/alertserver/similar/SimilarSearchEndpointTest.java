package dk.dealfinder.alertserver.similar;

import static dk.dealfinder.alertserver.similar.IndexedListings.point;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.dealfinder.alertserver.AlertServer;
import dk.dealfinder.alertserver.TestBackends;
import dk.dealfinder.core.model.EmbeddedListing;
import dk.dealfinder.testkit.doubles.qdrant.QdrantDouble;
import io.grpc.Status;
import io.qdrant.client.grpc.Common.Condition;
import io.qdrant.client.grpc.Points.QueryPoints;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code /api/similar} on a running alert server, against the Qdrant double's REST query API, with
 * listings embedded by the real local model.
 */
class SimilarSearchEndpointTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String COLLECTION = IndexedListings.COLLECTION;

    private static QdrantDouble qdrant;
    private static AlertServer server;
    private static AlertServer serverWithoutQdrant;

    @BeforeAll
    static void start() throws Exception {
        qdrant = QdrantDouble.start();
        IndexedListings.index(
                qdrant,
                List.of(
                        point("dba.dk:1", "Racercykel, carbon stel, 22 gear", 4500, "2100", true),
                        point("dba.dk:2", "Mountainbike med affjedring", 3000, "8000", true),
                        point("dba.dk:3", "Racercykel i aluminium", 2500, "2100", false),
                        point("dba.dk:4", "Sofa i grå stof, tre personer", 1500, "2100", true),
                        point("dba.dk:5", "Børnecykel 16 tommer", 400, "5000", true)));
        server =
                AlertServer.start(
                        TestBackends.settings()
                                .withSimilarSearch(
                                        SimilarSearchSettings.qdrant(
                                                qdrant.restUrl(), COLLECTION)));
        serverWithoutQdrant = AlertServer.start(TestBackends.settings());
    }

    @AfterAll
    static void stop() {
        server.close();
        serverWithoutQdrant.close();
        qdrant.close();
    }

    @Test
    void findsListingsLikeATextEmbeddedWithTheSameModel() throws Exception {
        HttpResponse<String> response =
                get(server, "/api/similar?text=" + encoded("racercykel") + "&limit=3");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("text").asText()).isEqualTo("racercykel");
        List<String> keys = keys(body);
        assertThat(keys).hasSize(3).first().isEqualTo("dba.dk:1");
        assertThat(keys).doesNotContain("dba.dk:3");
        assertThat(body.path("results").get(0).path("price").asDouble()).isEqualTo(4500.0);
        assertThat(body.path("results").get(0).path("url").asText()).endsWith("/1");
    }

    @Test
    void appliesPriceSitePostcodeAndActiveFilters() throws Exception {
        String path =
                "/api/similar?text="
                        + encoded("cykel")
                        + "&minPrice=1000&maxPrice=5000&site=dba.dk&postcode=2100,8000&active=false";

        HttpResponse<String> response = get(server, path);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(keys(JSON.readTree(response.body())))
                .containsExactlyInAnyOrder("dba.dk:1", "dba.dk:2", "dba.dk:3", "dba.dk:4");
        QueryPoints sent = lastQuery();
        assertThat(sent.getFilter().getMustList())
                .extracting(c -> c.getField().getKey())
                .containsExactly("site", "postcode", "price");
        assertThat(sent.getFilter().getMustNotList()).isEmpty();
    }

    @Test
    void keepsListingsWithinARadiusOfAPostcode() throws Exception {
        HttpResponse<String> near =
                get(server, "/api/similar?text=" + encoded("cykel") + "&near=2200&radiusKm=15");

        assertThat(near.statusCode()).isEqualTo(200);
        assertThat(keys(JSON.readTree(near.body())))
                .as("København only: Aarhus and Odense are far, the inactive one is left out")
                .containsExactlyInAnyOrder("dba.dk:1", "dba.dk:4");
        assertThat(lastQuery().getFilter().getMustList())
                .extracting(c -> c.getField().getKey())
                .containsExactly("location");

        HttpResponse<String> wide =
                get(server, "/api/similar?text=" + encoded("cykel") + "&near=2200&radiusKm=200");
        assertThat(keys(JSON.readTree(wide.body()))).contains("dba.dk:2", "dba.dk:5");
    }

    @Test
    void findsNeighboursOfAStoredListingWithoutTheListingItself() throws Exception {
        HttpResponse<String> response = get(server, "/api/similar?listing=dba.dk:1&maxPrice=3000");

        assertThat(response.statusCode()).isEqualTo(200);
        List<String> keys = keys(JSON.readTree(response.body()));
        assertThat(keys).doesNotContain("dba.dk:1", "dba.dk:3").contains("dba.dk:2");
        Condition notInactive = lastQuery().getFilter().getMustNot(0);
        assertThat(notInactive.getField().getKey()).isEqualTo("active");
        assertThat(lastQuery().getQuery().getNearest().getId().getUuid())
                .isEqualTo(EmbeddedListing.pointIdOf("dba.dk:1"));
    }

    @Test
    void answersClearErrors() throws Exception {
        HttpResponse<String> unknown = get(server, "/api/similar?listing=dba.dk:999");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(unknown.body()).path("error").asText()).contains("dba.dk:999");

        HttpResponse<String> invalid = get(server, "/api/similar?text=cykel&radiusKm=5");
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(invalid.body()).path("error").asText())
                .contains("'near' (a postcode) and 'radiusKm' go together");

        qdrant.failNextRestQueries(Status.Code.UNAVAILABLE, 1);
        HttpResponse<String> down = get(server, "/api/similar?listing=dba.dk:1");
        assertThat(down.statusCode()).isEqualTo(502);
        assertThat(down.body()).doesNotContain("injected");

        assertThat(get(serverWithoutQdrant, "/api/similar?text=cykel").statusCode()).isEqualTo(404);
    }

    private static QueryPoints lastQuery() {
        var queries = qdrant.requests(QdrantDouble.REST_QUERY);
        return (QueryPoints) queries.get(queries.size() - 1).request();
    }

    private static List<String> keys(JsonNode body) {
        List<String> keys = new ArrayList<>();
        body.path("results").forEach(r -> keys.add(r.path("listingKey").asText()));
        return keys;
    }

    private static HttpResponse<String> get(AlertServer target, String path) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(target.baseUrl().resolve(path))
                        .header("Authorization", TestBackends.sharedUser().bearer())
                        .timeout(Duration.ofSeconds(30))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String encoded(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
