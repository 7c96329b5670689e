package dk.dealfinder.alertserver.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dk.dealfinder.alertserver.AlertServer;
import dk.dealfinder.alertserver.AlertServerHttp;
import dk.dealfinder.alertserver.TestBackends;
import dk.dealfinder.alertserver.TestBackends.TestUser;
import dk.dealfinder.alertserver.WebSession;
import dk.dealfinder.alertserver.api.SavedQueryRepository;
import dk.dealfinder.core.model.Alert;
import dk.dealfinder.core.model.SavedQuery;
import dk.dealfinder.testkit.Await;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The dashboard in a real headless chromium (Debian's {@code chromium} and {@code
 * chromium-driver}): sign in, create a saved query, get its alert as a toast, open the detail panel
 * from it; and a listing whose title is markup stays text.
 */
class DashboardBrowserTest {

    private static final String HOSTILE = "<img src=x onerror=alert(1)>";
    private static final Duration WAIT = HeadlessChromium.WAIT;

    private static AlertServer server;
    private HeadlessChromium chromium;
    private ChromeDriver browser;
    private TestUser user;

    @BeforeAll
    static void start() {
        HeadlessChromium.assumeInstalled();
        server = AlertServer.start(TestBackends.settings());
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @BeforeEach
    void openBrowser() {
        chromium = HeadlessChromium.start();
        browser = chromium.driver();
        user = TestBackends.newUser("browser");
        chromium.signIn(server, user);
    }

    @AfterEach
    void closeBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void aNewQuerysAlertArrivesAsAToastThatOpensTheDetailPanel() throws Exception {
        String key = DashboardFixtures.newKey();
        DashboardFixtures.listing(key, "Trek Émonda racercykel", 4500L, "Kører som ny.", List.of());
        DashboardFixtures.pricePoint(key, 1, 4500, "NEW", DashboardFixtures.PUBLISHED);

        browser.get(url("/preferences"));
        browser.findElement(By.id("f-name")).sendKeys("Racer fra browseren");
        browser.findElement(By.id("f-terms")).sendKeys("racercykel");
        browser.findElement(By.id("f-maxPrice")).sendKeys("5000");
        browser.findElement(By.cssSelector("form.query-form button[type=submit]")).click();
        Await.until(
                WAIT,
                "the query to be saved",
                () ->
                        browser.findElement(By.cssSelector(".notice"))
                                .getText()
                                .contains("oprettet"));
        List<SavedQuery> owned =
                new SavedQueryRepository(TestBackends.jdbc()).ownedBy(user.user().id());
        assertThat(owned).extracting(SavedQuery::name).containsExactly("Racer fra browseren");

        browser.get(url("/"));
        awaitLive();
        publish(owned.get(0), key, "Trek Émonda racercykel");

        WebElement link = awaitToastLink();
        assertThat(link.getText()).isEqualTo("Trek Émonda racercykel");
        link.click();
        awaitDetailPanel("Trek Émonda racercykel");
        assertThat(browser.getCurrentUrl()).isEqualTo(url("/"));
        assertThat(browser.findElements(By.cssSelector("#detail header, #detail main")))
                .as("the panel is a fragment, not a page inside the page")
                .isEmpty();
        assertThat(browser.findElement(By.cssSelector("#detail .price-chart")).isDisplayed())
                .isTrue();
        assertThat(browser.findElement(By.cssSelector("#detail .description")).getText())
                .isEqualTo("Kører som ny.");
    }

    @Test
    void aListingTitledWithMarkupRendersAsText() throws Exception {
        SavedQuery query = TestBackends.ownedQuery(user, "racercykel");
        String key = DashboardFixtures.newKey();
        DashboardFixtures.listing(key, HOSTILE, 100L, HOSTILE, List.of());
        DashboardFixtures.match(query.id(), key, 95, HOSTILE);

        browser.get(url("/"));
        awaitLive();
        publish(query, key, HOSTILE);

        WebElement link = awaitToastLink();
        assertThat(link.getText()).isEqualTo(HOSTILE);
        link.click();
        awaitDetailPanel(HOSTILE);
        assertThat(browser.findElement(By.cssSelector("#detail .description")).getText())
                .isEqualTo(HOSTILE);
        assertThat(browser.findElements(By.cssSelector("img[src='x']"))).isEmpty();

        browser.get(url("/listings/" + WebSession.encode(key)));
        assertThat(browser.findElement(By.id("listing-title")).getText()).isEqualTo(HOSTILE);
        assertThatThrownBy(() -> browser.switchTo().alert())
                .as("no script from the title ran")
                .isInstanceOf(NoAlertPresentException.class);
    }

    @Test
    void theQueryBoxAndFiltersUpdateTheGridAndTheFavouriteButtonWorks() {
        SavedQuery query = TestBackends.ownedQuery(user, "racercykel");
        String word = "zx" + Long.toHexString(System.nanoTime());
        String wanted = DashboardFixtures.newKey();
        String other = DashboardFixtures.newKey();
        DashboardFixtures.listing(wanted, "Racercykel " + word, 2500L, "", List.of());
        DashboardFixtures.listing(other, "Mountainbike", 1500L, "", List.of());
        DashboardFixtures.match(query.id(), wanted, 80, "");
        DashboardFixtures.match(query.id(), other, 70, "");

        browser.get(url("/"));
        browser.findElement(By.id("q")).sendKeys(word);

        Await.until(
                WAIT,
                "the grid to show only the matching listing",
                () -> cardTitles().equals(List.of("Racercykel " + word)));
        assertThat(browser.getCurrentUrl())
                .as("the search is in the address")
                .contains("q=" + word);

        browser.findElement(By.id("q")).clear();
        browser.findElement(By.cssSelector("#query option[value='" + query.id() + "']")).click();
        browser.findElement(By.id("maxPrice")).sendKeys("2000", Keys.TAB);
        Await.until(
                WAIT,
                "the price filter to leave only the cheaper listing",
                () -> cardTitles().equals(List.of("Mountainbike")));

        browser.findElement(By.cssSelector(".card h3 a")).click();
        awaitDetailPanel("Mountainbike");
        browser.findElement(By.cssSelector("#detail .actions button[hx-put$='/favourite']"))
                .click();
        Await.until(
                WAIT,
                "the star to be saved (HTMX sends the CSRF header from the body's hx-headers)",
                () ->
                        browser.findElement(By.cssSelector("#detail .actions button"))
                                .getText()
                                .equals("★ Fjern favorit"));
        browser.findElement(By.cssSelector("#detail button.close")).click();
        Await.until(
                WAIT,
                "the detail panel to close",
                () -> browser.findElements(By.cssSelector("#detail *")).isEmpty());
    }

    private List<String> cardTitles() {
        return browser.findElements(By.cssSelector("#results .card h3")).stream()
                .map(WebElement::getText)
                .toList();
    }

    private void awaitDetailPanel(String title) {
        Await.until(
                WAIT,
                "the detail panel to open on " + title,
                () ->
                        browser.findElement(By.cssSelector("#detail #listing-title"))
                                .getText()
                                .equals(title));
    }

    /** The toast can only arrive once the page's EventSource is connected. */
    private void awaitLive() {
        Await.until(
                WAIT,
                "the live feed to connect",
                () -> browser.findElement(By.id("live-status")).getText().equals("live"));
    }

    private WebElement awaitToastLink() {
        Await.until(
                WAIT,
                "a toast",
                () ->
                        !browser.findElements(By.cssSelector("#toasts .toast a.detail-link"))
                                .isEmpty());
        return browser.findElement(By.cssSelector("#toasts .toast a.detail-link"));
    }

    /** As the Flink job's sink posts a matching listing's alert. */
    private static void publish(SavedQuery query, String key, String title) throws Exception {
        long now = Instant.now().toEpochMilli();
        Alert alert =
                new Alert(
                        Alert.idOf(query.id(), key, 1),
                        query.id(),
                        query.name(),
                        key,
                        1,
                        title,
                        4500L,
                        "DKK",
                        "https://www.dba.dk/" + key.substring(7),
                        null,
                        91.0,
                        "92 % relevant; 10 % under markedsprisen",
                        now,
                        now,
                        now);
        String body = new ObjectMapper().writeValueAsString(List.of(alert));
        assertThat(new AlertServerHttp().postAlerts(server, body).statusCode()).isBetween(200, 299);
    }

    private static String url(String path) {
        return HeadlessChromium.url(server, path);
    }
}
