package dk.dealfinder.alertserver.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dk.dealfinder.alertserver.AlertServer;
import dk.dealfinder.alertserver.StoredRows;
import dk.dealfinder.alertserver.TestBackends;
import dk.dealfinder.alertserver.TestBackends.TestUser;
import dk.dealfinder.alertserver.WebSession;
import dk.dealfinder.core.model.SavedQuery;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The search page and the detail panel over HTTP, signed in with the session cookie. */
class DashboardPagesTest {

    private static final String HOSTILE = "<img src=x onerror=alert(1)>";

    private static AlertServer server;
    private static TestUser user;
    private static SavedQuery query;
    private static WebSession browser;

    @BeforeAll
    static void start() throws Exception {
        server = AlertServer.start(TestBackends.settings());
        user = TestBackends.newUser("dashboard");
        query = TestBackends.ownedQuery(user, "racercykel");
        browser = WebSession.signIn(server, user.token());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void searchPageRunsOnlyOurOwnScriptsUnderAStrictPolicy() throws Exception {
        HttpResponse<String> page = browser.get("/");

        assertThat(page.statusCode()).isEqualTo(200);
        String policy = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(policy)
                .contains("default-src 'none'", "script-src 'self'", "style-src 'self'")
                .contains("connect-src 'self'", "frame-ancestors 'none'")
                .doesNotContain("unsafe-inline", "unsafe-eval");
        String body = page.body();
        assertThat(Pattern.compile("<script").matcher(body).results().count()).isEqualTo(2);
        assertThat(body)
                .contains("<script src=\"/webjars/htmx.org/2.0.4/dist/htmx.min.js\" defer>")
                .contains("<script src=\"/static/dashboard.js\" defer>")
                .contains("hx-trigger=\"input changed delay:500ms, search\"")
                .doesNotContain("hx-on", "javascript:")
                .as("no inline event handler in any tag")
                .doesNotContainPattern("<[^>]*\\son[a-z]+\\s*=");
        assertThat(body)
                .as("HTMX sends the CSRF token as a header, from attribute-escaped JSON")
                .contains(
                        "hx-headers=\"{&quot;X-CSRF-Token&quot;:&quot;"
                                + browser.csrfToken()
                                + "&quot;}\"");
    }

    @Test
    void everyInputOnTheSearchPageHasALabel() throws Exception {
        String body = browser.get("/").body();

        var ids =
                Pattern.compile("<(?:input|select)[^>]*\\sid=\"([^\"]+)\"")
                        .matcher(body)
                        .results()
                        .map(m -> m.group(1))
                        .toList();
        assertThat(ids)
                .contains(
                        "q",
                        "minPrice",
                        "maxPrice",
                        "site",
                        "sort",
                        "verdict",
                        "minScore",
                        "query");
        ids.forEach(id -> assertThat(body).contains("<label for=\"" + id + "\">"));
    }

    @Test
    void aHostileTitleIsRenderedAsText() throws Exception {
        String key = DashboardFixtures.newKey();
        DashboardFixtures.listing(key, HOSTILE, 900L, "\"><script>alert(2)</script>", List.of());
        DashboardFixtures.match(query.id(), key, 91, "<b>cheap</b>");

        HttpResponse<String> detail = browser.get("/listings/" + key);

        assertThat(detail.statusCode()).isEqualTo(200);
        assertThat(detail.body())
                .contains("&lt;img src=x onerror=alert(1)&gt;")
                .contains("&quot;&gt;&lt;script&gt;alert(2)&lt;/script&gt;")
                .contains("&lt;b&gt;cheap&lt;/b&gt;")
                .doesNotContain(HOSTILE, "<script>", "<b>cheap");
        String results = browser.get("/?query=" + query.id()).body();
        assertThat(results).contains("&lt;img src=x onerror=alert(1)&gt;").doesNotContain(HOSTILE);
    }

    @Test
    void theDetailPanelLinksTheOtherAdsOfTheSameItem() throws Exception {
        String original = DashboardFixtures.newKey();
        String repost = DashboardFixtures.newKey();
        DashboardFixtures.listing(original, "Kajak", 3000L, "", List.of());
        DashboardFixtures.listing(repost, "Kajak", 3000L, "", List.of());
        StoredRows.repostLink(repost, original, 2, DashboardFixtures.PUBLISHED);

        String body = browser.get("/listings/" + repost).body();

        assertThat(body).contains("Samme vare er også slået op som: <a href=\"/listings/");
        assertThat(body).contains(">" + original + "</a>").doesNotContain(">" + repost + "</a>");
    }

    @Test
    void theSitesFactsAndTheJudgedScorePartsAreShownAndEscaped() throws Exception {
        String key = DashboardFixtures.newKey();
        DashboardFixtures.listing(key, "Sofa", 900L, "Pæn", List.of());
        StoredRows.itemFacts(key, "DEALER", "Sofaer", HOSTILE, null, null);
        DashboardFixtures.match(query.id(), key, 70, "under market");
        StoredRows.sellerAndDistanceParts(query.id(), key, 1, 0.3, null);

        String body = browser.get("/listings/" + key).body();

        assertThat(body)
                .contains("<dt>Sælger</dt><dd>Forhandler</dd>", "<dt>Kategori</dt><dd>Sofaer</dd>")
                .contains("&lt;img src=x onerror=alert(1)&gt;")
                .doesNotContain(HOSTILE)
                .contains("<dt>Sælger</dt><dd>30 %</dd><dt>Afstand</dt><dd>–</dd>");
    }

    @Test
    void detailPanelDrawsThePriceHistoryAsSvg() throws Exception {
        String key = DashboardFixtures.newKey();
        DashboardFixtures.listing(
                key,
                "Racercykel, Trek Émonda",
                1250L,
                "Nyserviceret.\nKører som ny.",
                List.of(
                        "https://images.dba.dk/1.jpg",
                        "javascript:alert(3)",
                        "https://images.dba.dk/2.jpg"));
        Instant t0 = DashboardFixtures.PUBLISHED;
        DashboardFixtures.pricePoint(key, 1, 2000, "NEW", t0);
        DashboardFixtures.pricePoint(key, 2, 1500, "PRICE_DROP", t0.plusSeconds(86_400));
        DashboardFixtures.pricePoint(key, 3, 1250, "PRICE_DROP", t0.plusSeconds(2 * 86_400));
        DashboardFixtures.match(query.id(), key, 88, "38 % under markedsprisen");

        HttpResponse<String> detail = browser.get("/listings/" + key);

        String body = detail.body();
        assertThat(body).contains("<svg class=\"price-chart\"", "role=\"img\"");
        String points =
                Pattern.compile("<polyline[^>]*points=\"([^\"]+)\"")
                        .matcher(body)
                        .results()
                        .findFirst()
                        .orElseThrow()
                        .group(1);
        assertThat(points.split(" ")).hasSize(3);
        assertThat(Pattern.compile("<circle").matcher(body).results().count()).isEqualTo(3);
        assertThat(body)
                .contains("2.000 kr.", "1.500 kr.", "1.250 kr.")
                .contains("21. nov. 2026 14:05")
                .contains("38 % under markedsprisen")
                .contains("class=\"carousel\"")
                .doesNotContain("javascript:");
        assertThat(Pattern.compile("<img ").matcher(body).results().count())
                .as("only the two https photos")
                .isEqualTo(2);
    }

    @Test
    void theGridIsPagedAndThePagerKeepsTheFilters() throws Exception {
        SavedQuery own = TestBackends.ownedQuery(user, "cykelhjelm");
        for (int i = 0; i < 25; i++) {
            String key = DashboardFixtures.newKey();
            DashboardFixtures.listing(key, "Cykelhjelm " + i, 100L + i, "", List.of());
            DashboardFixtures.match(own.id(), key, 50, "");
        }

        String first = browser.get("/?query=" + own.id()).body();
        String second = browser.get("/?query=" + own.id() + "&page=2").body();

        assertThat(first).contains("25 annoncer", "Side 1 af 2");
        assertThat(first).contains("href=\"/?query=" + own.id() + "&amp;page=2\"");
        assertThat(Pattern.compile("<article class=\"card").matcher(first).results().count())
                .isEqualTo(24);
        assertThat(Pattern.compile("<article class=\"card").matcher(second).results().count())
                .isEqualTo(1);
        assertThat(second).contains("Side 2 af 2", "Forrige");
    }

    @Test
    void theAlertHistoryShowsPastAlertsAsText() throws Exception {
        String key = DashboardFixtures.newKey();
        DashboardFixtures.listing(key, HOSTILE, 1500L, "", List.of());
        DashboardFixtures.alert(query.id(), key, "Alarm " + HOSTILE);

        String page = browser.get("/").body();

        String history = page.substring(page.indexOf("id=\"history-heading\""));
        assertThat(history)
                .contains("Alarm &lt;img src=x onerror=alert(1)&gt;")
                .contains("1.500 kr.", "Score 77", "21. nov. 2026 14:05")
                .doesNotContain(HOSTILE);
    }

    @Test
    void aNulCharacterInASearchFieldIsDroppedNotSentToTheDatabase() throws Exception {
        assertThat(browser.get("/?q=iphone%00&minPrice=1%000").statusCode()).isEqualTo(200);
    }

    @Test
    void anUnknownListingIsNotFound() throws Exception {
        assertThat(browser.get("/listings/dba.dk:does-not-exist").statusCode()).isEqualTo(404);
    }

    @Test
    void favouriteNeedsTheCsrfToken() throws Exception {
        String key = DashboardFixtures.newKey();
        DashboardFixtures.listing(key, "Cykelhjelm", 200L, "", List.of());
        String path = "/listings/" + key + "/favourite";

        assertThat(browser.sendJson("PUT", path, null, null).statusCode()).isEqualTo(403);
        assertThat(browser.get("/listings/" + key).body())
                .contains("hx-put=\"/listings/" + WebSession.encode(key) + "/favourite\"");

        HttpResponse<String> starred = browser.sendJson("PUT", path, null, browser.csrfToken());

        assertThat(starred.statusCode()).isEqualTo(200);
        assertThat(starred.body())
                .contains("hx-delete=\"/listings/")
                .contains("aria-pressed=\"true\"");
        assertThat(browser.get("/listings/" + key).body()).contains("★ Fjern favorit");
        String page = browser.get("/").body();
        assertThat(page.substring(page.indexOf("id=\"favourites-heading\"")))
                .contains(">Cykelhjelm</a>");

        HttpResponse<String> unstarred =
                browser.sendJson("DELETE", path, null, browser.csrfToken());
        assertThat(unstarred.body())
                .contains("hx-put=\"/listings/")
                .contains("aria-pressed=\"false\"");
    }

    @Test
    void staticFilesAreServedWithTheirTypes() throws Exception {
        HttpResponse<String> css = browser.get("/static/dashboard.css");
        HttpResponse<String> script = browser.get("/static/dashboard.js");

        assertThat(css.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/css");
        assertThat(script.headers().firstValue("Content-Type").orElseThrow())
                .startsWith("text/javascript");
        assertThat(script.body())
                .contains("new EventSource('/api/alerts/stream')", "textContent")
                .doesNotContain(
                        "innerHTML",
                        "outerHTML",
                        "insertAdjacentHTML",
                        "document.write",
                        "eval(",
                        "new Function");
    }
}
