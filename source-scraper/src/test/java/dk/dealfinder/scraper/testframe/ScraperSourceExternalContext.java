package dk.dealfinder.scraper.testframe;

import static org.apache.flink.util.Preconditions.checkArgument;

import dk.dealfinder.core.model.RawListing;
import dk.dealfinder.core.model.SavedQuery;
import dk.dealfinder.core.model.SellerType;
import dk.dealfinder.core.store.SavedQueryStore;
import dk.dealfinder.scraper.ScraperSource;
import dk.dealfinder.scraper.fetch.FetchPolicy;
import dk.dealfinder.testkit.marketplace.ListingDraft;
import dk.dealfinder.testkit.marketplace.LocalMarketplace;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.connector.testframe.external.ExternalContextFactory;
import org.apache.flink.connector.testframe.external.ExternalSystemSplitDataWriter;
import org.apache.flink.connector.testframe.external.source.DataStreamSourceExternalContext;
import org.apache.flink.connector.testframe.external.source.TestingSourceSettings;

/**
 * Lets Flink's connector test suite drive the {@link ScraperSource}. A split is a search feed, so a
 * split writer is a saved query of its own on the local marketplace, and writing records means
 * publishing ads that its search finds. The suite's records are {@link RawListing}s as the seller
 * wrote them; what only the scrape knows (ad id, URL, publish time, photos, fetch time) is blank in
 * them and is blanked in scraped records by {@link #asWritten(RawListing)} before comparing.
 */
