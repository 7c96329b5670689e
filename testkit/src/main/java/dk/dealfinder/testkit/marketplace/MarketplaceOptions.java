package dk.dealfinder.testkit.marketplace;

import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link LocalMarketplace} starts.
 *
 * @param seed drives the generated catalogue and the scenario; same seed, same marketplace
 * @param catalogueSize listings generated up front, live or waiting for the scenario
 * @param preloadedFraction share of the catalogue already live at start, spread over recent days
 * @param scenarioTick how often {@link LocalMarketplace#startScenario()} changes something
 * @param serveSearchApiPrimaryPath serve {@code /recommerce/forsale/search/api/search/...}
 * @param serveSearchApiLegacyPath serve {@code /recommerce-search-page/api/search/...}
 * @param port port on 127.0.0.1, 0 for any free one
 */
public record MarketplaceOptions(
        long seed,
        int catalogueSize,
        double preloadedFraction,
        Duration scenarioTick,
        boolean serveSearchApiPrimaryPath,
        boolean serveSearchApiLegacyPath,
        int port) {

    public MarketplaceOptions {
        Objects.requireNonNull(scenarioTick, "scenarioTick");
        if (catalogueSize < 0) {
            throw new IllegalArgumentException("catalogueSize must be >= 0, was " + catalogueSize);
        }
        if (preloadedFraction < 0 || preloadedFraction > 1) {
            throw new IllegalArgumentException(
                    "preloadedFraction must be within [0, 1], was " + preloadedFraction);
        }
        if (scenarioTick.isZero() || scenarioTick.isNegative()) {
            throw new IllegalArgumentException(
                    "scenarioTick must be positive, was " + scenarioTick);
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be within [0, 65535], was " + port);
        }
    }

    public static MarketplaceOptions defaults() {
        return new MarketplaceOptions(42, 600, 0.5, Duration.ofSeconds(2), true, true, 0);
    }

    /** Nothing listed at start: a test publishes exactly the ads it needs. */
    public static MarketplaceOptions empty() {
        return defaults().withCatalogueSize(0);
    }

    public MarketplaceOptions withPort(int newPort) {
        return new MarketplaceOptions(
                seed,
                catalogueSize,
                preloadedFraction,
                scenarioTick,
                serveSearchApiPrimaryPath,
                serveSearchApiLegacyPath,
                newPort);
    }

    public MarketplaceOptions withSeed(long newSeed) {
        return new MarketplaceOptions(
                newSeed,
                catalogueSize,
                preloadedFraction,
                scenarioTick,
                serveSearchApiPrimaryPath,
                serveSearchApiLegacyPath,
                port);
    }

    public MarketplaceOptions withCatalogueSize(int newSize) {
        return new MarketplaceOptions(
                seed,
                newSize,
                preloadedFraction,
                scenarioTick,
                serveSearchApiPrimaryPath,
                serveSearchApiLegacyPath,
                port);
    }

    public MarketplaceOptions withPreloadedFraction(double newFraction) {
        return new MarketplaceOptions(
                seed,
                catalogueSize,
                newFraction,
                scenarioTick,
                serveSearchApiPrimaryPath,
                serveSearchApiLegacyPath,
                port);
    }

    public MarketplaceOptions withScenarioTick(Duration newTick) {
        return new MarketplaceOptions(
                seed,
                catalogueSize,
                preloadedFraction,
                newTick,
                serveSearchApiPrimaryPath,
                serveSearchApiLegacyPath,
                port);
    }

    public MarketplaceOptions withSearchApiPaths(boolean primary, boolean legacy) {
        return new MarketplaceOptions(
                seed, catalogueSize, preloadedFraction, scenarioTick, primary, legacy, port);
    }
}
