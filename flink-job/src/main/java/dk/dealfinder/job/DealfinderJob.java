package dk.dealfinder.job;

import dk.dealfinder.core.config.DealfinderConfig;
import dk.dealfinder.core.model.Alert;
import dk.dealfinder.core.model.Listing;
import dk.dealfinder.core.model.RawListing;
import dk.dealfinder.core.model.SavedQuerySnapshot;
import dk.dealfinder.core.store.JdbcSavedQueryStore;
import dk.dealfinder.core.store.SavedQueryStore;
import dk.dealfinder.scraper.ScraperSource;
import dk.dealfinder.udfs.change.ChangeDetector;
import dk.dealfinder.udfs.classify.ClassifiedMatch;
import dk.dealfinder.udfs.classify.ZeroShotClassifier;
import dk.dealfinder.udfs.match.QueryMatch;
import dk.dealfinder.udfs.match.QueryMatcher;
import dk.dealfinder.udfs.normalize.ListingNormalizer;
import dk.dealfinder.udfs.score.DealScorer;
import dk.dealfinder.udfs.score.ScoredDeal;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.datastream.BroadcastStream;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The dealfinder topology. Sources and sinks are injected, so the same graph runs against real
 * marketplaces in production and against the LocalMarketplace and collecting sinks in tests.
 *
 * <pre>
 * scraper → normalize → keyBy(listing) ChangeDetector → connect(saved queries) QueryMatcher
 *         → ZeroShotClassifier → DealScorer → alerts (alert-server + PostgreSQL)
 * </pre>
 */
public final class DealfinderJob {

    /** Listings arrive at most this far out of publish-time order. */
    static final Duration MAX_OUT_OF_ORDER = Duration.ofMinutes(5);

    /** A feed with no new listings this long stops holding back event time. */
    static final Duration IDLE_FEED = Duration.ofMinutes(1);

    /** How long a listing is remembered after it was last scraped. */
    static final Duration LISTING_MEMORY = Duration.ofDays(30);

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
                ScraperSource.builder().configure(config).setSavedQueries(store).build(),
                SavedQueryPoller.source(store, config.scraper().queryRefreshInterval()),
                JobSinks.fromConfig(config));
    }

    /** Adds the topology to {@code env} and returns the alert stream (for tests). */
    public DataStream<Alert> build(StreamExecutionEnvironment env) {
        // Every type must have a Flink serializer of its own: Kryo fallback is a bug here.
        env.configure(new Configuration().set(PipelineOptions.GENERIC_TYPES, false));
        env.enableCheckpointing(config.job().checkpointInterval().toMillis());
        env.setParallelism(config.job().parallelism());

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
        SingleOutputStreamOperator<Listing> normalized =
                raw.process(new ListingNormalizer(currencies)).name("normalize").uid("normalize");
        normalized
                .getSideOutput(ListingNormalizer.DEAD_LETTERS)
                .sinkTo(sinks.deadLetters())
                .name("dead-letters")
                .uid("dead-letters");

        DataStream<Listing> changed =
                normalized
                        .keyBy(Listing::listingKey)
                        .process(new ChangeDetector(LISTING_MEMORY))
                        .name("change-detector")
                        .uid("change-detector");
        changed.sinkTo(sinks.listings()).name("listings-postgres").uid("listings-postgres");

        BroadcastStream<SavedQuerySnapshot> queries =
                env.fromSource(savedQueries, SavedQueryPoller.watermarks(), "saved-queries")
                        .uid("saved-queries-source")
                        .setParallelism(1)
                        .broadcast(QueryMatcher.QUERIES);
        DataStream<QueryMatch> matches =
                changed.connect(queries)
                        .process(new QueryMatcher())
                        .name("query-matcher")
                        .uid("query-matcher");

        DataStream<ClassifiedMatch> classified =
                matches.map(new ZeroShotClassifier(config.classifier().relevanceThreshold()))
                        .name("classifier")
                        .uid("classifier");
        DataStream<Alert> alerts =
                classified
                        .map(new DealScorer())
                        .name("deal-scorer")
                        .uid("deal-scorer")
                        .filter(ScoredDeal::alertWorthy)
                        .name("alert-threshold")
                        .uid("alert-threshold")
                        .map(new ToAlert())
                        .name("to-alert")
                        .uid("to-alert");
        alerts.sinkTo(sinks.alertRecords()).name("alerts-postgres").uid("alerts-postgres");
        alerts.sinkTo(sinks.alertFeed()).name("alert-server").uid("alert-server");
        return alerts;
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
