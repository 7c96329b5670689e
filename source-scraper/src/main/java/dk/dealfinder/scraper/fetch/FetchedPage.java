package dk.dealfinder.scraper.fetch;

import java.net.URI;
import java.util.Optional;

/**
 * One HTTP answer, body decoded to text.
 *
 * @param retryAfter the {@code Retry-After} header as sent, if any
 */
public record FetchedPage(
        URI uri, int status, String contentType, String body, Optional<String> retryAfter) {

    public boolean ok() {
        return status >= 200 && status < 300;
    }

    /** The start of the body on one line, for log messages. */
    public String snippet() {
        String flat = body == null ? "" : body.replaceAll("\\s+", " ").strip();
        return flat.length() <= 200 ? flat : flat.substring(0, 200) + "…";
    }
}
