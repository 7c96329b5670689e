package dk.dealfinder.alertserver.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dk.dealfinder.alertserver.AccessSettings;
import dk.dealfinder.alertserver.AlertServer;
import dk.dealfinder.alertserver.AlertServerHttp;
import dk.dealfinder.alertserver.TestBackends;
import dk.dealfinder.alertserver.TestBackends.TestUser;
import dk.dealfinder.alertserver.WebSession;
import dk.dealfinder.alertserver.web.SecurityHeaders;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Who gets in, how, and what they may do: real server, real PostgreSQL. */
class AccessControlTest {

    private static final AlertServerHttp HTTP = new AlertServerHttp();
    private static AlertServer server;

    @BeforeAll
    static void start() {
        server =
                AlertServer.start(
                        TestBackends.settings()
                                .withAccess(
                                        AccessSettings.DEFAULTS.withCorsOrigins(
                                                List.of("https://app.example.dk"))));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void everyRouteButHealthAndReadyNeedsAUser() throws Exception {
        for (String path :
                List.of("/api/queries", "/api/alerts/stream", "/api/me", "/openapi.json")) {
            HttpResponse<String> response = HTTP.get(server, path, null);
            assertThat(response.statusCode()).as(path).isEqualTo(401);
            assertThat(response.body()).as(path).contains("\"error\"");
        }
        assertThat(HTTP.get(server, "/api/queries", "Bearer dft_made-up").statusCode())
                .isEqualTo(401);
        assertThat(HTTP.get(server, "/health", null).statusCode()).isEqualTo(200);
        assertThat(HTTP.get(server, "/ready", null).statusCode()).isEqualTo(200);
        assertThat(HTTP.get(server, "/metrics", null).statusCode()).isEqualTo(401);
        assertThat(HTTP.get(server, "/metrics", TestBackends.sharedUser().bearer()).statusCode())
                .as("a user token is not the service token")
                .isEqualTo(401);
        assertThat(HTTP.get(server, "/metrics", "Bearer " + AlertServerHttp.TOKEN).body())
                .containsPattern("(?m)^http_auth_failures_total [1-9]\\d*$");
    }

    @Test
    void aGuestAskingForAPageIsSentToSignIn() throws Exception {
        HttpResponse<String> page = WebSession.guest(server).get("/");

        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location")).hasValue("/login");
        HttpResponse<String> form = WebSession.guest(server).get("/login");
        assertThat(form.body()).contains("name=\"token\"");
        assertThat(form.headers().firstValue("Content-Security-Policy"))
                .hasValue(SecurityHeaders.POLICY);
    }

    @Test
    void signingInSetsAnHttpOnlySameSiteCookieAndAWrongTokenDoesNot() throws Exception {
        TestUser user = TestBackends.newUser("cookie");
        WebSession guest = WebSession.guest(server);

        HttpResponse<String> wrong = guest.postForm("/login", "token=dft_wrong");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.headers().allValues("Set-Cookie")).isEmpty();

        HttpResponse<String> ok =
                guest.postForm("/login", "token=" + WebSession.encode(user.token()));
        assertThat(ok.statusCode()).isEqualTo(302);
        String cookie = ok.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie)
                .startsWith(AuthGate.SESSION_COOKIE + "=")
                .containsIgnoringCase("HttpOnly")
                .containsIgnoringCase("SameSite=Lax")
                .doesNotContain(user.token());

        HttpResponse<String> me = guest.sendJson("GET", "/api/me", null, null);
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains(user.user().id(), "csrfToken");
    }

    @Test
    void cookieWritesNeedTheCsrfTokenButBearerWritesDoNot() throws Exception {
        TestUser user = TestBackends.newUser("csrf");
        WebSession browser = WebSession.signIn(server, user.token());
        String body = "{\"terms\":\"racercykel\"}";

        HttpResponse<String> forged = browser.sendJson("POST", "/api/queries", body, null);
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.body()).contains("CSRF");
        HttpResponse<String> wrong = browser.sendJson("POST", "/api/queries", body, "nope");
        assertThat(wrong.statusCode()).isEqualTo(403);

        assertThat(browser.sendJson("POST", "/api/queries", body, browser.csrfToken()).statusCode())
                .isEqualTo(201);
        assertThat(HTTP.send(server, "POST", "/api/queries", body, user.bearer()).statusCode())
                .isEqualTo(201);
        assertThat(browser.sendJson("GET", "/api/queries", null, null).body())
                .as("reads need no CSRF token")
                .contains("racercykel");
    }

    @Test
    void signingOutEndsTheSession() throws Exception {
        TestUser user = TestBackends.newUser("logout");
        WebSession browser = WebSession.signIn(server, user.token());
        String csrf = browser.csrfToken();

        HttpResponse<String> out = browser.postForm("/logout", "_csrf=" + csrf);
        assertThat(out.statusCode()).isEqualTo(302);

        assertThat(browser.sendJson("GET", "/api/me", null, null).statusCode()).isEqualTo(401);
    }

    @Test
    void corsAllowsOnlyTheConfiguredOrigin() throws Exception {
        var allowed =
                HTTP.getWithOrigin(server, "/health", "https://app.example.dk")
                        .headers()
                        .firstValue("Access-Control-Allow-Origin");
        var other =
                HTTP.getWithOrigin(server, "/health", "https://evil.example")
                        .headers()
                        .firstValue("Access-Control-Allow-Origin");

        assertThat(allowed).hasValue("https://app.example.dk");
        assertThat(other).isEmpty();
    }

    @Test
    void aUserOverTheRateLimitGets429WithRetryAfter() throws Exception {
        try (AlertServer strict =
                AlertServer.start(
                        TestBackends.settings()
                                .withAccess(AccessSettings.DEFAULTS.withRateLimit(1, 2)))) {
            TestUser user = TestBackends.newUser("rate");
            TestUser other = TestBackends.newUser("calm");

            assertThat(HTTP.get(strict, "/api/me", user.bearer()).statusCode()).isEqualTo(200);
            assertThat(HTTP.get(strict, "/api/me", user.bearer()).statusCode()).isEqualTo(200);
            HttpResponse<String> limited = HTTP.get(strict, "/api/me", user.bearer());

            assertThat(limited.statusCode()).isEqualTo(429);
            assertThat(limited.headers().firstValue("Retry-After"))
                    .hasValueSatisfying(v -> assertThat(Long.parseLong(v)).isPositive());
            assertThat(HTTP.get(strict, "/api/me", other.bearer()).statusCode())
                    .as("the limit is per user")
                    .isEqualTo(200);
        }
    }

    @Test
    void tokensAreStoredOnlyAsHashesAndAUserCanIssueMore() throws Exception {
        TestUser user = TestBackends.newUser("tokens");
        HttpResponse<String> issued =
                HTTP.send(server, "POST", "/api/tokens?label=laptop", null, user.bearer());
        assertThat(issued.statusCode()).isEqualTo(201);
        String token = issued.body().replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
        assertThat(token).startsWith(UserStore.TOKEN_PREFIX);
        assertThat(HTTP.get(server, "/api/me", "Bearer " + token).body())
                .contains(user.user().id());

        List<String> stored =
                TestBackends.jdbc()
                        .list(
                                "SELECT token_hash FROM api_tokens WHERE user_id = ?",
                                s -> s.setString(1, user.user().id()),
                                rs -> rs.getString(1));
        assertThat(stored)
                .hasSize(2)
                .contains(Secrets.hash(token), Secrets.hash(user.token()))
                .doesNotContain(token, user.token());
    }
}
