package dk.dealfinder.testkit.marketplace;

/**
 * One request the marketplace answered, as its server saw it, so tests can count requests per
 * second per host and check what a scraper sent.
 *
 * @param receivedNanos {@link System#nanoTime()} when the request arrived
 * @param path the request path with its query string
 * @param userAgent the {@code User-Agent} header, empty if none
 * @param viaHeader the {@code Via} header a proxy adds, empty if none
 * @param status the HTTP status of the answer
 */
public record ServedRequest(
        long receivedNanos, String path, String userAgent, String viaHeader, int status) {}
