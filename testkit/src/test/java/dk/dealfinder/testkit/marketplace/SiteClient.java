package dk.dealfinder.testkit.marketplace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandler;
import java.time.Duration;

/** Plain HTTP against a running {@link LocalMarketplace}, as a scraper would see it. */
final class SiteClient {

    static final String PRIMARY_API = "/recommerce/forsale/search/api/search/SEARCH_ID_BAP_COMMON";
    static final String LEGACY_API = "/recommerce-search-page/api/search/SEARCH_ID_BAP_COMMON";
    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI baseUrl;

    SiteClient(LocalMarketplace marketplace) {
        this.baseUrl = marketplace.baseUrl();
    }

    HttpResponse<String> get(String pathAndQuery) {
        return send(pathAndQuery, HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<byte[]> bytes(String pathAndQuery) {
        return send(pathAndQuery, HttpResponse.BodyHandlers.ofByteArray());
    }

    /** GETs a JSON document, failing the test unless the answer is 200. */
    JsonNode json(String pathAndQuery) {
        HttpResponse<String> response = get(pathAndQuery);
        if (response.statusCode() != 200) {
            throw new AssertionError(
                    pathAndQuery + " answered " + response.statusCode() + ": " + response.body());
        }
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }

    private <T> HttpResponse<T> send(String pathAndQuery, BodyHandler<T> handler) {
        HttpRequest request =
                HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery))
                        .timeout(Duration.ofSeconds(10))
                        .GET()
                        .build();
        try {
            return http.send(request, handler);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The JSON inside the first {@code <script>} element that follows {@code marker}. */
    static JsonNode scriptJson(String html, String marker) {
        int start = html.indexOf(marker);
        if (start < 0) {
            throw new AssertionError("no " + marker + " in page");
        }
        int open = html.indexOf('{', start);
        int close = html.indexOf("</script>", open);
        String body = html.substring(open, close).trim();
        if (body.endsWith(";")) {
            body = body.substring(0, body.length() - 1);
        }
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }
}
