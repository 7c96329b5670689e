package dk.dealfinder.testkit.marketplace;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/** Status, content type, extra headers and body of one answer from the marketplace. */
record SiteResponse(int status, String contentType, byte[] body, Map<String, String> headers) {

    SiteResponse {
        headers = Map.copyOf(headers);
    }

    SiteResponse(int status, String contentType, byte[] body) {
        this(status, contentType, body, Map.of());
    }

    /** The same answer with one more header. */
    SiteResponse withHeader(String name, String value) {
        Map<String, String> more = new HashMap<>(headers);
        more.put(name, value);
        return new SiteResponse(status, contentType, body, more);
    }

    /** The first half of the body, as a client sees it when the connection drops mid-page. */
    SiteResponse truncated() {
        return new SiteResponse(status, contentType, Arrays.copyOf(body, body.length / 2), headers);
    }

    static SiteResponse html(String page) {
        return new SiteResponse(200, "text/html; charset=utf-8", utf8(page));
    }

    static SiteResponse json(String document) {
        return new SiteResponse(200, "application/json; charset=utf-8", utf8(document));
    }

    static SiteResponse text(int status, String message) {
        return new SiteResponse(status, "text/plain; charset=utf-8", utf8(message + "\n"));
    }

    static SiteResponse jpeg(byte[] image) {
        return new SiteResponse(200, "image/jpeg", image);
    }

    static SiteResponse notFound() {
        return text(404, "Siden findes ikke");
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
