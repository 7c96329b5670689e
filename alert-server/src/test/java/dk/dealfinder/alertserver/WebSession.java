package dk.dealfinder.alertserver;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A browser-like client: signs in through the form, then carries the session cookie. */
public final class WebSession {

    private static final Pattern CSRF_JSON = Pattern.compile("\"csrfToken\":\"([^\"]+)\"");

    private final URI base;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http;

    private WebSession(URI base) {
        this.base = base;
        this.http =
                HttpClient.newBuilder()
                        .cookieHandler(cookies)
                        .followRedirects(HttpClient.Redirect.NEVER)
                        .connectTimeout(Duration.ofSeconds(5))
                        .build();
    }

    /** Posts the token to the sign-in form; the response is the form's (a redirect on success). */
    public static WebSession signIn(AlertServer server, String token)
            throws IOException, InterruptedException {
        WebSession session = new WebSession(server.baseUrl());
        HttpResponse<String> response = session.postForm("/login", "token=" + encode(token));
        if (response.statusCode() != 302) {
            throw new IllegalStateException("sign-in failed: " + response.statusCode());
        }
        return session;
    }

    public static WebSession guest(AlertServer server) {
        return new WebSession(server.baseUrl());
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(base.resolve(path))
                        .header("Accept", "text/html")
                        .timeout(Duration.ofSeconds(10))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> postForm(String path, String form)
            throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(base.resolve(path))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .timeout(Duration.ofSeconds(10))
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A JSON request carrying the cookie, and the CSRF header when {@code csrf} is not null. */
    public HttpResponse<String> sendJson(String method, String path, String json, String csrf)
            throws IOException, InterruptedException {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(base.resolve(path))
                        .header("Content-Type", "application/json")
                        .timeout(Duration.ofSeconds(10))
                        .method(
                                method,
                                json == null
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofString(json));
        if (csrf != null) {
            request.header("X-CSRF-Token", csrf);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The session's CSRF token, as the dashboard's scripts learn it from {@code /api/me}. */
    public String csrfToken() throws IOException, InterruptedException {
        HttpResponse<String> me = sendJson("GET", "/api/me", null, null);
        Matcher m = CSRF_JSON.matcher(me.body());
        if (me.statusCode() != 200 || !m.find()) {
            throw new IllegalStateException("no CSRF token from /api/me: " + me.body());
        }
        return m.group(1);
    }

    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
