package dk.dealfinder.alertserver.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dk.dealfinder.alertserver.AlertServer;
import dk.dealfinder.alertserver.TestBackends;
import dk.dealfinder.alertserver.WebSession;
import dk.dealfinder.alertserver.similar.IndexedListings;
import dk.dealfinder.alertserver.similar.SimilarSearchSettings;
import dk.dealfinder.testkit.Await;
import dk.dealfinder.testkit.doubles.qdrant.QdrantDouble;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The detail panel's similar listings, fetched by our script from {@code /api/similar} against the
 * Qdrant double (a protocol double of Qdrant's REST query API), in headless chromium.
 */
class SimilarListingsBrowserTest {

    private static final String NEIGHBOUR_TITLE = "Racercykel i aluminium <b>billig</b>";

    private static QdrantDouble qdrant;
    private static AlertServer server;
    private static HeadlessChromium chromium;

    @BeforeAll
    static void start() throws Exception {
        HeadlessChromium.assumeInstalled();
        qdrant = QdrantDouble.start();
        server =
                AlertServer.start(
                        TestBackends.settings()
                                .withSimilarSearch(
                                        SimilarSearchSettings.qdrant(
                                                qdrant.restUrl(), IndexedListings.COLLECTION)));
        chromium = HeadlessChromium.start();
    }

    @AfterAll
    static void stop() {
        if (chromium != null) {
            chromium.close();
        }
        if (server != null) {
            server.close();
        }
        if (qdrant != null) {
            qdrant.close();
        }
    }

    @Test
    void theDetailPanelListsSimilarListingsAsText() throws Exception {
        String key = DashboardFixtures.newKey();
        String neighbour = DashboardFixtures.newKey();
        DashboardFixtures.listing(key, "Racercykel med carbonstel", 4500L, "", List.of());
        DashboardFixtures.listing(neighbour, NEIGHBOUR_TITLE, 2500L, "", List.of());
        IndexedListings.index(
                qdrant,
                List.of(
                        IndexedListings.point(key, "Racercykel med carbonstel", 4500, "2100", true),
                        IndexedListings.point(neighbour, NEIGHBOUR_TITLE, 2500, "2100", true)));
        chromium.signIn(server, TestBackends.newUser("similar"));

        chromium.open(server, "/listings/" + WebSession.encode(key));

        Await.until(
                HeadlessChromium.WAIT,
                "similar listings to load",
                () ->
                        !chromium.driver()
                                .findElements(By.cssSelector(".similar a.detail-link"))
                                .isEmpty());
        WebElement link = chromium.driver().findElement(By.cssSelector(".similar a.detail-link"));
        assertThat(link.getText()).isEqualTo(NEIGHBOUR_TITLE);
        assertThat(chromium.driver().findElements(By.cssSelector(".similar b"))).isEmpty();
        assertThat(chromium.driver().findElement(By.cssSelector(".similar")).getText())
                .contains("2.500 kr.");
    }
}
