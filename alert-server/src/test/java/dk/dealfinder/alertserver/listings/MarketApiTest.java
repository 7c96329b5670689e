package dk.dealfinder.alertserver.listings;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.dealfinder.alertserver.AlertServer;
import dk.dealfinder.alertserver.AlertServerHttp;
import dk.dealfinder.alertserver.StoredRows;
import dk.dealfinder.alertserver.TestBackends;
import dk.dealfinder.alertserver.TestBackends.TestUser;
import java.net.http.HttpResponse;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code /api/markets}: each user's queries' market estimates with their support. */
class MarketApiTest {

    private static final AlertServerHttp HTTP = new AlertServerHttp();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant AS_OF = Instant.parse("2026-11-21T10:00:00Z");

    private static AlertServer server;

    @BeforeAll
    static void start() {
        server = AlertServer.start(TestBackends.settings());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aUserReadsTheEstimatesOfTheirOwnQueriesWithTheirSupport() throws Exception {
        TestUser alice = TestBackends.newUser("alice");
        TestUser bob = TestBackends.newUser("bob");
        String alices = TestBackends.ownedQuery(alice, "kajak").id();
        String bobs = TestBackends.ownedQuery(bob, "telt").id();
        StoredRows.marketEstimate(alices, 48, 3000, AS_OF);
        StoredRows.marketEstimate(bobs, 12, 900, AS_OF);

        JsonNode mine = get("/api/markets?queryId=" + alices, alice);
        assertThat(mine).hasSize(1);
        JsonNode estimate = mine.get(0);
        assertThat(estimate.path("queryId").asText()).isEqualTo(alices);
        assertThat(estimate.path("n").asLong()).isEqualTo(48);
        assertThat(estimate.path("median").asDouble()).isEqualTo(3000);
        assertThat(estimate.path("lowerQuartile").asDouble()).isEqualTo(2400);
        assertThat(estimate.path("horizonDays").asInt()).isEqualTo(30);
        assertThat(estimate.path("asOf").asLong()).isEqualTo(AS_OF.toEpochMilli());

        assertThat(get("/api/markets", alice).findValuesAsText("queryId"))
                .contains(alices)
                .doesNotContain(bobs);
        assertThat(get("/api/markets?queryId=" + alices, bob)).isEmpty();
        HttpResponse<String> bad = HTTP.get(server, "/api/markets?query=x", alice.bearer());
        assertThat(bad.statusCode()).isEqualTo(400);
    }

    private static JsonNode get(String path, TestUser user) throws Exception {
        HttpResponse<String> response = HTTP.get(server, path, user.bearer());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
