package dk.dealfinder.scraper.testframe;

import static org.apache.flink.util.Preconditions.checkState;

import dk.dealfinder.testkit.marketplace.LocalMarketplace;
import dk.dealfinder.testkit.marketplace.MarketplaceOptions;
import org.apache.flink.connector.testframe.TestResource;

/**
 * The "external system" of Flink's connector test framework for the scraper: an empty {@link
 * LocalMarketplace}, started once per test class. Every test case's context publishes its own ads
 * there under its own search terms, so cases do not see each other's feeds.
 */
public final class LocalMarketplaceExternalSystem implements TestResource {

    private LocalMarketplace marketplace;

    @Override
    public void startUp() {
        if (marketplace == null) {
            marketplace = LocalMarketplace.start(MarketplaceOptions.empty());
        }
    }

    @Override
    public void tearDown() {
        if (marketplace != null) {
            marketplace.close();
            marketplace = null;
        }
    }

    public LocalMarketplace marketplace() {
        checkState(marketplace != null, "the local marketplace is not started");
        return marketplace;
    }

    @Override
    public String toString() {
        return "LocalMarketplace";
    }
}
