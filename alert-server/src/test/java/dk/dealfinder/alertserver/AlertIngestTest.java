package dk.dealfinder.alertserver;

import static dk.dealfinder.alertserver.TestAlerts.alert;
import static dk.dealfinder.alertserver.TestAlerts.batch;
import static dk.dealfinder.alertserver.TestAlerts.with;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dk.dealfinder.core.model.Alert;
import dk.dealfinder.testkit.SharedRedis;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.resps.StreamEntry;

class AlertIngestTest {

    private static final String STREAM = "test:" + UUID.randomUUID();
    private static final AlertServerHttp HTTP = new AlertServerHttp();

    private static RedisClient redis;
    private static AlertServer server;

    @BeforeAll
    static void startServer() {
        redis = RedisClient.create(URI.create(SharedRedis.uri()));
        server = AlertServer.start(TestBackends.settings().withStreamKey(STREAM));
    }

    @AfterAll
    static void stopServer() {
        server.close();
        redis.close();
    }

    @Test
    void refusesMissingOrWrongToken() throws Exception {
        String body = batch(alert("Cykel"));
        List<String> refused =
                Arrays.asList(
                        null,
                        "Bearer wrong-token",
                        "Bearer " + AlertServerHttp.TOKEN + "x",
                        "Basic " + AlertServerHttp.TOKEN,
                        "Bearer ");
        long before = streamLength();
        for (String authorization : refused) {
            HttpResponse<String> response = HTTP.postAlerts(server, body, authorization);
            assertThat(response.statusCode()).as("Authorization: %s", authorization).isEqualTo(401);
            assertThat(response.body()).doesNotContain(AlertServerHttp.TOKEN);
        }
        assertThat(streamLength()).isEqualTo(before);
    }

    static Stream<Arguments> invalidBodies() {
        Alert valid = alert("Racercykel");
        return Stream.of(
                Arguments.of(
                        "bad UUID",
                        batch(valid, with(alert("x"), "alertId", "not-a-uuid")),
                        "[1].alertId"),
                Arguments.of("blank title", batch(with(valid, "title", "  ")), "[0].title"),
                Arguments.of(
                        "javascript: url",
                        batch(valid, valid, with(alert("x"), "url", "javascript:alert(1)")),
                        "[2].url"),
                Arguments.of(
                        "score 120 in a single object",
                        TestAlerts.json(with(valid, "score", 120)),
                        "score"),
                Arguments.of(
                        "score of the wrong type",
                        "[" + TestAlerts.json(valid).replace("87.5", "\"high\"") + "]",
                        "[0].score"),
                Arguments.of("element not an object", "[" + TestAlerts.json(valid) + ", 7]", "[1]"),
                Arguments.of("neither array nor object", "42", ""),
                Arguments.of("malformed JSON", "[{\"alertId\": ", ""),
                Arguments.of("trailing garbage", batch(valid) + " ]", ""),
                Arguments.of("empty body", "", ""),
                Arguments.of(
                        "too many alerts", TestAlerts.json(Collections.nCopies(1001, valid)), ""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidBodies")
    void rejectsInvalidInputNamingTheField(String kind, String body, String field)
            throws Exception {
        long before = streamLength();

        HttpResponse<String> response = HTTP.postAlerts(server, body);

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode error = TestAlerts.JSON.readTree(response.body());
        assertThat(error.path("error").asText()).isNotBlank();
        assertThat(error.path("field").asText()).isEqualTo(field);
        assertThat(error.path("problem").asText()).isNotBlank();
        // A batch is all or nothing: the valid alerts before the bad one are not stored either.
        assertThat(streamLength()).isEqualTo(before);
    }

    @Test
    void storesAValidBatchOnceAndCountsRepeatsAsDuplicates() throws Exception {
        List<Alert> alerts = List.of(alert("Racercykel"), alert("Sofa"), alert("Bærbar"));
        String body = TestAlerts.json(alerts);
        long before = streamLength();

        HttpResponse<String> first = HTTP.postAlerts(server, body);

        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(TestAlerts.JSON.readTree(first.body()))
                .isEqualTo(TestAlerts.JSON.readTree("{\"accepted\":3,\"duplicates\":0}"));
        assertThat(storedAlertsAfter(before)).containsExactlyElementsOf(alerts);

        HttpResponse<String> again = HTTP.postAlerts(server, body);

        assertThat(again.statusCode()).isEqualTo(202);
        assertThat(TestAlerts.JSON.readTree(again.body()))
                .isEqualTo(TestAlerts.JSON.readTree("{\"accepted\":0,\"duplicates\":3}"));
        assertThat(streamLength()).isEqualTo(before + 3);
    }

    @Test
    void acceptsASingleObjectAndDeduplicatesWithinABatch() throws Exception {
        Alert known = alert("Kendt");
        assertThat(HTTP.postAlerts(server, TestAlerts.json(known)).statusCode()).isEqualTo(202);
        Alert fresh = alert("Ny");
        long before = streamLength();

        HttpResponse<String> response = HTTP.postAlerts(server, batch(known, fresh, fresh));

        assertThat(TestAlerts.JSON.readTree(response.body()))
                .isEqualTo(TestAlerts.JSON.readTree("{\"accepted\":1,\"duplicates\":2}"));
        assertThat(storedAlertsAfter(before)).containsExactly(fresh);
    }

    @Test
    void countsIngestInMetrics() throws Exception {
        HTTP.postAlerts(server, batch(alert("Målt")));
        HTTP.postAlerts(server, "not json");

        String metrics = HTTP.get(server, "/metrics", "Bearer " + AlertServerHttp.TOKEN).body();

        assertThat(metrics)
                .contains("# TYPE alerts_accepted_total counter")
                .containsPattern("(?m)^alerts_accepted_total [1-9]\\d*$")
                .containsPattern("(?m)^alerts_rejected_total [1-9]\\d*$")
                .containsPattern("(?m)^alerts_duplicate_total \\d+$")
                .containsPattern("(?m)^sse_clients \\d+$")
                .containsPattern("(?m)^sse_clients_dropped_total \\d+$");
    }

    @Test
    void answers503WhileRedisIsUnreachable() throws Exception {
        String nowhere = "redis://127.0.0.1:" + SharedRedis.freePort();
        try (AlertServer orphan =
                AlertServer.start(
                        AlertServerSettings.defaults(
                                nowhere, AlertServerHttp.TOKEN, TestBackends.database()))) {
            assertThat(HTTP.postAlerts(orphan, batch(alert("Cykel"))).statusCode()).isEqualTo(503);
            assertThat(HTTP.get(orphan, "/ready").statusCode()).isEqualTo(503);
            assertThat(HTTP.get(orphan, "/health").statusCode()).isEqualTo(200);
        }
        assertThat(HTTP.get(server, "/ready").statusCode()).isEqualTo(200);
        assertThat(HTTP.get(server, "/health").body()).isEqualTo("{\"status\":\"UP\"}");
    }

    private static long streamLength() {
        return redis.xlen(STREAM);
    }

    private static List<Alert> storedAlertsAfter(long skip) {
        return redis.xrange(STREAM, "-", "+").stream()
                .skip(skip)
                .map(StreamEntry::getFields)
                .map(fields -> TestAlerts.parse(fields.get(RedisAlertStream.FIELD)))
                .toList();
    }
}
