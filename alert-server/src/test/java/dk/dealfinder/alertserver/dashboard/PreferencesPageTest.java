package dk.dealfinder.alertserver.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dk.dealfinder.alertserver.AlertServer;
import dk.dealfinder.alertserver.TestBackends;
import dk.dealfinder.alertserver.TestBackends.TestUser;
import dk.dealfinder.alertserver.WebSession;
import dk.dealfinder.alertserver.api.SavedQueryRepository;
import dk.dealfinder.core.model.DigestSchedule;
import dk.dealfinder.core.model.ModelMode;
import dk.dealfinder.core.model.SavedQuery;
import dk.dealfinder.core.model.SellerType;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The preferences page: saved queries created, edited, paused and deleted through forms. */
class PreferencesPageTest {

    private static AlertServer server;
    private static final SavedQueryRepository QUERIES =
            new SavedQueryRepository(TestBackends.jdbc());

    @BeforeAll
    static void start() {
        server = AlertServer.start(TestBackends.settings());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Map<String, String> fullForm() {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("name", "Billig racer <i>nu</i>");
        form.put("terms", "racercykel");
        form.put("site", "dba.dk");
        form.put("minPrice", "500");
        form.put("maxPrice", "3000");
        form.put("includeKeywords", "carbon, shimano");
        form.put("excludeKeywords", "defekt");
        form.put("keywordExpression", "trek OR specialized");
        form.put("maxAgeDays", "14");
        form.put("postcodes", "2100, 8000");
        form.put("nearPostcode", "");
        form.put("radiusKm", "");
        form.put("sellerType", "PRIVATE");
        form.put("modelMode", "LLM");
        form.put("alertThreshold", "70");
        form.put("digest", "HOURLY");
        form.put("active", "on");
        return form;
    }

    /** Posts the fields as a form, with the session's CSRF token when {@code withCsrf}. */
    private static HttpResponse<String> post(
            WebSession session, String path, Map<String, String> fields, boolean withCsrf)
            throws Exception {
        Map<String, String> form = new LinkedHashMap<>(fields);
        if (withCsrf) {
            form.put("_csrf", session.csrfToken());
        }
        return session.postForm(
                path,
                form.entrySet().stream()
                        .map(
                                e ->
                                        WebSession.encode(e.getKey())
                                                + "="
                                                + WebSession.encode(e.getValue()))
                        .collect(Collectors.joining("&")));
    }

    @Test
    void aQueryIsCreatedWithEveryFieldThenPausedAndDeleted() throws Exception {
        TestUser user = TestBackends.newUser("prefs");
        WebSession browser = WebSession.signIn(server, user.token());

        HttpResponse<String> created = post(browser, "/preferences/queries", fullForm(), true);

        assertThat(created.statusCode()).isEqualTo(303);
        List<SavedQuery> owned = QUERIES.ownedBy(user.user().id());
        assertThat(owned).hasSize(1);
        SavedQuery q = owned.get(0);
        assertThat(q.name()).isEqualTo("Billig racer <i>nu</i>");
        assertThat(q.minPrice()).isEqualTo(500L);
        assertThat(q.maxPrice()).isEqualTo(3000L);
        assertThat(q.includeKeywords()).containsExactly("carbon", "shimano");
        assertThat(q.excludeKeywords()).containsExactly("defekt");
        assertThat(q.keywordExpression()).isEqualTo("trek OR specialized");
        assertThat(q.maxAgeDays()).isEqualTo(14);
        assertThat(q.area().postcodes()).containsExactly("2100", "8000");
        assertThat(q.sellerType()).isEqualTo(SellerType.PRIVATE);
        assertThat(q.modelMode()).isEqualTo(ModelMode.LLM);
        assertThat(q.alertThreshold()).isEqualTo(70.0);
        assertThat(q.digest()).isEqualTo(DigestSchedule.HOURLY);
        assertThat(q.instantAlerts()).as("unticked checkbox").isFalse();
        assertThat(q.active()).isTrue();

        String list = browser.get("/preferences").body();
        assertThat(list).contains("Billig racer &lt;i&gt;nu&lt;/i&gt;").doesNotContain("<i>nu");
        String edit = browser.get("/preferences/queries/" + q.id()).body();
        assertThat(edit)
                .contains("value=\"carbon, shimano\"")
                .contains("<option value=\"LLM\" selected>");

        String base = "/preferences/queries/" + q.id();
        assertThat(post(browser, base + "/active", Map.of("active", "false"), true).statusCode())
                .isEqualTo(303);
        assertThat(QUERIES.find(q.id(), user.user().id()).orElseThrow().active()).isFalse();
        assertThat(post(browser, base + "/delete", Map.of(), true).statusCode()).isEqualTo(303);
        assertThat(QUERIES.find(q.id(), user.user().id())).isEmpty();
    }

    @Test
    void problemsAreShownNextToTheirFieldsAndNothingIsSaved() throws Exception {
        TestUser user = TestBackends.newUser("prefs");
        WebSession browser = WebSession.signIn(server, user.token());
        Map<String, String> form = fullForm();
        form.put("terms", " ");
        form.put("name", "");
        form.put("minPrice", "5000");
        form.put("maxAgeDays", "a week");
        form.put("postcodes", "2100, 99");
        form.put("nearPostcode", "2100");

        HttpResponse<String> answer = post(browser, "/preferences/queries", form, true);

        assertThat(answer.statusCode()).isEqualTo(400);
        String body = answer.body();
        assertThat(body)
                .contains("<p class=\"field-error\" id=\"f-terms-error\">is required</p>")
                .contains("id=\"f-maxPrice-error\">must not be below minPrice (3000 &lt; 5000)")
                .contains(
                        "id=\"f-maxAgeDays-error\">must be a whole number of days, got &#39;a"
                                + " week&#39;")
                .contains("id=\"f-postcodes-error\">&#39;99&#39; is not a four-digit postcode")
                .contains("id=\"f-radiusKm-error\">nearPostcode and radiusKm go together")
                .contains("aria-describedby=\"f-terms-hint f-terms-error\"")
                .contains("value=\"5000\"", "value=\"a week\"");
        assertThat(QUERIES.ownedBy(user.user().id())).isEmpty();
    }

    @Test
    void aFormPostWithoutTheCsrfTokenIsRefused() throws Exception {
        TestUser user = TestBackends.newUser("prefs");
        WebSession browser = WebSession.signIn(server, user.token());

        HttpResponse<String> answer = post(browser, "/preferences/queries", fullForm(), false);

        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(QUERIES.ownedBy(user.user().id())).isEmpty();
    }

    @Test
    void anotherUsersQueryCannotBeSeenOrChanged() throws Exception {
        TestUser owner = TestBackends.newUser("prefs");
        SavedQuery theirs = TestBackends.ownedQuery(owner, "guitar");
        WebSession stranger = WebSession.signIn(server, TestBackends.newUser("prefs").token());
        String base = "/preferences/queries/" + theirs.id();

        assertThat(stranger.get(base).statusCode()).isEqualTo(404);
        assertThat(post(stranger, base, fullForm(), true).statusCode()).isEqualTo(404);
        assertThat(post(stranger, base + "/delete", Map.of(), true).statusCode()).isEqualTo(404);
        assertThat(QUERIES.find(theirs.id(), owner.user().id())).isPresent();
    }
}
