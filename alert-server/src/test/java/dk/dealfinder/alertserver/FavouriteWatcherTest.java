package dk.dealfinder.alertserver;

import static org.assertj.core.api.Assertions.assertThat;

import dk.dealfinder.alertserver.TestBackends.TestUser;
import dk.dealfinder.alertserver.db.Jdbc;
import dk.dealfinder.core.model.Alert;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Notify-me: a starred listing's price drop reaches the user who asked, once, and nobody else. */
class FavouriteWatcherTest {

    private final AlertServerHttp http = new AlertServerHttp();
    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    @Test
    void aPriceDropOfAFavouriteAlertsOnlyTheUserWhoAskedAndOnlyOnce() throws Exception {
        AlertServerSettings settings =
                TestBackends.settings().toBuilder().favouriteWatch(Duration.ofMillis(100)).build();
        AlertServer one = start(settings);
        AlertServer two = start(settings);
        TestUser alice = TestBackends.newUser("alice");
        TestUser bob = TestBackends.newUser("bob");
        String key = "dba.dk:fav-" + UUID.randomUUID();
        Jdbc db = TestBackends.jdbc();
        insertListing(db, key, "<b>Kajak</b> 4 m", 3000);
        star(db, alice, key, true);
        star(db, bob, key, false);
        SseConnection aliceFeed = connect(one, alice);
        SseConnection bobFeed = connect(one, bob);

        db.update(
                "INSERT INTO price_history (listing_key, version, price, change_kind, observed_at)"
                        + " VALUES (?, 2, 2400, 'PRICE_DROP', ?)",
                s -> {
                    s.setString(1, key);
                    s.setTimestamp(2, Timestamp.from(Instant.now()));
                });

        Alert alert = TestAlerts.parse(aliceFeed.nextEvent().data());
        assertThat(alert.listingKey()).isEqualTo(key);
        assertThat(alert.listingVersion()).isEqualTo(2);
        assertThat(alert.title()).isEqualTo("<b>Kajak</b> 4 m");
        assertThat(alert.explanation()).contains("3.000 kr.", "2.400 kr.");

        // Both replicas polled; a later alert arriving next proves the drop was not sent twice.
        Alert marker = TestAlerts.alert("Markør");
        assertThat(http.postAlerts(two, TestAlerts.batch(marker)).statusCode()).isEqualTo(202);
        assertThat(TestAlerts.parse(aliceFeed.nextEvent().data())).isEqualTo(marker);
        assertThat(TestAlerts.parse(bobFeed.nextEvent().data()))
                .as("Bob starred it without notify-me")
                .isEqualTo(marker);
    }

    private static void insertListing(Jdbc db, String key, String title, long price) {
        Timestamp now = Timestamp.from(Instant.now());
        db.update(
                "INSERT INTO listings (listing_key, site, ad_id, url, title, price, currency,"
                        + " published_at, first_seen_at, last_seen_at, version)"
                        + " VALUES (?, 'dba.dk', ?, ?, ?, ?, 'DKK', ?, ?, ?, 2)",
                s -> {
                    s.setString(1, key);
                    s.setString(2, key.substring(7));
                    s.setString(3, "https://www.dba.dk/recommerce/forsale/item/1");
                    s.setString(4, title);
                    s.setLong(5, price);
                    s.setTimestamp(6, now);
                    s.setTimestamp(7, now);
                    s.setTimestamp(8, now);
                });
        db.update(
                "INSERT INTO price_history (listing_key, version, price, change_kind, observed_at)"
                        + " VALUES (?, 1, ?, 'NEW', ?)",
                s -> {
                    s.setString(1, key);
                    s.setLong(2, price);
                    s.setTimestamp(3, now);
                });
    }

    private static void star(Jdbc db, TestUser user, String key, boolean notify) {
        db.update(
                "INSERT INTO favourites (user_id, listing_key, notify) VALUES (?, ?, ?)",
                s -> {
                    s.setString(1, user.user().id());
                    s.setString(2, key);
                    s.setBoolean(3, notify);
                });
    }

    private AlertServer start(AlertServerSettings settings) {
        AlertServer server = AlertServer.start(settings);
        open.add(server);
        return server;
    }

    private SseConnection connect(AlertServer server, TestUser user) throws Exception {
        SseConnection c = http.stream(server, "", null, user.bearer());
        open.add(c);
        return c;
    }
}
