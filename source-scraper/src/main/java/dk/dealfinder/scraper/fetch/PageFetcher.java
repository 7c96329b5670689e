package dk.dealfinder.scraper.fetch;

import crawlercommons.robots.BaseRobotRules;
import dk.dealfinder.scraper.browser.PageRenderer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches pages politely: robots.txt (including Crawl-delay) decides what may be fetched, a token
 * bucket per host shared by all feeds of a reader decides when, {@code Retry-After} on 429/503 is
 * obeyed, 5xx answers and timeouts are retried with exponential backoff and jitter, and a circuit
 * breaker per host stops hammering a site that is down. Every answer that is not a failure (2xx,
 * and 4xx other than 429) is returned to the caller to interpret.
 */
public final class PageFetcher {

    private static final Logger LOG = LoggerFactory.getLogger(PageFetcher.class);

    private final HttpTransport transport;
    private final String userAgent;
    private final Duration timeout;
    private final FetchPolicy policy;
    private final HostThrottle throttle;
    private final CircuitBreaker breaker;
    private final RobotsRules robots;
    private final Counter requests;
    private final Counter retries;
    private final Counter throttled;
    private final Counter disallowed;
    private final Counter circuitsOpened;

    public PageFetcher(
            HttpTransport transport,
            String userAgent,
            Duration timeout,
            FetchPolicy policy,
            HostClock clock,
            MetricGroup metrics) {
        this.transport = transport;
        this.userAgent = userAgent;
        this.timeout = timeout;
        this.policy = policy;
        this.throttle = new HostThrottle(policy.requestsPerSecondPerHost(), policy.burst(), clock);
        this.breaker =
                new CircuitBreaker(policy.breakerThreshold(), policy.breakerOpenFor(), clock);
        this.robots = new RobotsRules(userAgent, policy.robotsTtl(), clock);
        this.requests = metrics.counter("httpRequests");
        this.retries = metrics.counter("httpRetries");
        this.throttled = metrics.counter("httpThrottled");
        this.disallowed = metrics.counter("robotsDisallowed");
        this.circuitsOpened = metrics.counter("circuitsOpened");
    }

    /** GETs {@code uri}, retrying as the policy allows; see the class comment. */
    public FetchedPage get(URI uri, String accept) throws FetchException, InterruptedException {
        String host = uri.getRawAuthority();
        BaseRobotRules rules = rulesFor(uri, host);
        if (rules.isDeferVisits()) {
            throw new FetchException(uri, 0, "robots.txt could not be read; visits deferred");
        }
        if (!rules.isAllowed(uri.toString())) {
            disallowed.inc();
            throw new FetchException(uri, 0, "disallowed by robots.txt");
        }
        Duration crawlDelay =
                policy.honourCrawlDelay() ? RobotsRules.crawlDelay(rules) : Duration.ZERO;
        for (int attempt = 1; ; attempt++) {
            FetchedPage page = send(uri, host, accept, crawlDelay);
            if (page != null && !isFailure(page.status())) {
                breaker.success(host);
                return page;
            }
            int status = page == null ? 0 : page.status();
            Optional<Duration> retryAfter =
                    page == null ? Optional.empty() : page.retryAfter().flatMap(this::parseDelay);
            if (retryAfter.isPresent() && (status == 429 || status == 503)) {
                throttled.inc();
                throttle.pause(host, retryAfter.get());
                LOG.info("{} asks us to wait {} (HTTP {})", host, retryAfter.get(), status);
            } else {
                if (breaker.failure(host)) {
                    circuitsOpened.inc();
                    LOG.warn(
                            "Circuit for {} opened for {} after repeated failures",
                            host,
                            policy.breakerOpenFor());
                }
                throttle.pause(host, backoff(attempt));
            }
            if (attempt >= policy.maxAttempts()) {
                throw new FetchException(uri, status, "gave up after " + attempt + " tries");
            }
            retries.inc();
        }
    }

