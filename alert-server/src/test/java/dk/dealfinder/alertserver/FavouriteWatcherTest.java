package dk.dealfinder.alertserver;

import static org.assertj.core.api.Assertions.assertThat;

import dk.dealfinder.alertserver.TestBackends.TestUser;
import dk.dealfinder.alertserver.db.Jdbc;
import dk.dealfinder.core.model.Alert;
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
        insertListing(key, "<b>Kajak</b> 4 m", 3000);
        star(db, alice, key, true);
        star(db, bob, key, false);
        SseConnection aliceFeed = connect(one, alice);
        SseConnection bobFeed = connect(one, bob);

        StoredRows.pricePoint(key, 2, 2400L, "PRICE_DROP", Instant.now());

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

    private static void insertListing(String key, String title, long price) {
        Instant now = Instant.now();
        StoredRows.listing(
                key,
                "https://www.dba.dk/recommerce/forsale/item/1",
                title,
                "",
                price,
                "København Ø",
                "2100",
                List.of(),
                now,
                null);
        StoredRows.pricePoint(key, 1, price, "NEW", now);
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
