package dk.dealfinder.alertserver;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How people reach the server: session lifetime, cookie flags, which other origins may call the API
 * from a browser, and the per-user rate limit.
 *
 * @param sessionTtl how long a dashboard sign-in lasts
 * @param secureCookies mark the session cookie Secure (true behind HTTPS, which production is)
 * @param corsOrigins origins such as {@code https://app.example.dk} allowed to call the API from a
 *     browser; empty (the default) allows the server's own pages only
 * @param requestsPerMinute sustained requests per user per replica
 * @param burst requests a user may make at once before the sustained rate applies
 */
public record AccessSettings(
        Duration sessionTtl,
        boolean secureCookies,
        List<String> corsOrigins,
        int requestsPerMinute,
        int burst) {

    public static final AccessSettings DEFAULTS =
            new AccessSettings(Duration.ofDays(7), false, List.of(), 600, 120);

    public AccessSettings {
        Objects.requireNonNull(sessionTtl, "sessionTtl");
        if (sessionTtl.compareTo(Duration.ofMinutes(1)) < 0) {
            throw new IllegalArgumentException("sessionTtl must be at least a minute");
        }
        corsOrigins = List.copyOf(corsOrigins);
        for (String origin : corsOrigins) {
            if (!origin.matches("https?://[^/\\s]+")) {
                throw new IllegalArgumentException(
                        "CORS origin must look like https://host[:port], was '" + origin + "'");
            }
        }
        if (requestsPerMinute < 1 || burst < 1) {
            throw new IllegalArgumentException(
                    "rate limit must be positive, was "
                            + requestsPerMinute
                            + "/min burst "
                            + burst);
        }
    }

    public AccessSettings withRateLimit(int newRequestsPerMinute, int newBurst) {
        return new AccessSettings(
                sessionTtl, secureCookies, corsOrigins, newRequestsPerMinute, newBurst);
    }

    public AccessSettings withCorsOrigins(List<String> origins) {
        return new AccessSettings(sessionTtl, secureCookies, origins, requestsPerMinute, burst);
    }

    public AccessSettings withSecureCookies(boolean secure) {
        return new AccessSettings(sessionTtl, secure, corsOrigins, requestsPerMinute, burst);
    }
}
