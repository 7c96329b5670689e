package dk.dealfinder.scraper.reader;

import dk.dealfinder.core.model.RawListing;
import dk.dealfinder.scraper.fetch.FetchException;
import dk.dealfinder.scraper.fetch.FetchedPage;
import dk.dealfinder.scraper.fetch.PageFetcher;
import dk.dealfinder.scraper.site.ItemDetails;
import dk.dealfinder.scraper.site.ItemPageParser;
import dk.dealfinder.scraper.site.RecommerceAdapter;
import java.net.URI;
import java.time.Clock;
import java.util.Optional;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads item pages: completes a new or changed search result from its page, and checks whether an
 * ad the search no longer shows is gone. An item page answering 404 or 410, or saying the ad is no
 * longer active, turns into a {@link RawListing#gone gone} record. An item page that cannot be
 * fetched leaves the listing as the search showed it: a thinner record beats a lost one.
 */
final class ItemPageEnricher {

    private static final Logger LOG = LoggerFactory.getLogger(ItemPageEnricher.class);

    private final PageFetcher fetcher;
    private final Clock clock;
    private final Counter fetched;
    private final Counter failed;
    private final Counter gone;

    ItemPageEnricher(PageFetcher fetcher, MetricGroup metrics, Clock clock) {
        this.fetcher = fetcher;
        this.clock = clock;
        this.fetched = metrics.counter("itemPagesFetched");
        this.failed = metrics.counter("itemPageFailures");
        this.gone = metrics.counter("listingsGone");
    }

    /** The listing completed from its item page, a gone record, or the listing as it was. */
    RawListing enrich(RecommerceAdapter adapter, RawListing listing) throws InterruptedException {
        ItemPage page = read(listing);
        return switch (page.outcome()) {
            case LIVE -> adapter.withItemPage(listing, page.details());
            case GONE -> goneRecord(listing, page.goneReason());
            case UNKNOWN -> listing;
        };
    }

    /**
     * Whether an ad the search no longer shows is gone: a gone record if its item page says so,
     * empty while it is live or its page cannot be read (it is checked again later).
     */
    Optional<RawListing> checkGone(RawListing lastSeen) throws InterruptedException {
        ItemPage page = read(lastSeen);
        return page.outcome() == Outcome.GONE
                ? Optional.of(goneRecord(lastSeen, page.goneReason()))
                : Optional.empty();
    }

    private RawListing goneRecord(RawListing listing, String reason) {
        gone.inc();
        LOG.debug("{} is gone ({})", listing.url(), reason);
        return RawListing.gone(
                listing.site(), listing.adId(), listing.url(), reason, clock.millis());
    }

    private ItemPage read(RawListing listing) throws InterruptedException {
        URI uri;
        try {
            uri = URI.create(listing.url());
        } catch (IllegalArgumentException | NullPointerException e) {
            failed.inc();
            return ItemPage.UNREADABLE;
        }
        if (!uri.isAbsolute()) {
            failed.inc();
            return ItemPage.UNREADABLE;
        }
        try {
            FetchedPage page = fetcher.get(uri, "text/html");
            if (page.status() == 404 || page.status() == 410) {
                return new ItemPage(Outcome.GONE, null, String.valueOf(page.status()));
            }
            if (!page.ok()) {
                failed.inc();
                LOG.debug("Item page {} answered HTTP {}", uri, page.status());
                return ItemPage.UNREADABLE;
            }
            fetched.inc();
            ItemDetails details = ItemPageParser.parse(page.body(), uri.toString());
            return details.inactive()
                    ? new ItemPage(Outcome.GONE, null, "inactive")
                    : new ItemPage(Outcome.LIVE, details, null);
        } catch (FetchException e) {
            failed.inc();
            LOG.debug("Item page not fetched: {}", e.getMessage());
            return ItemPage.UNREADABLE;
        }
    }

    private enum Outcome {
        LIVE,
        GONE,
        UNKNOWN
    }

    private record ItemPage(Outcome outcome, ItemDetails details, String goneReason) {
        static final ItemPage UNREADABLE = new ItemPage(Outcome.UNKNOWN, null, null);
    }
}
