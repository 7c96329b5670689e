package dk.dealfinder.job;

import dk.dealfinder.core.config.ClassifierConfig;
import dk.dealfinder.core.config.DealfinderConfig;
import dk.dealfinder.core.config.QdrantConfig;
import dk.dealfinder.core.embedding.EmbeddingModelSpec;
import dk.dealfinder.core.model.Alert;
import dk.dealfinder.core.model.ChangeKind;
import dk.dealfinder.core.model.EmbeddedListing;
import dk.dealfinder.core.model.Listing;
import dk.dealfinder.core.model.ListingChange;
import dk.dealfinder.core.model.ListingSignal;
import dk.dealfinder.core.model.RawListing;
import dk.dealfinder.core.model.SavedQuerySnapshot;
import dk.dealfinder.core.store.JdbcSavedQueryStore;
import dk.dealfinder.core.store.SavedQueryStore;
import dk.dealfinder.job.sink.JdbcDeadLetterOutput;
import dk.dealfinder.job.sink.QdrantWiring;
import dk.dealfinder.scraper.ScraperSource;
import dk.dealfinder.sink.qdrant.PointUpdate;
import dk.dealfinder.sink.qdrant.QdrantPointUpdates;
import dk.dealfinder.sink.qdrant.QdrantWrite;
import dk.dealfinder.udfs.change.ChangeDetector;
import dk.dealfinder.udfs.classify.ClassifiedMatch;
import dk.dealfinder.udfs.dedup.BandedListing;
import dk.dealfinder.udfs.dedup.FingerprintedListing;
import dk.dealfinder.udfs.dedup.HashBands;
import dk.dealfinder.udfs.dedup.ImageFingerprinter;
import dk.dealfinder.udfs.dedup.RepostBands;
import dk.dealfinder.udfs.dedup.RepostCandidates;
import dk.dealfinder.udfs.dedup.RepostResolver;
import dk.dealfinder.udfs.embed.ListingEmbedder;
import dk.dealfinder.udfs.inference.AsyncClassifier;
import dk.dealfinder.udfs.inference.InferenceLog;
import dk.dealfinder.udfs.market.ComparablesFallback;
import dk.dealfinder.udfs.market.MarketPricer;
import dk.dealfinder.udfs.market.PricedMatch;
import dk.dealfinder.udfs.match.QueryMatch;
import dk.dealfinder.udfs.match.QueryMatcher;
import dk.dealfinder.udfs.normalize.ListingNormalizer;
import dk.dealfinder.udfs.rank.AlertGate;
import dk.dealfinder.udfs.rank.AlertPolicy;
import dk.dealfinder.udfs.rank.DigestRanker;
import dk.dealfinder.udfs.rank.LateDigestDeals;
import dk.dealfinder.udfs.rank.RankedDeal;
import dk.dealfinder.udfs.score.DealScorer;
import dk.dealfinder.udfs.score.PriceDropExplainer;
import dk.dealfinder.udfs.score.ScoredDeal;
import dk.dealfinder.udfs.score.ScoringPolicy;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.datastream.AsyncDataStream;
import org.apache.flink.streaming.api.datastream.BroadcastStream;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The dealfinder topology. Sources and sinks are injected, so the same graph runs against real
 * marketplaces in production and against the LocalMarketplace and collecting sinks in tests.
 *
 * <pre>
 * scraper → normalize → keyBy(listing) ChangeDetector → (new listings: ImageFingerprinter
 *         → keyBy(image-hash band) RepostCandidates → keyBy(listing) RepostResolver)
 *         → ListingEmbedder (batched async; one title vector per listing version)
 *         → connect(saved queries) QueryMatcher (every match carries the vector)
 *         → async classifier (local, LLM, CLIP) → keyBy(query) MarketPricer → DealScorer
 *         → keyBy(listing) PriceDropExplainer (joined with the listing's change)
 *         → keyBy(query, listing) AlertGate → alerts (alert-server + PostgreSQL)
 *                       └→ keyBy(query) DigestWindows (each query's schedule) DigestRanker
 *                          → digest_entries
 * ChangeDetector → PostgreSQL listings, price_history; RepostResolver → repost_links;
 * MarketPricer → market_estimates; PriceDropExplainer → matches; the embedder's vectors, the
 * verdicts and REMOVED/RELISTED → keyBy(listing) QdrantPointUpdates → Qdrant (optional)
 * </pre>
 *
 * <p>Only listings that are new (and no repost, unless a repost asks less than the item did) or
 * changed reach the matcher, and the alert gate lets through one alert per real event (first
 * sighting, real price drop), so edits and re-scrapes never alert twice.
 */
public final class DealfinderJob {

    /** Listings arrive at most this far out of publish-time order. */
    static final Duration MAX_OUT_OF_ORDER = Duration.ofMinutes(5);

    /** Longest wait for a photo to be fetched and hashed before the listing goes on without. */
    static final Duration IMAGE_HASH_TIMEOUT = Duration.ofSeconds(30);

    /** Photos fetched at once per subtask. */
    static final int IMAGE_HASH_CAPACITY = 16;

    /** A feed with no new listings this long stops holding back event time. */
    static final Duration IDLE_FEED = Duration.ofMinutes(1);

    /**
     * How long a listing version's price note waits for its deals: they follow within minutes
     * (matching and classification), so a day is ample and keeps the state small.
     */
    static final Duration PRICE_NOTE_MEMORY = Duration.ofDays(1);

    /** Listings waiting at once for their Qdrant comparables. */
    static final int COMPARABLES_CAPACITY = 100;

    private final DealfinderConfig config;
    private final Source<RawListing, ?, ?> listings;
    private final Source<SavedQuerySnapshot, ?, ?> savedQueries;
    private final JobSinks sinks;

    public DealfinderJob(
            DealfinderConfig config,
            Source<RawListing, ?, ?> listings,
            Source<SavedQuerySnapshot, ?, ?> savedQueries,
            JobSinks sinks) {
        this.config = config;
        this.listings = listings;
        this.savedQueries = savedQueries;
        this.sinks = sinks;
    }

    /**
     * The production job: scrapes the configured sites for the saved queries in PostgreSQL (and in
     * the config file) and writes to PostgreSQL, the alert-server and, if configured, Kafka.
     */
    public static DealfinderJob fromConfig(DealfinderConfig config) {
        DealfinderConfig.Postgres pg = config.postgres();
        SavedQueryStore store =
                new JdbcSavedQueryStore(pg.url(), pg.user(), pg.password(), config.savedQueries());
        return new DealfinderJob(
                config,
                ScraperSource.builder()
                        .configure(config)
                        .setSavedQueries(store)
                        .setDeadLetterOutput(new JdbcDeadLetterOutput(pg))
                        .build(),
                SavedQueryPoller.source(store, config.scraper().queryRefreshInterval()),
                JobSinks.fromConfig(config));
    }

    /** Adds the topology to {@code env} and returns the alert stream (for tests). */
    public DataStream<Alert> build(StreamExecutionEnvironment env) {
        // Every type must have a Flink serializer of its own: Kryo fallback is a bug here.
        env.configure(new Configuration().set(PipelineOptions.GENERIC_TYPES, false));
        env.enableCheckpointing(config.job().checkpointInterval().toMillis());
        env.setParallelism(config.job().parallelism());
        DealfinderConfig.Deals deals = config.deals();

        DataStream<RawListing> raw =
                env.fromSource(
                                listings,
                                WatermarkStrategy.<RawListing>forBoundedOutOfOrderness(
                                                MAX_OUT_OF_ORDER)
                                        .withIdleness(IDLE_FEED),
                                "scraper")
                        .uid("scraper-source");
        sinks.rawArchive()
                .ifPresent(archive -> raw.sinkTo(archive).name("raw-archive").uid("raw-archive"));

        Map<String, String> currencies =
                config.sites().entrySet().stream()
                        .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().currency()));
        SingleOutputStreamOperator<ListingSignal> normalized =
                raw.process(new ListingNormalizer(currencies)).name("normalize").uid("normalize");
        normalized
                .getSideOutput(ListingNormalizer.DEAD_LETTERS)
                .sinkTo(sinks.deadLetters())
                .name("dead-letters")
                .uid("dead-letters");

        DataStream<ListingChange> changes =
                normalized
                        .keyBy(ListingSignal::listingKey)
                        .process(new ChangeDetector(deals.listingMemory()))
                        .name("change-detector")
                        .uid("change-detector");
        changes.sinkTo(sinks.listings()).name("listings-postgres").uid("listings-postgres");
        changes.map(ListingChange::pricePoint)
                .name("price-points")
                .uid("price-points")
                .sinkTo(sinks.priceHistory())
                .name("price-history-postgres")
                .uid("price-history-postgres");
        DataStream<ListingChange> versions =
                withoutReposts(
                                changes.filter(DealfinderJob::concernsReposts)
                                        .name("new-listings-and-price-drops")
                                        .uid("new-listings"))
                        .union(
                                changes.filter(c -> c.kind() != ChangeKind.NEW && c.kind().live())
                                        .name("changed-listings")
                                        .uid("changed-listings"));
        DataStream<Listing> changed =
                versions.map(ListingChange::listing).name("changed-listing").uid("changed-listing");

        DataStream<EmbeddedListing> embedded = embed(changed);

        BroadcastStream<SavedQuerySnapshot> queries =
                env.fromSource(savedQueries, SavedQueryPoller.watermarks(), "saved-queries")
                        .uid("saved-queries-source")
                        .setParallelism(1)
                        .broadcast(QueryMatcher.QUERIES);
        DataStream<QueryMatch> matches =
                embedded.connect(queries)
                        .process(new QueryMatcher())
                        .name("query-matcher")
                        .uid("query-matcher");

        DataStream<ClassifiedMatch> classified = classify(matches);
        sinks.embeddings()
                .ifPresent(vectorStore -> storeVectors(embedded, changes, classified, vectorStore));
        SingleOutputStreamOperator<PricedMatch> priced =
                classified
                        .keyBy(m -> m.query().id())
                        .process(new MarketPricer((int) deals.marketHorizon().toDays()))
                        .name("market-pricer")
                        .uid("market-pricer");
        priced.getSideOutput(MarketPricer.ESTIMATES)
                .sinkTo(sinks.marketEstimates())
                .name("market-estimates-postgres")
                .uid("market-estimates-postgres");
        DataStream<ScoredDeal> scored =
                withComparables(priced)
                        .map(new DealScorer(scoringPolicy()))
                        .name("deal-scorer")
                        .uid("deal-scorer")
                        .keyBy(d -> d.match().listing().listingKey())
                        .connect(versions.keyBy(c -> c.listing().listingKey()))
                        .process(new PriceDropExplainer(PRICE_NOTE_MEMORY))
                        .name("price-drop-explainer")
                        .uid("price-drop-explainer");
        scored.sinkTo(sinks.matches()).name("matches-postgres").uid("matches-postgres");
        SingleOutputStreamOperator<RankedDeal> digests =
                DigestRanker.digest(
                        scored,
                        deals.digestSize(),
                        MAX_OUT_OF_ORDER,
                        IDLE_FEED,
                        ZoneId.of(deals.digestTimeZone()));
        digests.sinkTo(sinks.digestEntries()).name("digests-postgres").uid("digests-postgres");
        digests.getSideOutput(DigestRanker.LATE)
                .map(new LateDigestDeals())
                .name("late-digest-deals")
                .uid("late-digest-deals")
                .sinkTo(sinks.deadLetters())
                .name("late-digest-dead-letters")
                .uid("late-digest-dead-letters");
        DataStream<Alert> alerts =
                scored.keyBy(ScoredDeal::pairKey)
                        .process(new AlertGate(alertPolicy()))
                        .name("alert-gate")
                        .uid("alert-gate")
                        .map(new ToAlert())
                        .name("to-alert")
                        .uid("to-alert");
        alerts.sinkTo(sinks.alertRecords()).name("alerts-postgres").uid("alerts-postgres");
        alerts.sinkTo(sinks.alertFeed()).name("alert-server").uid("alert-server");
        return alerts;
    }

    /**
     * The async classifier (batched inside the async function; Flink checkpoints the records in
     * flight) and the log of every decision it makes.
     */
    private DataStream<ClassifiedMatch> classify(DataStream<QueryMatch> matches) {
        ClassifierConfig.Async async = config.classifier().async();
        SingleOutputStreamOperator<ClassifiedMatch> classified =
                AsyncDataStream.unorderedWaitWithRetry(
                                matches,
                                new AsyncClassifier(ClassifierWiring.settings(config)),
                                async.timeout().toMillis(),
                                TimeUnit.MILLISECONDS,
                                async.capacity(),
                                AsyncClassifier.retries(
                                        async.retryAttempts(), async.retryBackoff()))
                        .name("classifier")
                        .uid("classifier-async")
                        .process(new InferenceLog())
                        .name("inference-log")
                        .uid("inference-log");
        classified
                .getSideOutput(InferenceLog.INFERENCES)
                .sinkTo(sinks.modelInferences())
                .name("model-inferences-postgres")
                .uid("model-inferences-postgres");
        classified
                .getSideOutput(InferenceLog.LABELS)
                .sinkTo(sinks.labels())
                .name("labels-postgres")
                .uid("labels-postgres");
        return classified;
    }

    /**
     * One embedding per listing version, whether or not a vector store is configured: the local
     * classifier reuses it for every saved query the listing matches, and the vector store (keyed
     * by listing, so a listing's versions reach it in order) stores it. The vector store holds
     * vectors of the bundled model; without one, the classifier's configured model embeds. When the
     * two differ, the classifier embeds the titles itself (its {@code listingsEmbedded} metric).
     */
    private DataStream<EmbeddedListing> embed(DataStream<Listing> listings) {
        ClassifierConfig.Async async = config.classifier().async();
        EmbeddingModelSpec model =
                sinks.embeddings().isPresent()
                        ? EmbeddingModelSpec.BUNDLED
                        : ClassifierWiring.settings(config).embedding();
        return AsyncDataStream.unorderedWaitWithRetry(
                        listings,
                        new ListingEmbedder(ClassifierWiring.batching(config.classifier()), model),
                        async.timeout().toMillis(),
                        TimeUnit.MILLISECONDS,
                        async.capacity(),
                        ListingEmbedder.retries(async.retryAttempts(), async.retryBackoff()))
                .name("embedder")
                .uid("embedder");
    }

    /**
     * Each listing's point in the vector store: its embedding with every saved query's verdict,
     * made inactive (or deleted) when the listing is REMOVED and active again when RELISTED. One
     * keyed operator orders a listing's writes (a verdict may come before or after the embedding);
     * the sink follows it directly, so a point's writes reach Qdrant in that order.
     */
    private void storeVectors(
            DataStream<EmbeddedListing> embedded,
            DataStream<ListingChange> changes,
            DataStream<ClassifiedMatch> classified,
            Sink<QdrantWrite> vectorStore) {
        DataStream<PointUpdate> updates =
                classified
                        .map(DealfinderJob::verdictOf)
                        .name("point-verdicts")
                        .uid("point-verdicts")
                        .union(
                                changes.filter(PointUpdate::concerns)
                                        .name("removals-and-relistings")
                                        .uid("removals-and-relistings")
                                        .map(PointUpdate::of)
                                        .name("point-lifecycle")
                                        .uid("point-lifecycle"));
        embedded.filter(ListingEmbedder::isEmbedded)
                .name("embedded")
                .uid("embedded")
                .keyBy(e -> e.listing().listingKey())
                .connect(updates.keyBy(PointUpdate::listingKey))
                .process(
                        new QdrantPointUpdates(
                                config.qdrant().onRemoved(), config.deals().listingMemory()))
                .name("qdrant-point-updates")
                .uid("qdrant-point-updates")
                .sinkTo(vectorStore)
                .name("qdrant")
                .uid("qdrant-sink");
    }

    private static PointUpdate verdictOf(ClassifiedMatch m) {
        return PointUpdate.verdict(
                m.listing().listingKey(),
                m.query().id(),
                m.verdict().name(),
                m.listing().fetchedAt());
    }

    /**
     * With Qdrant configured, a listing whose saved query has too few prices of its own is priced
     * against its nearest RELEVANT listings there ({@code deals.comparables}).
     */
    private DataStream<PricedMatch> withComparables(DataStream<PricedMatch> priced) {
        DealfinderConfig.Deals deals = config.deals();
        QdrantConfig qdrant = config.qdrant();
        if (!qdrant.enabled() || deals.comparables() == 0) {
            return priced;
        }
        return AsyncDataStream.unorderedWait(
                        priced,
                        new ComparablesFallback(
                                QdrantWiring.connection(qdrant, deals.comparablesTimeout())::open,
                                qdrant.collection(),
                                deals.comparables(),
                                deals.minComparables(),
                                deals.comparablesTimeout()),
                        deals.comparablesTimeout().toMillis(),
                        TimeUnit.MILLISECONDS,
                        COMPARABLES_CAPACITY)
                .name("market-comparables")
                .uid("market-comparables");
    }

    /**
     * New listings whose first photo matches a recent listing's (a repost or cross-post) are linked
     * to it in PostgreSQL and dropped, unless they undercut the item's lowest earlier price (then
     * they go on as a price drop); the rest go on as new. Price drops of known listings come in
     * too, only to lower the price the dedup remembers for them; they go on elsewhere.
     */
    private DataStream<ListingChange> withoutReposts(DataStream<ListingChange> fresh) {
        DealfinderConfig.Deals deals = config.deals();
        RepostBands bands = new RepostBands(new HashBands(deals.imageHashDistance()));
        DataStream<FingerprintedListing> fingerprinted =
                AsyncDataStream.unorderedWait(
                                fresh.map(ListingChange::listing)
                                        .name("new-listing")
                                        .uid("new-listing"),
                                new ImageFingerprinter(
                                        deals.imageHashCache(),
                                        deals.imageHashCacheTtl(),
                                        config.scraper().requestTimeout()),
                                IMAGE_HASH_TIMEOUT.toMillis(),
                                TimeUnit.MILLISECONDS,
                                IMAGE_HASH_CAPACITY)
                        .name("image-fingerprinter")
                        .uid("image-fingerprinter");
        SingleOutputStreamOperator<ListingChange> unique =
                fingerprinted
                        .flatMap(bands)
                        .name("image-hash-bands")
                        .uid("image-hash-bands")
                        .keyBy(BandedListing::bandKey)
                        .process(
                                new RepostCandidates(
                                        deals.imageHashDistance(), deals.repostWindow()))
                        .name("repost-candidates")
                        .uid("repost-candidates")
                        .keyBy(v -> v.fingerprinted().listing().listingKey())
                        .process(new RepostResolver(bands, alertPolicy()))
                        .name("repost-resolver")
                        .uid("repost-resolver");
        unique.getSideOutput(RepostResolver.LINKS)
                .sinkTo(sinks.repostLinks())
                .name("repost-links-postgres")
                .uid("repost-links-postgres");
        return unique;
    }

    /**
     * New listings may be reposts; price drops lower what an item was offered at, which a later
     * repost must undercut.
     */
    private static boolean concernsReposts(ListingChange change) {
        return change.kind() == ChangeKind.NEW || change.kind() == ChangeKind.PRICE_DROP;
    }

    private ScoringPolicy scoringPolicy() {
        DealfinderConfig.Scoring s = config.scoring();
        return new ScoringPolicy(
                s.relevanceWeight(),
                s.priceWeight(),
                s.freshnessWeight(),
                s.conditionWeight(),
                s.sellerWeight(),
                s.distanceWeight(),
                config.deals().minComparables(),
                s.freshnessHalfLife().toMillis(),
                s.dealerScore(),
                s.distanceHalfLifeKm());
    }

    private AlertPolicy alertPolicy() {
        DealfinderConfig.Deals d = config.deals();
        return new AlertPolicy(
                d.minPriceDropPercent(), d.minPriceDropAmount(), d.alertMemory().toMillis());
    }

    /** Builds the topology and submits it without waiting for it to end. */
    public JobClient executeAsync(StreamExecutionEnvironment env) throws Exception {
        build(env);
        return env.executeAsync(config.job().name());
    }

    /** Stamps the moment the job decided to alert. */
    static final class ToAlert implements MapFunction<ScoredDeal, Alert> {
        @Override
        public Alert map(ScoredDeal deal) {
            return deal.toAlert(System.currentTimeMillis());
        }
    }
}
