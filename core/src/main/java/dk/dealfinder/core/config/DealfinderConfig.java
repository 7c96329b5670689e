package dk.dealfinder.core.config;

import dk.dealfinder.core.model.DigestSchedule;
import dk.dealfinder.core.model.ModelMode;
import dk.dealfinder.core.model.SavedQuery;
import dk.dealfinder.core.model.SellerType;
import java.io.Serializable;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The whole configuration of a dealfinder deployment: one YAML file (see {@code
 * dealfinder-defaults.yaml} for every key and its default), loaded by {@link ConfigLoader}.
 */
public record DealfinderConfig(
        Job job,
        Scraper scraper,
        Map<String, Site> sites,
        Postgres postgres,
        AlertServer alertServer,
        ClassifierConfig classifier,
        QdrantConfig qdrant,
        Kafka kafka,
        Deals deals,
        Scoring scoring,
        List<Query> queries)
        implements Serializable {

    /** Flink job settings. */
    public record Job(String name, int parallelism, Duration checkpointInterval)
            implements Serializable {}

    /** How the scraper polls the marketplaces. */
    public record Scraper(
            Duration pollInterval,
            Duration requestTimeout,
            int maxPagesPerPoll,
            String userAgent,
            Duration queryRefreshInterval,
            double requestsPerSecondPerHost,
            int burst,
            boolean honourCrawlDelay,
            int maxAttempts,
            Duration initialBackoff,
            Duration maxBackoff,
            Duration maxInlineWait,
            int breakerThreshold,
            Duration breakerOpenFor,
            Duration robotsTtl,
            boolean fetchItemPages,
            List<String> proxies,
            int browserPoolSize,
            int sweepEvery,
            int maxPagesPerSweep,
            int goneChecksPerSweep)
            implements Serializable {}

    /** One marketplace of the recommerce family (dba.dk, finn.no, blocket.se, tori.fi). */
    public record Site(String baseUrl, String currency) implements Serializable {}

    /** PostgreSQL for listings, alerts and saved queries. */
    public record Postgres(String url, String user, String password) implements Serializable {}

    /** Where the job posts alerts, with the shared ingest token; port/redis for the server side. */
    public record AlertServer(String url, String token, int port, String redisUrl)
            implements Serializable {}

    /** Optional raw-listing archive (enables replay); empty bootstrapServers disables it. */
    public record Kafka(String bootstrapServers, String rawTopic) implements Serializable {

        public boolean enabled() {
            return bootstrapServers != null && !bootstrapServers.isBlank();
        }
    }

    /**
     * Telling a deal from a listing: how long listings and alerts are remembered, the market
     * estimate, and what price drop deserves another alert.
     *
     * @param listingMemory how long a listing is remembered after it was last seen
     * @param marketHorizon how many days of prices a market estimate covers (whole days)
     * @param minComparables fewest prices a market estimate must rest on to be used
     * @param minPriceDropPercent a listing already alerted on is alerted again when its price drops
     *     at least this many percent below the lowest price alerted
     * @param minPriceDropAmount ... or at least this many currency units
     * @param alertMemory how long an alert is remembered per (query, listing)
     * @param repostWindow how long a listing can be the original of a repost or cross-post
     * @param imageHashDistance most bits two first-image difference hashes may differ by for the
     *     listings to be the same item (0..15)
     * @param imageHashCache Redis URL caching image hashes by image URL; empty hashes afresh
     * @param imageHashCacheTtl how long a cached image hash is kept
     * @param digestSize how many deals a digest lists at most
     * @param digestTimeZone the time zone whose midnights bound a daily digest, e.g. {@code
     *     Europe/Copenhagen}
     * @param comparables how many of the nearest RELEVANT listings in Qdrant price a listing whose
     *     saved query has fewer than {@code minComparables} prices of its own; 0 turns this off
     * @param comparablesTimeout longest wait for those listings before the query's own estimate is
     *     kept
     */
    public record Deals(
            Duration listingMemory,
            Duration marketHorizon,
            int minComparables,
            double minPriceDropPercent,
            long minPriceDropAmount,
            Duration alertMemory,
            Duration repostWindow,
            int imageHashDistance,
            String imageHashCache,
            Duration imageHashCacheTtl,
            int digestSize,
            String digestTimeZone,
            int comparables,
            Duration comparablesTimeout)
            implements Serializable {}

    /**
     * The deal score's weights (only their ratios matter) and how fast freshness decays.
     *
     * @param sellerWeight weight of the seller type (private sellers score higher), where known
     * @param distanceWeight weight of the distance to the query's centre postcode, where it has one
     * @param freshnessHalfLife delay between publication and first sighting that halves freshness
     * @param dealerScore the seller part a dealer's listing gets (a private seller's gets 1)
     * @param distanceHalfLifeKm distance from the centre that halves the distance part when the
     *     query sets no radius (with a radius, the radius halves it)
     */
    public record Scoring(
            double relevanceWeight,
            double priceWeight,
            double freshnessWeight,
            double conditionWeight,
            double sellerWeight,
            double distanceWeight,
            Duration freshnessHalfLife,
            double dealerScore,
            double distanceHalfLifeKm)
            implements Serializable {}

    /** A saved query declared in the file (in addition to those in PostgreSQL). */
    public record Query(
            String id,
            String name,
            String terms,
            String site,
            Long minPrice,
            Long maxPrice,
            List<String> include,
            List<String> exclude,
            String expression,
            Integer maxAgeDays,
            List<String> postcodes,
            String nearPostcode,
            Integer radiusKm,
            SellerType sellerType,
            ModelMode modelMode,
            Double alertThreshold,
            DigestSchedule digest,
            Boolean instantAlerts,
            Boolean active)
            implements Serializable {

        public SavedQuery toSavedQuery() {
            return SavedQuery.fromInput(
                    id,
                    null,
                    name,
                    terms,
                    site,
                    minPrice,
                    maxPrice,
                    include,
                    exclude,
                    expression,
                    maxAgeDays,
                    postcodes,
                    nearPostcode,
                    radiusKm,
                    sellerType,
                    modelMode,
                    alertThreshold,
                    digest,
                    instantAlerts,
                    active);
        }
    }

    public List<SavedQuery> savedQueries() {
        return queries == null ? List.of() : queries.stream().map(Query::toSavedQuery).toList();
    }
}