public final class ScraperSourceExternalContext
        implements DataStreamSourceExternalContext<RawListing> {

    private static final String SITE = "dba.dk";

    /**
     * Short polls keep the suite quick: a new ad is seen within about a tenth of a second, and the
     * marketplace is local, so the rate limit is raised far above the polite default.
     */
    private static final Duration POLL_INTERVAL = Duration.ofMillis(100);

    private static final String[] ITEMS = {
        "Spisebordsstol", "Sofabord", "Gulvlampe", "Bogreol", "Kontorstol", "Cykel", "Barnevogn"
    };
    private static final String[] DESCRIPTIONS = {
        "Sælges da vi flytter. Fremstår pæn.",
        "Brugt i et år, få ridser i lakken.",
        "Kan afhentes i weekenden, kontant eller MobilePay.",
    };
    private static final String[] CATEGORIES = {"Møbler", "Belysning", "Cykler", "Diverse"};

    /**
     * The saved queries of each context, by context id. Static because the source is serialized to
     * the MiniCluster, which runs in this JVM; the source reads them through {@link Queries}.
     */
    private static final Map<String, Map<String, SavedQuery>> QUERIES = new ConcurrentHashMap<>();

    private static final AtomicInteger CONTEXTS = new AtomicInteger();

    private final LocalMarketplace marketplace;
    private final String id;
    private final AtomicInteger batches = new AtomicInteger();

    ScraperSourceExternalContext(LocalMarketplace marketplace) {
        this.marketplace = marketplace;
        this.id = "q" + CONTEXTS.incrementAndGet();
        QUERIES.put(id, new ConcurrentHashMap<>());
    }

    /** A scraped listing as its seller wrote it: the fields only a scrape knows are blanked. */
    public static RawListing asWritten(RawListing scraped) {
        return new RawListing(
                scraped.site(),
                "",
                "",
                scraped.title(),
                scraped.description(),
                scraped.priceText(),
                scraped.currency(),
                scraped.location(),
                "",
                List.of(),
                scraped.tradeType(),
                0L,
                scraped.sellerType(),
                scraped.category());
    }

    /** The only boundedness a scraper has: it polls its searches until the job stops. */
    @Override
    public Source<RawListing, ?, ?> createSource(TestingSourceSettings settings) {
        if (settings.getBoundedness() != Boundedness.CONTINUOUS_UNBOUNDED) {
            throw new UnsupportedOperationException(
                    "the ScraperSource is unbounded: it polls its searches until the job stops");
        }
        return ScraperSource.builder()
                .addSite(SITE, marketplace.baseUrl().toString(), "DKK")
                .setSavedQueries(new Queries(id))
                .setPollInterval(POLL_INTERVAL)
                .setQueryRefreshInterval(POLL_INTERVAL)
                .setPoliteness(FetchPolicy.polite().withRate(500, false))
                .build();
    }

    @Override
    public ExternalSystemSplitDataWriter<RawListing> createSourceSplitDataWriter(
            TestingSourceSettings settings) {
        return new FeedWriter();
    }

    /**
     * Ads for the feed of split {@code splitIndex}: every title is unique and ends with that feed's
     * search term, which is how a {@link FeedWriter} knows which feed the ads are for. A term such
     * as {@code q3f0z} is never part of another feed's term, so no search finds ads of another
     * feed.
     */
    @Override
    public List<RawListing> generateTestData(
            TestingSourceSettings settings, int splitIndex, long seed) {
        Random random = new Random(seed);
        String term = feedTerm(splitIndex);
        int batch = batches.incrementAndGet();
        int count = 5 + random.nextInt(11);
        List<RawListing> ads = new ArrayList<>(count);
        for (int n = 0; n < count; n++) {
            String title = ITEMS[random.nextInt(ITEMS.length)] + " " + batch + "-" + n + " " + term;
            ads.add(
                    new RawListing(
                            SITE,
                            "",
                            "",
                            title,
                            DESCRIPTIONS[random.nextInt(DESCRIPTIONS.length)],
                            Long.toString(1 + random.nextInt(9999)),
                            "DKK",
                            "2100 København Ø",
                            "",
                            List.of(),
                            ListingDraft.FOR_SALE,
                            0L,
                            SellerType.PRIVATE,
                            CATEGORIES[random.nextInt(CATEGORIES.length)]));
        }
        return ads;
    }

    /** The search term of the feed of split {@code splitIndex}. */
    public String feedTerm(int splitIndex) {
        return id + "f" + splitIndex + "z";
    }

    /** Pauses the saved query of split {@code splitIndex}, so the source retires its feed. */
    public void pauseFeed(int splitIndex) {
        QUERIES.get(id).remove(feedTerm(splitIndex));
    }

    @Override
    public TypeInformation<RawListing> getProducedType() {
        return TypeInformation.of(RawListing.class);
    }

    /** The MiniCluster runs in this JVM, with the test class path. */
    @Override
    public List<URL> getConnectorJarPaths() {
        return List.of();
    }

    @Override
    public void close() {
        QUERIES.remove(id);
    }

    @Override
    public String toString() {
        return "ScraperSource on the local marketplace";
    }

    private static String feedTermOf(RawListing ad) {
        String title = ad.title();
        return title.substring(title.lastIndexOf(' ') + 1);
    }

    /**
     * Publishes ads for one feed. The saved query is created only after the first batch is live, so
     * the feed's first poll sees the whole batch, oldest first, as the suite expects.
     */
    private final class FeedWriter implements ExternalSystemSplitDataWriter<RawListing> {

        private String term;

        @Override
        public void writeRecords(List<RawListing> ads) {
            if (ads.isEmpty()) {
                return;
            }
            String batchTerm = feedTermOf(ads.get(0));
            checkArgument(
                    term == null || term.equals(batchTerm),
                    "this writer publishes for feed '%s', not '%s'",
                    term,
                    batchTerm);
            for (RawListing ad : ads) {
                checkArgument(
                        feedTermOf(ad).equals(batchTerm), "ads of two feeds in one batch: %s", ad);
                marketplace
                        .catalogue()
                        .publish(
                                ListingDraft.of(ad.title(), Long.parseLong(ad.priceText()))
                                        .withDescription(ad.description())
                                        .withCategory(ad.category())
                                        .withTradeType(ad.tradeType()));
            }
            if (term == null) {
                term = batchTerm;
                QUERIES.get(id)
                        .put(
                                term,
                                new SavedQuery(
                                        term, term, term, SITE, null, null, List.of(), List.of(),
                                        50, true));
            }
        }

        @Override
        public void close() {}
    }

    /** The saved queries of one context, as the serialized source reads them. */
    private record Queries(String contextId) implements SavedQueryStore {

        @Override
        public List<SavedQuery> activeQueries() {
            return List.copyOf(QUERIES.getOrDefault(contextId, Map.of()).values());
        }
    }

    /** Creates a fresh context, with its own feeds, for every test case. */
    public static final class Factory
            implements ExternalContextFactory<ScraperSourceExternalContext> {

        private final LocalMarketplaceExternalSystem marketplace;

        public Factory(LocalMarketplaceExternalSystem marketplace) {
            this.marketplace = marketplace;
        }

        @Override
        public ScraperSourceExternalContext createExternalContext(String testName) {
            return new ScraperSourceExternalContext(marketplace.marketplace());
        }
    }
}
