package dk.dealfinder.alertserver;

import static dk.dealfinder.alertserver.TestAlerts.alert;
import static dk.dealfinder.alertserver.TestAlerts.alertFor;
import static dk.dealfinder.alertserver.TestAlerts.batch;
import static org.assertj.core.api.Assertions.assertThat;

import dk.dealfinder.alertserver.SseConnection.Event;
import dk.dealfinder.alertserver.TestBackends.TestUser;
import dk.dealfinder.core.model.Alert;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Each user's feed carries their own saved queries' alerts and the operator's shared ones, never
 * another user's: live, on resume and on every replica.
 */
class PerUserFeedTest {

    private final AlertServerHttp http = new AlertServerHttp();
    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    @Test
    void usersSeeTheirOwnAndSharedAlertsOnly() throws Exception {
        AlertServer server = start(TestBackends.settings());
        TestUser alice = TestBackends.newUser("alice");
        TestUser bob = TestBackends.newUser("bob");
        String alicesQuery = TestBackends.ownedQuery(alice, "kajak").id();
        String bobsQuery = TestBackends.ownedQuery(bob, "telt").id();
        SseConnection aliceFeed = connect(server, alice, null);
        SseConnection bobFeed = connect(server, bob, null);

        Alert forAlice = alertFor(alicesQuery, "Kajak, 4 m");
        Alert forBob = alertFor(bobsQuery, "Telt til 4");
        Alert shared = alert("Racercykel");
        Alert unknownQuery = alertFor("no-such-query", "Ingen ejer");
        post(server, forAlice, forBob, unknownQuery, shared);

        assertThat(alertsOf(aliceFeed, 2)).containsExactly(forAlice, shared);
        assertThat(alertsOf(bobFeed, 2)).containsExactly(forBob, shared);
    }

    @Test
    void resumingWithLastEventIdDeliversExactlyTheMissedAlertsOfThatUser() throws Exception {
        AlertServer server = start(TestBackends.settings());
        TestUser alice = TestBackends.newUser("alice");
        TestUser bob = TestBackends.newUser("bob");
        String alicesQuery = TestBackends.ownedQuery(alice, "kajak").id();
        String bobsQuery = TestBackends.ownedQuery(bob, "telt").id();
        SseConnection first = connect(server, alice, null);
        Alert seen = alertFor(alicesQuery, "Set");
        post(server, seen);
        Event seenEvent = first.nextEvent();
        assertThat(TestAlerts.parse(seenEvent.data())).isEqualTo(seen);
        first.close();

        Alert missed1 = alertFor(alicesQuery, "Misset 1");
        Alert others = alertFor(bobsQuery, "Bobs");
        Alert missed2 = alertFor(alicesQuery, "Misset 2");
        post(server, missed1, others, missed2);

        SseConnection resumed = connect(server, alice, seenEvent.id());
        assertThat(alertsOf(resumed, 2)).containsExactly(missed1, missed2);
        Alert live = alertFor(alicesQuery, "Live");
        post(server, live);
        assertThat(alertsOf(resumed, 1))
                .as("nothing else came between the missed ones and the live one")
                .containsExactly(live);
    }

    @Test
    void twoReplicasOnOneStreamBothDeliverAUsersAlert() throws Exception {
        AlertServerSettings settings = TestBackends.settings();
        AlertServer one = start(settings);
        AlertServer two = start(settings);
        TestUser alice = TestBackends.newUser("alice");
        String alicesQuery = TestBackends.ownedQuery(alice, "kajak").id();
        SseConnection onOne = connect(one, alice, null);
        SseConnection onTwo = connect(two, alice, null);

        Alert alert = alertFor(alicesQuery, "Kajak");
        post(one, alert);

        assertThat(alertsOf(onOne, 1)).containsExactly(alert);
        assertThat(alertsOf(onTwo, 1)).containsExactly(alert);
    }

    private AlertServer start(AlertServerSettings settings) {
        AlertServer server = AlertServer.start(settings);
        open.add(server);
        return server;
    }

    private SseConnection connect(AlertServer server, TestUser user, String lastEventId)
            throws Exception {
        SseConnection c = http.stream(server, "", lastEventId, user.bearer());
        open.add(c);
        return c;
    }

    private void post(AlertServer server, Alert... alerts) throws Exception {
        assertThat(http.postAlerts(server, batch(alerts)).statusCode()).isEqualTo(202);
    }

    private static List<Alert> alertsOf(SseConnection feed, int count) throws Exception {
        List<Alert> alerts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            alerts.add(TestAlerts.parse(feed.nextEvent().data()));
        }
        return alerts;
    }
}
