package dk.dealfinder.testkit.marketplace;

import java.nio.charset.StandardCharsets;

/** Status, content type and body of one answer from the marketplace. */
record SiteResponse(int status, String contentType, byte[] body) {

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
