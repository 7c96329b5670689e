package dk.dealfinder.alertserver;

import static dk.dealfinder.alertserver.TestAlerts.alert;
import static dk.dealfinder.alertserver.TestAlerts.batch;
import static org.assertj.core.api.Assertions.assertThat;

import dk.dealfinder.alertserver.SseConnection.Event;
import dk.dealfinder.core.model.Alert;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The SSE feed end to end: real Redis, real HTTP, real SSE clients. */
class AlertStreamTest {

    private final AlertServerHttp http = new AlertServerHttp();
    private final List<AutoCloseable> open = new ArrayList<>();
    private AlertServerSettings settings;

    @BeforeEach
    void useOwnStream() {
        settings = TestBackends.settings();
    }

    @AfterEach
    void closeAll() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    @Test
    void deliversAPostedAlertExactlyOnceWithIdEventAndDataLines() throws Exception {
        AlertServer server = start(settings);
        SseConnection client = connect(server, "", null);
        Alert posted = alert("Racercykel, 56 cm");

        post(server, posted);

        String idLine = nextNonCommentLine(client);
        assertThat(idLine).matches("id: \\d+-\\d+");
        assertThat(client.nextLine()).isEqualTo("event: alert");
        String dataLine = client.nextLine();
        assertThat(dataLine).startsWith("data: ");
        assertThat(TestAlerts.parse(dataLine.substring(6))).isEqualTo(posted);
        assertThat(client.nextLine()).isEmpty();

        // Had the alert been sent twice, the copy would come before this one.
        Alert marker = alert("Markør");
        post(server, marker);
        assertThat(alertOf(client.nextEvent())).isEqualTo(marker);
    }

    @Test
    void resumesExactlyAfterLastEventId() throws Exception {
        AlertServer server = start(settings);
        List<Alert> posted = postTitled(server, "A", "B", "C");
        List<Event> replayed = events(connect(server, "?replay=3", null), 3);
        assertThat(replayed).extracting(AlertStreamTest::alertOf).isEqualTo(posted);
        String idOfA = replayed.get(0).id();

        SseConnection byHeader = connect(server, "", idOfA);
        assertThat(events(byHeader, 2))
                .extracting(Event::id)
                .containsExactly(replayed.get(1).id(), replayed.get(2).id());
        SseConnection byQuery = connect(server, "?lastEventId=" + replayed.get(1).id(), null);
        assertThat(alertOf(byQuery.nextEvent())).isEqualTo(posted.get(2));

        // Then both continue live, with nothing repeated in between.
        Alert d = alert("D");
        post(server, d);
        assertThat(alertOf(byHeader.nextEvent())).isEqualTo(d);
        assertThat(alertOf(byQuery.nextEvent())).isEqualTo(d);
    }

    @Test
    void replaysOnlyTheNewestWhenAsked() throws Exception {
        AlertServer server = start(settings);
        List<Alert> posted = postTitled(server, "A", "B", "C");

        SseConnection client = connect(server, "?replay=2", null);

        assertThat(events(client, 2))
                .extracting(AlertStreamTest::alertOf)
                .isEqualTo(posted.subList(1, 3));
        Alert d = alert("D");
        post(server, d);
        assertThat(alertOf(client.nextEvent())).isEqualTo(d);
    }

    @Test
    void rejectsAMalformedLastEventIdOrReplay() throws Exception {
        AlertServer server = start(settings);

        assertThat(http.get(server, "/api/alerts/stream?lastEventId=0;FLUSHALL").statusCode())
                .isEqualTo(400);
        assertThat(http.get(server, "/api/alerts/stream?replay=-1").statusCode()).isEqualTo(400);
        assertThat(http.get(server, "/api/alerts/stream?replay=lots").statusCode()).isEqualTo(400);
    }

    @Test
    void everyReplicaOnTheSameStreamDeliversAnAlertPostedToOne() throws Exception {
        AlertServer first = start(settings);
        AlertServer second = start(settings);
        SseConnection onFirst = connect(first, "", null);
        SseConnection onSecond = connect(second, "", null);
        Alert posted = alert("Sofa");

        post(first, posted);

        Event seenBySecond = onSecond.nextEvent();
        Event seenByFirst = onFirst.nextEvent();
        assertThat(alertOf(seenBySecond)).isEqualTo(posted);
        assertThat(seenBySecond).isEqualTo(seenByFirst);
    }

    @Test
    void hostileTitleArrivesIntactAsJsonOnOneDataLine() throws Exception {
        AlertServer server = start(settings);
        SseConnection client = connect(server, "", null);
        String hostile = "<script>alert('x')</script> <img src=x onerror=alert(1)> \"&\nny linje";
        Alert posted = TestAlerts.with(alert("x"), "title", hostile);

        post(server, posted);

        Event event = client.nextEvent();
        assertThat(event.data()).doesNotContain("\n");
        assertThat(alertOf(event).title()).isEqualTo(hostile);
    }

    @Test
    void sendsHeartbeatCommentsOnIdleStreams() throws Exception {
        AlertServer server = start(settings.withHeartbeat(Duration.ofMillis(200)));
        SseConnection client = connect(server, "", null);

        client.awaitLine(": heartbeat");
        client.awaitLine(": heartbeat");
    }

    @Test
    void countsConnectedClients() throws Exception {
        AlertServer server = start(settings);
        connect(server, "", null);
        connect(server, "", null);

        assertThat(http.get(server, "/metrics", "Bearer " + AlertServerHttp.TOKEN).body())
                .containsPattern("(?m)^sse_clients 2$");
    }

    @Test
    void closingTheServerEndsOpenStreams() throws Exception {
        AlertServer server = AlertServer.start(settings);
        SseConnection client = connect(server, "", null);

        server.close();

        assertThat(client.nextEvent()).isNull();
    }

    private AlertServer start(AlertServerSettings serverSettings) {
        AlertServer server = AlertServer.start(serverSettings);
        open.add(server);
        return server;
    }

    private SseConnection connect(AlertServer server, String query, String lastEventId)
            throws Exception {
        SseConnection client = http.stream(server, query, lastEventId);
        open.add(client);
        return client;
    }

    private void post(AlertServer server, Alert... alerts) throws Exception {
        assertThat(http.postAlerts(server, batch(alerts)).statusCode()).isEqualTo(202);
    }

    private List<Alert> postTitled(AlertServer server, String... titles) throws Exception {
        List<Alert> alerts = Stream.of(titles).map(TestAlerts::alert).toList();
        post(server, alerts.toArray(Alert[]::new));
        return alerts;
    }

    private static List<Event> events(SseConnection client, int count) throws Exception {
        List<Event> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            events.add(client.nextEvent());
        }
        return events;
    }

    private static String nextNonCommentLine(SseConnection client) throws Exception {
        String line = client.nextLine();
        while (line.isEmpty() || line.startsWith(":") || line.startsWith("retry:")) {
            line = client.nextLine();
        }
        return line;
    }

    private static Alert alertOf(Event event) {
        assertThat(event).as("an event").isNotNull();
        assertThat(event.name()).isEqualTo("alert");
        return TestAlerts.parse(event.data());
    }
}
