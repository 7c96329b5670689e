package dk.dealfinder.alertserver.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.dealfinder.alertserver.AlertServer;
import dk.dealfinder.alertserver.AlertServerHttp;
import dk.dealfinder.alertserver.TestBackends;
import dk.dealfinder.alertserver.TestBackends.TestUser;
import dk.dealfinder.core.model.DigestSchedule;
import dk.dealfinder.core.model.ModelMode;
import dk.dealfinder.core.model.SavedQuery;
import dk.dealfinder.core.model.SellerType;
import dk.dealfinder.core.store.JdbcSavedQueryStore;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The saved-query REST API against a real server and PostgreSQL. */
class SavedQueryApiTest {

    private static final AlertServerHttp HTTP = new AlertServerHttp();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static AlertServer server;

    @BeforeAll
    static void start() {
        server = AlertServer.start(TestBackends.settings());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static final String FULL =
            """
            {"name": "iPhone til datteren", "terms": "iphone 13", "site": "dba.dk",
             "minPrice": 1000, "maxPrice": 4000,
             "includeKeywords": ["128"], "excludeKeywords": ["defekt"],
             "keywordExpression": "iphone AND (pro OR mini) AND NOT revnet",
             "maxAgeDays": 3, "postcodes": ["2100", "2200"], "nearPostcode": "2100",
             "radiusKm": 15, "sellerType": "PRIVATE", "modelMode": "LLM",
             "alertThreshold": 70, "digest": "HOURLY", "instantAlerts": false, "active": true}
            """;

    @Test
    void createReadUpdateDeleteWithEveryField() throws Exception {
        TestUser user = TestBackends.newUser("crud");

        HttpResponse<String> created =
                HTTP.send(server, "POST", "/api/queries", FULL, user.bearer());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode body = JSON.readTree(created.body());
        String id = body.path("id").asText();
        assertThat(created.headers().firstValue("Location")).hasValue("/api/queries/" + id);

        SavedQuery stored = storedQuery(id);
        assertThat(stored.owner()).isEqualTo(user.user().id());
        assertThat(stored.keywordExpression()).isEqualTo("iphone AND (pro OR mini) AND NOT revnet");
        assertThat(stored.area().postcodes()).containsExactly("2100", "2200");
        assertThat(stored.area().radiusKm()).isEqualTo(15);
        assertThat(stored.sellerType()).isEqualTo(SellerType.PRIVATE);
        assertThat(stored.modelMode()).isEqualTo(ModelMode.LLM);
        assertThat(stored.digest()).isEqualTo(DigestSchedule.HOURLY);
        assertThat(stored.instantAlerts()).isFalse();
        assertThat(stored.maxAgeDays()).isEqualTo(3);

        JsonNode read = JSON.readTree(HTTP.get(server, "/api/queries/" + id, user.bearer()).body());
        assertThat(read.path("modelMode").asText()).isEqualTo("LLM");
        assertThat(read.path("postcodes")).hasSize(2);

        HttpResponse<String> replaced =
                HTTP.send(
                        server,
                        "PUT",
                        "/api/queries/" + id,
                        "{\"terms\":\"iphone 14\",\"active\":false}",
                        user.bearer());
        assertThat(replaced.statusCode()).isEqualTo(200);
        SavedQuery after = storedQuery(id);
        assertThat(after.terms()).isEqualTo("iphone 14");
        assertThat(after.active()).isFalse();
        assertThat(after.modelMode()).as("PUT replaces: absent fields take defaults").isNull();

        assertThat(
                        HTTP.send(server, "DELETE", "/api/queries/" + id, null, user.bearer())
                                .statusCode())
                .isEqualTo(204);
        assertThat(HTTP.get(server, "/api/queries/" + id, user.bearer()).statusCode())
                .isEqualTo(404);
    }

    @Test
    void invalidInputIsA400NamingEachFieldAndNothingIsStored() throws Exception {
        TestUser user = TestBackends.newUser("invalid");
        String bad =
                """
                {"terms": "", "minPrice": 500, "maxPrice": 100, "keywordExpression": "(iphone",
                 "postcodes": ["12"], "radiusKm": 10, "alertThreshold": 120}
                """;

        HttpResponse<String> response =
                HTTP.send(server, "POST", "/api/queries", bad, user.bearer());

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode problems = JSON.readTree(response.body()).path("problems");
        assertThat(problems.findValuesAsText("field"))
                .containsExactlyInAnyOrder(
                        "name",
                        "terms",
                        "maxPrice",
                        "keywordExpression",
                        "postcodes[0]",
                        "nearPostcode",
                        "alertThreshold");
        assertThat(response.body()).contains("is never closed");
        assertThat(HTTP.get(server, "/api/queries", user.bearer()).body()).isEqualTo("[]");
    }

    @Test
    void malformedBodiesAre400sNot500s() throws Exception {
        String bearer = TestBackends.newUser("malformed").bearer();
        List<String[]> cases =
                List.of(
                        new String[] {"{\"terms\": \"x\", \"colour\": \"red\"}", "colour"},
                        new String[] {"{\"terms\": \"x\", \"maxPrice\": \"cheap\"}", "maxPrice"},
                        new String[] {
                            "{\"terms\": \"x\", \"sellerType\": \"ROBOT\"}", "sellerType"
                        },
                        new String[] {"{\"terms\": \"x\", \"postcodes\": \"2100\"}", "postcodes"},
                        new String[] {"{\"terms\": ", "body"},
                        new String[] {"[1, 2]", "body"},
                        new String[] {"null", "body"},
                        new String[] {"", "body"},
                        new String[] {"{\"id\": \"mine\", \"terms\": \"x\"}", "id"});
        for (String[] c : cases) {
            HttpResponse<String> response = HTTP.send(server, "POST", "/api/queries", c[0], bearer);
            assertThat(response.statusCode()).as(c[0]).isEqualTo(400);
            assertThat(JSON.readTree(response.body()).path("problems").findValuesAsText("field"))
                    .as(c[0])
                    .containsExactly(c[1]);
        }
    }

    @Test
    void anotherUsersQueriesAreUnreachable() throws Exception {
        TestUser alice = TestBackends.newUser("alice");
        TestUser bob = TestBackends.newUser("bob");
        String id =
                JSON.readTree(
                                HTTP.send(
                                                server,
                                                "POST",
                                                "/api/queries",
                                                "{\"terms\":\"kajak\"}",
                                                alice.bearer())
                                        .body())
                        .path("id")
                        .asText();

        assertThat(HTTP.get(server, "/api/queries", bob.bearer()).body()).doesNotContain(id);
        assertThat(HTTP.get(server, "/api/queries/" + id, bob.bearer()).statusCode())
                .isEqualTo(404);
        assertThat(
                        HTTP.send(
                                        server,
                                        "PUT",
                                        "/api/queries/" + id,
                                        "{\"terms\":\"x\"}",
                                        bob.bearer())
                                .statusCode())
                .isEqualTo(404);
        assertThat(
                        HTTP.send(server, "DELETE", "/api/queries/" + id, null, bob.bearer())
                                .statusCode())
                .isEqualTo(404);
        assertThat(storedQuery(id).terms()).as("untouched").isEqualTo("kajak");
    }

    private static SavedQuery storedQuery(String id) {
        return TestBackends.jdbc()
                .one(
                        "SELECT "
                                + JdbcSavedQueryStore.COLUMNS
                                + " FROM saved_queries WHERE id = ?",
                        s -> s.setString(1, id),
                        JdbcSavedQueryStore::read)
                .orElseThrow();
    }
}
