package dk.dealfinder.alertserver;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Plain HTTP calls against a running {@link AlertServer}, as the Flink sink and browsers make. */
public final class AlertServerHttp {

    public static final String TOKEN = "test-ingest-token";

    private final HttpClient http =
            HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();

    public HttpResponse<String> postAlerts(AlertServer server, String body, String authorization)
            throws IOException, InterruptedException {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(server.baseUrl().resolve("/internal/alerts"))
                        .timeout(Duration.ofSeconds(10))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> postAlerts(AlertServer server, String body)
            throws IOException, InterruptedException {
        return postAlerts(server, body, "Bearer " + TOKEN);
    }

    /** GET signed in as the shared test user. */
    public HttpResponse<String> get(AlertServer server, String path)
            throws IOException, InterruptedException {
        return get(server, path, TestBackends.sharedUser().bearer());
    }

    /** GET with the given Authorization header (null for none). */
    public HttpResponse<String> get(AlertServer server, String path, String authorization)
            throws IOException, InterruptedException {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(server.baseUrl().resolve(path))
                        .timeout(Duration.ofSeconds(10))
                        .GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** GET with an Origin header, as a browser on another site sends. */
    public HttpResponse<String> getWithOrigin(AlertServer server, String path, String origin)
            throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(server.baseUrl().resolve(path))
                        .timeout(Duration.ofSeconds(10))
                        .header("Origin", origin)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Any request with a JSON body (or none), with the given Authorization header. */
    public HttpResponse<String> send(
            AlertServer server, String method, String path, String json, String authorization)
            throws IOException, InterruptedException {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(server.baseUrl().resolve(path))
                        .timeout(Duration.ofSeconds(10))
                        .method(
                                method,
                                json == null
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The feed, signed in as the shared test user. */
    public SseConnection stream(AlertServer server, String query, String lastEventId)
            throws IOException, InterruptedException {
        return stream(server, query, lastEventId, TestBackends.sharedUser().bearer());
    }

    public SseConnection stream(
            AlertServer server, String query, String lastEventId, String authorization)
            throws IOException, InterruptedException {
        URI uri = server.baseUrl().resolve("/api/alerts/stream" + query);
        return SseConnection.open(http, uri, lastEventId, authorization);
    }
}
