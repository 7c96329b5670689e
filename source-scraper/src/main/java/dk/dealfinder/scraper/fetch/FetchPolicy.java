package dk.dealfinder.scraper.fetch;

import static org.apache.flink.util.Preconditions.checkArgument;

import java.io.Serializable;
import java.time.Duration;

/**
 * How politely and how stubbornly pages are fetched.
 *
 * @param requestsPerSecondPerHost the token-bucket rate each host gets from one reader
 * @param burst how many requests may go out back to back after a quiet spell
 * @param honourCrawlDelay whether a robots.txt {@code Crawl-delay} slows a host further
 * @param maxAttempts tries per page on 5xx, timeouts and throttling, the first included
 * @param initialBackoff the wait after the first failed try; doubled each try, with jitter
 * @param maxBackoff the longest wait between two tries
 * @param maxInlineWait the longest a fetch waits for its host; a host paused longer (by {@code
 *     Retry-After} or an open circuit) fails the fetch at once and the feed tries next poll
 * @param breakerThreshold consecutive failures after which a host's circuit opens
 * @param breakerOpenFor how long an open circuit rejects requests before one trial goes through
 * @param robotsTtl how long a host's robots.txt is trusted before it is fetched again
 */
public record FetchPolicy(
        double requestsPerSecondPerHost,
        int burst,
        boolean honourCrawlDelay,
        int maxAttempts,
        Duration initialBackoff,
        Duration maxBackoff,
        Duration maxInlineWait,
        int breakerThreshold,
        Duration breakerOpenFor,
        Duration robotsTtl)
        implements Serializable {

    public FetchPolicy {
        checkArgument(
                requestsPerSecondPerHost > 0,
                "requestsPerSecondPerHost must be positive, was %s",
                requestsPerSecondPerHost);
        checkArgument(burst >= 1, "burst must be at least 1, was %s", burst);
        checkArgument(maxAttempts >= 1, "maxAttempts must be at least 1, was %s", maxAttempts);
        checkArgument(
                breakerThreshold >= 1,
                "breakerThreshold must be at least 1, was %s",
                breakerThreshold);
    }

    /** One request per second per host, robots.txt's Crawl-delay on top, four tries a page. */
    public static FetchPolicy polite() {
        return new FetchPolicy(
                1.0,
                1,
                true,
                4,
                Duration.ofSeconds(1),
                Duration.ofMinutes(1),
                Duration.ofSeconds(30),
                5,
                Duration.ofMinutes(2),
                Duration.ofHours(12));
    }

    public FetchPolicy withRate(double newRequestsPerSecond, boolean newHonourCrawlDelay) {
        return new FetchPolicy(
                newRequestsPerSecond,
                burst,
                newHonourCrawlDelay,
                maxAttempts,
                initialBackoff,
                maxBackoff,
                maxInlineWait,
                breakerThreshold,
                breakerOpenFor,
                robotsTtl);
    }

    public FetchPolicy withRetries(
            int newMaxAttempts, Duration newInitialBackoff, Duration newMaxInlineWait) {
        return new FetchPolicy(
                requestsPerSecondPerHost,
                burst,
                honourCrawlDelay,
                newMaxAttempts,
                newInitialBackoff,
                maxBackoff,
                newMaxInlineWait,
                breakerThreshold,
                breakerOpenFor,
                robotsTtl);
    }

    public FetchPolicy withBreaker(int newThreshold, Duration newOpenFor) {
        return new FetchPolicy(
                requestsPerSecondPerHost,
                burst,
                honourCrawlDelay,
                maxAttempts,
                initialBackoff,
                maxBackoff,
                maxInlineWait,
                newThreshold,
                newOpenFor,
                robotsTtl);
    }
}
