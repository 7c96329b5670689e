package dk.dealfinder.scraper.fetch;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.zip.GZIPInputStream;

/**
 * The JDK's HTTP client: one per reader, so connections to a site are kept alive and reused across
 * feeds. Asks for gzip and inflates it, since the JDK client does not.
 */
public final class JdkHttpTransport implements HttpTransport {

    private final HttpClient http;

    public JdkHttpTransport(Duration connectTimeout) {
        this(
                HttpClient.newBuilder()
                        .connectTimeout(connectTimeout)
                        .followRedirects(HttpClient.Redirect.NORMAL)
                        .build());
    }

    /** Sends every request through {@code proxy}. */
    public static JdkHttpTransport viaProxy(Duration connectTimeout, ProxySelector proxy) {
        return new JdkHttpTransport(
                HttpClient.newBuilder()
                        .connectTimeout(connectTimeout)
                        .followRedirects(HttpClient.Redirect.NORMAL)
                        .proxy(proxy)
                        .build());
    }

    private JdkHttpTransport(HttpClient http) {
        this.http = http;
    }

    @Override
    public FetchedPage get(URI uri, String accept, String userAgent, Duration timeout)
            throws IOException, InterruptedException {
        HttpRequest request =
                HttpRequest.newBuilder(uri)
                        .timeout(timeout)
                        .header("User-Agent", userAgent)
                        .header("Accept", accept)
                        .header("Accept-Encoding", "gzip")
                        .GET()
                        .build();
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        byte[] body = response.body();
        if (response.headers()
                .firstValue("Content-Encoding")
                .filter(e -> e.equalsIgnoreCase("gzip"))
                .isPresent()) {
            try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
                body = in.readAllBytes();
            }
        }
        return new FetchedPage(
                uri,
                response.statusCode(),
                contentType,
                new String(body, charsetOf(contentType)),
                response.headers().firstValue("Retry-After"));
    }

    private static Charset charsetOf(String contentType) {
        int at = contentType.toLowerCase().indexOf("charset=");
        if (at >= 0) {
            try {
                return Charset.forName(contentType.substring(at + 8).split(";")[0].trim());
            } catch (IllegalArgumentException e) {
                return StandardCharsets.UTF_8;
            }
        }
        return StandardCharsets.UTF_8;
    }
}
