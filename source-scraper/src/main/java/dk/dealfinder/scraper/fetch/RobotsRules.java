package dk.dealfinder.scraper.fetch;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Each host's robots.txt, parsed by crawler-commons for our product token and kept for a while. A
 * robots.txt that cannot be read because the server failed means "come back later" (nothing allowed
 * for a minute); a missing one (4xx) allows everything, as the robots.txt standard says.
 */
public final class RobotsRules {

    private static final Duration RETRY_FAILED_AFTER = Duration.ofMinutes(1);

    private final SimpleRobotRulesParser parser = new SimpleRobotRulesParser();
    private final List<String> robotNames;
    private final long ttlNanos;
    private final HostClock clock;
    private final Map<String, Entry> byOrigin = new HashMap<>();

    private record Entry(BaseRobotRules rules, long expiresAt) {}

    public RobotsRules(String userAgent, Duration ttl, HostClock clock) {
        this.robotNames = List.of(productToken(userAgent));
        this.ttlNanos = ttl.toNanos();
        this.clock = clock;
    }

    /** {@code dealfinder} for {@code dealfinder/0.1 (+https://…)}. */
    static String productToken(String userAgent) {
        String token = userAgent.strip().split("[/\\s]", 2)[0];
        return token.isEmpty() ? "*" : token.toLowerCase(Locale.ROOT);
    }

    public static URI robotsUri(URI page) {
        return URI.create(page.getScheme() + "://" + page.getRawAuthority() + "/robots.txt");
    }

    /** The rules for {@code page}'s origin, if they are known and fresh. */
    public synchronized BaseRobotRules cached(URI page) {
        Entry entry = byOrigin.get(robotsUri(page).toString());
        return entry == null || clock.nanoTime() > entry.expiresAt ? null : entry.rules;
    }

    /** Remembers what {@code page}'s origin answered for robots.txt; null for no answer at all. */
    public synchronized BaseRobotRules learn(URI page, FetchedPage answer) {
        URI robots = robotsUri(page);
        BaseRobotRules rules;
        long ttl = ttlNanos;
        if (answer != null && answer.ok()) {
            rules =
                    parser.parseContent(
                            robots.toString(),
                            answer.body().getBytes(StandardCharsets.UTF_8),
                            "text/plain",
                            robotNames);
        } else {
            int status = answer == null ? 503 : answer.status();
            rules = parser.failedFetch(status);
            if (status >= 500 || status == 429) {
                ttl = RETRY_FAILED_AFTER.toNanos();
            }
        }
        byOrigin.put(robots.toString(), new Entry(rules, clock.nanoTime() + ttl));
        return rules;
    }

    /** The host's Crawl-delay, zero when robots.txt sets none. */
    public static Duration crawlDelay(BaseRobotRules rules) {
        long millis = rules.getCrawlDelay();
        return millis <= 0 ? Duration.ZERO : Duration.ofMillis(millis);
    }
}
