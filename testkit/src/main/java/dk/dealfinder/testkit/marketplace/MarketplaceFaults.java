package dk.dealfinder.testkit.marketplace;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Misbehaviour a test arms on a running {@link LocalMarketplace}, so a scraper's politeness and
 * fault tolerance can be tested against a real HTTP server. Counted faults answer the next {@code
 * count} matching requests and then disarm; modes stay on until switched off. {@code /robots.txt}
 * is never affected, so the tests stay about the pages.
 */
public final class MarketplaceFaults {

    /** Which requests a fault applies to. */
    public enum Target {
        ANY_PAGE,
        SEARCH_API,
        SEARCH_PAGE,
        ITEM_PAGE
    }

    /** What an armed fault does to a request. */
    enum Kind {
        THROTTLED,
        SERVER_ERROR,
        GONE,
        SLOW,
        TRUNCATED,
        MALFORMED
    }

    /** One armed fault; {@code parameter} is the Retry-After, the delay or the HTTP status. */
    record Fault(Kind kind, Target target, long parameter) {}

    private static final class Armed {
        final Fault fault;
        int remaining;

        Armed(Fault fault, int remaining) {
            this.fault = fault;
            this.remaining = remaining;
        }
    }

    private final List<Armed> armed = new ArrayList<>();
    private volatile boolean layoutChanged;
    private volatile boolean scriptRenderedSearch;

    /** The next {@code count} requests answer 429 with {@code Retry-After} in whole seconds. */
    public MarketplaceFaults throttle(Target target, int count, Duration retryAfter) {
        return arm(new Fault(Kind.THROTTLED, target, retryAfter.toSeconds()), count);
    }

    /** The next {@code count} requests answer {@code status} (a 5xx storm). */
    public MarketplaceFaults serverErrors(Target target, int count, int status) {
        if (status < 500 || status > 599) {
            throw new IllegalArgumentException("a server error is 5xx, got " + status);
        }
        return arm(new Fault(Kind.SERVER_ERROR, target, status), count);
    }

    /**
     * The next {@code count} requests answer {@code status}, 404 or 410, as a site does for an ad
     * deleted outright.
     */
    public MarketplaceFaults gone(Target target, int count, int status) {
        if (status != 404 && status != 410) {
            throw new IllegalArgumentException("gone is 404 or 410, got " + status);
        }
        return arm(new Fault(Kind.GONE, target, status), count);
    }

    /** The next {@code count} requests are answered only after {@code delay}. */
    public MarketplaceFaults slow(Target target, int count, Duration delay) {
        return arm(new Fault(Kind.SLOW, target, delay.toMillis()), count);
    }

    /** The next {@code count} pages are cut off halfway, as by a dropped connection. */
    public MarketplaceFaults truncate(Target target, int count) {
        return arm(new Fault(Kind.TRUNCATED, target, 0), count);
    }

    /** The next {@code count} pages answer 200 with a body that is not the page at all. */
    public MarketplaceFaults malformed(Target target, int count) {
        return arm(new Fault(Kind.MALFORMED, target, 0), count);
    }

    /**
     * Switches the redesigned site on or off: the search API answers {@code results[]} instead of
     * {@code docs[]} and the search page renders its ads with new markup and no JSON-LD, so an
     * unchanged scraper reads zero listings from pages that are full of them.
     */
    public MarketplaceFaults layoutChanged(boolean on) {
        layoutChanged = on;
        return this;
    }

    /**
     * Switches script rendering on or off: the search page then ships an empty result list and a
     * script that builds the ad cards in the browser, as single-page apps do.
     */
    public MarketplaceFaults scriptRenderedSearch(boolean on) {
        scriptRenderedSearch = on;
        return this;
    }

    /** Disarms every counted fault and switches every mode off. */
    public synchronized MarketplaceFaults clear() {
        armed.clear();
        layoutChanged = false;
        scriptRenderedSearch = false;
        return this;
    }

    boolean isLayoutChanged() {
        return layoutChanged;
    }

    boolean isScriptRenderedSearch() {
        return scriptRenderedSearch;
    }

    private synchronized MarketplaceFaults arm(Fault fault, int count) {
        Objects.requireNonNull(fault.target(), "target");
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1, was " + count);
        }
        armed.add(new Armed(fault, count));
        return this;
    }

    /** The answer a request gets under {@code fault}; {@code page} renders the real one. */
    static SiteResponse answer(Fault fault, Supplier<SiteResponse> page) {
        return switch (fault.kind()) {
            case THROTTLED ->
                    SiteResponse.text(429, "For mange forespørgsler")
                            .withHeader("Retry-After", Long.toString(fault.parameter()));
            case SERVER_ERROR -> SiteResponse.text((int) fault.parameter(), "Serverfejl");
            case GONE -> SiteResponse.text((int) fault.parameter(), "Annoncen findes ikke");
            case SLOW -> {
                pause(fault.parameter());
                yield page.get();
            }
            case TRUNCATED -> page.get().truncated();
            case MALFORMED ->
                    new SiteResponse(
                            200,
                            page.get().contentType(),
                            "<html><body>Vi oplever tekniske problemer</body></html>\n"
                                    .getBytes(StandardCharsets.UTF_8));
        };
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Takes the first armed fault that applies to a request for {@code target}, if any. */
    synchronized Optional<Fault> take(Target target) {
        Iterator<Armed> it = armed.iterator();
        while (it.hasNext()) {
            Armed a = it.next();
            if (a.fault.target() == Target.ANY_PAGE || a.fault.target() == target) {
                if (--a.remaining == 0) {
                    it.remove();
                }
                return Optional.of(a.fault);
            }
        }
        return Optional.empty();
    }
}
