package dk.dealfinder.testkit.marketplace;

import java.time.Instant;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A marketplace per test, empty and on a fixed clock unless the test restarts it with other
 * options, closed after the test.
 */
final class RunningMarketplace implements BeforeEachCallback, AfterEachCallback {

    /** 14:32 in Copenhagen, so relative dates in the pages are easy to predict. */
    static final Instant NOW = Instant.parse("2025-11-12T13:32:00Z");

    private LocalMarketplace marketplace;
    private SiteClient site;

    @Override
    public void beforeEach(ExtensionContext context) {
        restart(MarketplaceOptions.empty());
    }

    @Override
    public void afterEach(ExtensionContext context) {
        marketplace.close();
    }

    /**
     * Replaces the running marketplace with a fresh one, still on a clock fixed at {@link #NOW}.
     */
    void restart(MarketplaceOptions options) {
        if (marketplace != null) {
            marketplace.close();
        }
        marketplace = LocalMarketplace.start(options, ScenarioClock.fixed(NOW));
        site = new SiteClient(marketplace);
    }

    LocalMarketplace marketplace() {
        return marketplace;
    }

    SiteClient site() {
        return site;
    }

    Catalogue catalogue() {
        return marketplace.catalogue();
    }

    ScenarioClock clock() {
        return marketplace.clock();
    }

    String baseUrl() {
        return marketplace.baseUrl().toString();
    }
}