    /**
     * Renders {@code uri} in a browser under the same rules as {@link #get}: robots.txt, the host's
     * rate limit and its circuit. One try; a browser failure counts against the circuit.
     */
    public String render(URI uri, PageRenderer renderer, String readySelector)
            throws FetchException, InterruptedException {
        String host = uri.getRawAuthority();
        BaseRobotRules rules = rulesFor(uri, host);
        if (rules.isDeferVisits() || !rules.isAllowed(uri.toString())) {
            disallowed.inc();
            throw new FetchException(uri, 0, "robots.txt does not allow rendering this page now");
        }
        if (!breaker.allows(host)) {
            throw new FetchException(uri, 0, "circuit open for " + host);
        }
        Duration crawlDelay =
                policy.honourCrawlDelay() ? RobotsRules.crawlDelay(rules) : Duration.ZERO;
        Optional<Duration> busy = throttle.acquire(host, crawlDelay, policy.maxInlineWait());
        if (busy.isPresent()) {
            throw new FetchException(uri, 0, host + " is paused for another " + busy.get());
        }
        requests.inc();
        try {
            String html = renderer.render(uri, readySelector);
            breaker.success(host);
            return html;
        } catch (IOException e) {
            breaker.failure(host);
            throw new FetchException(uri, 0, e.getMessage());
        }
    }

    /** One try through breaker and throttle; null when the request failed without an answer. */
    private FetchedPage send(URI uri, String host, String accept, Duration crawlDelay)
            throws FetchException, InterruptedException {
        if (!breaker.allows(host)) {
            throw new FetchException(uri, 0, "circuit open for " + host);
        }
        Optional<Duration> busy = throttle.acquire(host, crawlDelay, policy.maxInlineWait());
        if (busy.isPresent()) {
            throw new FetchException(uri, 0, host + " is paused for another " + busy.get());
        }
        requests.inc();
        try {
            return transport.get(uri, accept, userAgent, timeout);
        } catch (HttpTimeoutException e) {
            LOG.debug("Timeout on {}", uri);
            return null;
        } catch (IOException e) {
            LOG.debug("No answer from {}: {}", uri, e.toString());
            return null;
        }
    }

    private BaseRobotRules rulesFor(URI uri, String host) throws InterruptedException {
        BaseRobotRules rules = robots.cached(uri);
        if (rules != null) {
            return rules;
        }
        URI robotsUri = RobotsRules.robotsUri(uri);
        FetchedPage answer = null;
        // A network error (not an HTTP answer) is retried: it says nothing about the site's rules.
        for (int attempt = 1; answer == null && attempt <= policy.maxAttempts(); attempt++) {
            if (throttle.acquire(host, Duration.ZERO, policy.maxInlineWait()).isPresent()) {
                break;
            }
            requests.inc();
            try {
                answer = transport.get(robotsUri, "text/plain", userAgent, timeout);
            } catch (IOException e) {
                LOG.warn("Could not read {}: {}", robotsUri, e.toString());
                throttle.pause(host, backoff(attempt));
            }
        }
        BaseRobotRules learned = robots.learn(uri, answer);
        LOG.info(
                "robots.txt of {}: {}, crawl delay {}",
                host,
                answer == null ? "unreachable" : "HTTP " + answer.status(),
                RobotsRules.crawlDelay(learned));
        return learned;
    }

    private static boolean isFailure(int status) {
        return status == 429 || status >= 500;
    }

    /** Exponential, capped, with "equal jitter": at least half the step, at most all of it. */
    Duration backoff(int attempt) {
        long base = policy.initialBackoff().toMillis();
        long step = Math.min(policy.maxBackoff().toMillis(), base << Math.min(attempt - 1, 20));
        long half = step / 2;
        return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(half + 1));
    }

    /** Retry-After is either whole seconds or an HTTP date. */
    private Optional<Duration> parseDelay(String retryAfter) {
        String value = retryAfter.trim();
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value))));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration d = Duration.between(ZonedDateTime.now(at.getZone()), at);
                return Optional.of(d.isNegative() ? Duration.ZERO : d);
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }
    }
}
