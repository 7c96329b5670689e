package dk.dealfinder.testkit.marketplace;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local stand-in for DBA.dk's "recommerce" site on 127.0.0.1: robots.txt, the JSON search API on
 * both known paths, the server-rendered search page, item pages and JPEG photos, all backed by a
 * seeded {@link Catalogue}. No real marketplace is reachable from our machines, so every test, demo
 * and benchmark scrapes this one.
 */
public final class LocalMarketplace implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalMarketplace.class);
    private static final int HTTP_THREADS = 8;

    private final HttpServer server;
    private final ExecutorService httpThreads;
    private final MarketplaceSite site;
    private final Catalogue catalogue;
    private final ScenarioClock clock;
    private final MarketplaceScenario scenario;
    private final URI baseUrl;

    private LocalMarketplace(
            HttpServer server,
            ExecutorService httpThreads,
            MarketplaceSite site,
            Catalogue catalogue,
            ScenarioClock clock,
            MarketplaceScenario scenario,
            URI baseUrl) {
        this.server = server;
        this.httpThreads = httpThreads;
        this.site = site;
        this.catalogue = catalogue;
        this.clock = clock;
        this.scenario = scenario;
        this.baseUrl = baseUrl;
    }

    public static LocalMarketplace start(MarketplaceOptions options) {
        return start(options, ScenarioClock.system());
    }

    /** Starts on a clock of the caller's choosing, typically {@link ScenarioClock#fixed}. */
    public static LocalMarketplace start(MarketplaceOptions options, ScenarioClock clock) {
        CatalogueVocabulary vocabulary = CatalogueVocabulary.load();
        List<MarketListing> generated =
                CatalogueGenerator.generate(
                        vocabulary,
                        options.seed(),
                        options.catalogueSize(),
                        options.preloadedFraction(),
                        clock.now());
        Catalogue catalogue = new Catalogue(clock, vocabulary, generated);
        HttpServer server;
        try {
            server =
                    HttpServer.create(
                            new InetSocketAddress(InetAddress.getLoopbackAddress(), options.port()),
                            0);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot bind the local marketplace to port " + options.port(), e);
        }
        URI baseUrl = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        MarketplaceSite site = new MarketplaceSite(catalogue, clock, options, baseUrl);
        ExecutorService httpThreads = Executors.newFixedThreadPool(HTTP_THREADS, daemonThreads());
        server.createContext("/", site);
        server.setExecutor(httpThreads);
        server.start();
        MarketplaceScenario scenario =
                new MarketplaceScenario(catalogue, options.seed(), options.scenarioTick());
        LOG.info(
                "Local marketplace at {} with {} listings, {} live",
                baseUrl,
                catalogue.size(),
                catalogue.published().size());
        return new LocalMarketplace(server, httpThreads, site, catalogue, clock, scenario, baseUrl);
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread =
                    new Thread(runnable, "local-marketplace-http-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** For example {@code http://127.0.0.1:41234}, without a trailing slash. */
    public URI baseUrl() {
        return baseUrl;
    }

    public int port() {
        return baseUrl.getPort();
    }

    public Catalogue catalogue() {
        return catalogue;
    }

    public ScenarioClock clock() {
        return clock;
    }

    /** Lets the catalogue change on its own every scenario tick until {@link #close()}. */
    public void startScenario() {
        scenario.start();
    }

    /** Runs one scenario tick now, on the caller's thread; for tests that must not wait. */
    public void stepScenario() {
        scenario.step();
    }

    /** Every HTTP request served so far, whatever its answer. */
    public long requestCount() {
        return site.requestCount();
    }

    /** Fault injection for tests: throttling, 5xx storms, slow, broken or redesigned pages. */
    public MarketplaceFaults faults() {
        return site.faults();
    }

    /** Requests served so far (up to the first 100,000), in arrival order. */
    public List<ServedRequest> servedRequests() {
        return site.servedRequests();
    }

    @Override
    public void close() {
        scenario.close();
        server.stop(0);
        httpThreads.shutdownNow();
        LOG.info("Local marketplace at {} stopped after {} requests", baseUrl, requestCount());
    }
}
