package dk.dealfinder.job;

import dk.dealfinder.core.config.DealfinderConfig;
import dk.dealfinder.core.model.Alert;
import dk.dealfinder.core.model.DeadLetter;
import dk.dealfinder.core.model.ListingChange;
import dk.dealfinder.core.model.MarketEstimate;
import dk.dealfinder.core.model.PricePoint;
import dk.dealfinder.core.model.RawListing;
import dk.dealfinder.core.model.RepostLink;
import dk.dealfinder.job.sink.AlertSink;
import dk.dealfinder.job.sink.PostgresSinks;
import dk.dealfinder.job.sink.QdrantWiring;
import dk.dealfinder.job.sink.RawArchive;
import dk.dealfinder.sink.qdrant.QdrantWrite;
import dk.dealfinder.udfs.inference.InferenceRecord;
import dk.dealfinder.udfs.inference.LabelRecord;
import dk.dealfinder.udfs.rank.RankedDeal;
import dk.dealfinder.udfs.score.ScoredDeal;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.apache.flink.api.connector.sink2.Sink;

/**
 * Where the job's results go. Production wiring comes from {@link #fromConfig}; tests pass
 * collecting sinks instead.
 *
 * @param listings every change of a listing (PostgreSQL {@code listings})
 * @param priceHistory the price of every listing version (PostgreSQL {@code price_history})
 * @param marketEstimates each saved query's latest market estimate ({@code market_estimates})
 * @param repostLinks reposts and cross-posts linked to their original ({@code repost_links})
 * @param matches every scored match with its score components ({@code matches})
 * @param digestEntries each saved query's best deals per window ({@code digest_entries})
 * @param alertRecords alerts for the history (PostgreSQL {@code alerts})
 * @param alertFeed alerts for users (the alert-server)
 * @param deadLetters input that could not be processed
 * @param modelInferences every classification decision ({@code model_inferences})
 * @param labels LLM verdicts as labelled examples ({@code labels})
 * @param rawArchive optional archive of every scraped listing (Kafka), enabling replay
 * @param embeddings optional vector store of listing embeddings, verdicts and removals (Qdrant)
 */
public record JobSinks(
        Sink<ListingChange> listings,
        Sink<PricePoint> priceHistory,
        Sink<MarketEstimate> marketEstimates,
        Sink<RepostLink> repostLinks,
        Sink<ScoredDeal> matches,
        Sink<RankedDeal> digestEntries,
        Sink<Alert> alertRecords,
        Sink<Alert> alertFeed,
        Sink<DeadLetter> deadLetters,
        Sink<InferenceRecord> modelInferences,
        Sink<LabelRecord> labels,
        Optional<Sink<RawListing>> rawArchive,
        Optional<Sink<QdrantWrite>> embeddings) {

    public static JobSinks fromConfig(DealfinderConfig config) {
        PostgresSinks postgres = new PostgresSinks(config.postgres());
        DealfinderConfig.AlertServer alerts = config.alertServer();
        Optional<Sink<RawListing>> archive =
                config.kafka().enabled()
                        ? Optional.of(RawArchive.sink(config.kafka(), config.job().name()))
                        : Optional.empty();
        Optional<Sink<QdrantWrite>> embeddings =
                config.qdrant().enabled()
                        ? Optional.of(QdrantWiring.sink(config.qdrant()))
                        : Optional.empty();
        return new JobSinks(
                postgres.listings(),
                postgres.priceHistory(),
                postgres.marketEstimates(),
                postgres.repostLinks(),
                postgres.matches(),
                postgres.digestEntries(),
                postgres.alerts(),
                new AlertSink(
                        URI.create(alerts.url()),
                        alerts.token(),
                        Duration.ofSeconds(10),
                        Duration.ofSeconds(30)),
                postgres.deadLetters(),
                postgres.modelInferences(),
                postgres.labels(),
                archive,
                embeddings);
    }

    /** The same sinks without the raw archive: a replay must not write back what it reads. */
    public JobSinks withoutRawArchive() {
        return new JobSinks(
                listings,
                priceHistory,
                marketEstimates,
                repostLinks,
                matches,
                digestEntries,
                alertRecords,
                alertFeed,
                deadLetters,
                modelInferences,
                labels,
                Optional.empty(),
                embeddings);
    }
}
