package dk.dealfinder.scraper.reader;

import dk.dealfinder.core.model.RawListing;
import dk.dealfinder.scraper.fetch.FetchException;
import dk.dealfinder.scraper.fetch.FetchedPage;
import dk.dealfinder.scraper.fetch.PageFetcher;
import dk.dealfinder.scraper.site.ItemPageParser;
import dk.dealfinder.scraper.site.RecommerceAdapter;
import java.net.URI;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Completes a new or changed search result from its item page. An item page that cannot be fetched
 * leaves the listing as the search showed it: a thinner record beats a lost one.
 */
final class ItemPageEnricher {

    private static final Logger LOG = LoggerFactory.getLogger(ItemPageEnricher.class);

    private final PageFetcher fetcher;
    private final Counter fetched;
    private final Counter failed;

    ItemPageEnricher(PageFetcher fetcher, MetricGroup metrics) {
        this.fetcher = fetcher;
        this.fetched = metrics.counter("itemPagesFetched");
        this.failed = metrics.counter("itemPageFailures");
    }

    RawListing enrich(RecommerceAdapter adapter, RawListing listing) throws InterruptedException {
        URI uri;
        try {
            uri = URI.create(listing.url());
        } catch (IllegalArgumentException e) {
            failed.inc();
            return listing;
        }
        if (!uri.isAbsolute()) {
            failed.inc();
            return listing;
        }
        try {
            FetchedPage page = fetcher.get(uri, "text/html");
            if (!page.ok()) {
                failed.inc();
                LOG.debug("Item page {} answered HTTP {}", uri, page.status());
                return listing;
            }
            fetched.inc();
            return adapter.withItemPage(listing, ItemPageParser.parse(page.body(), uri.toString()));
        } catch (FetchException e) {
            failed.inc();
            LOG.debug("Item page not fetched: {}", e.getMessage());
            return listing;
        }
    }
}
