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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code /api/digests}: each user's digests, newest window first, nobody else's. */
class DigestApiTest {

    private static final AlertServerHttp HTTP = new AlertServerHttp();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant HOUR = Instant.parse("2026-11-21T10:00:00Z");
    private static final String HOSTILE = "<img src=x onerror=alert(1)>";

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
    void aUserReadsTheNewestDigestsOfTheirOwnAndSharedQueriesOnly() throws Exception {
        TestUser alice = TestBackends.newUser("alice");
        TestUser bob = TestBackends.newUser("bob");
        String alices = TestBackends.ownedQuery(alice, "kajak").id();
        String bobs = TestBackends.ownedQuery(bob, "telt").id();
        Instant next = HOUR.plus(Duration.ofHours(1));
        StoredRows.digestEntry(
                alices, HOUR.minus(Duration.ofHours(1)), HOUR, 1, "dba.dk:a0", "Gammel", 60);
        StoredRows.digestEntry(alices, HOUR, next, 2, "dba.dk:a2", HOSTILE, 70);
        StoredRows.digestEntry(alices, HOUR, next, 1, "dba.dk:a1", "Kajak 4 m", 90);
        StoredRows.digestEntry(bobs, HOUR, next, 1, "dba.dk:b1", "Telt", 80);

        JsonNode latest = get("/api/digests", alice);
        assertThat(queryIds(latest)).contains(alices).doesNotContain(bobs);
        JsonNode mine = only(latest, alices);
        assertThat(mine.path("windowEnd").asLong()).isEqualTo(next.toEpochMilli());
        assertThat(mine.path("entries").findValuesAsText("title"))
                .containsExactly("Kajak 4 m", HOSTILE);

        JsonNode two = get("/api/digests?queryId=" + alices + "&windows=2", alice);
        assertThat(two).hasSize(2);
        assertThat(two.get(0).path("windowEnd").asLong()).isEqualTo(next.toEpochMilli());
        assertThat(two.get(1).path("entries").findValuesAsText("title")).containsExactly("Gammel");

        assertThat(get("/api/digests?queryId=" + alices, bob)).isEmpty();
    }

    @Test
    void invalidParametersAre400sNamingThem() throws Exception {
        String bearer = TestBackends.sharedUser().bearer();
        for (String[] c :
                List.of(
                        new String[] {"/api/digests?windows=0", "windows"},
                        new String[] {"/api/digests?windows=lots", "windows"},
                        new String[] {"/api/digests?window=2", "window"})) {
            HttpResponse<String> response = HTTP.get(server, c[0], bearer);
            assertThat(response.statusCode()).as(c[0]).isEqualTo(400);
            assertThat(JSON.readTree(response.body()).path("problems").findValuesAsText("field"))
                    .as(c[0])
                    .containsExactly(c[1]);
        }
    }

    private static JsonNode get(String path, TestUser user) throws Exception {
        HttpResponse<String> response = HTTP.get(server, path, user.bearer());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static List<String> queryIds(JsonNode digests) {
        List<String> ids = new ArrayList<>();
        digests.forEach(d -> ids.add(d.path("queryId").asText()));
        return ids;
    }

    private static JsonNode only(JsonNode digests, String queryId) {
        List<JsonNode> found = new ArrayList<>();
        digests.forEach(
                d -> {
                    if (d.path("queryId").asText().equals(queryId)) {
                        found.add(d);
                    }
                });
        assertThat(found).hasSize(1);
        return found.get(0);
    }
}
