package dk.dealfinder.sink.qdrant;

import dk.dealfinder.core.config.QdrantConfig.OnRemoved;
import dk.dealfinder.core.model.EmbeddedListing;
import java.time.Duration;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The job's Qdrant stage on test data: embeddings and point updates ({@link ListingHistories}) from
 * two independent sources, joined per listing by {@link QdrantPointUpdates} and written by the
 * sink, with checkpoints and one injected task failure between the operator and the sink.
 */
final class PointUpdatesJob {

    private PointUpdatesJob() {}

    static JobExecutionResult run(int ads, QdrantSink<QdrantWrite> sink) throws Exception {
        StreamExecutionEnvironment env = ListingStreamJob.environment(true);
        DataStream<EmbeddedListing> embeddings =
                env.fromSequence(0, (long) ads * (ListingHistories.VERSIONS + 1) - 1)
                        .flatMap(new ListingHistories.Embeddings(ads));
        DataStream<PointUpdate> updates =
                env.fromSequence(0, (long) ads * ListingHistories.UPDATE_SLOTS - 1)
                        .flatMap(new ListingHistories.Updates(ads));
        embeddings
                .keyBy(e -> e.listing().listingKey())
                .connect(updates.keyBy(PointUpdate::listingKey))
                .process(new QdrantPointUpdates(OnRemoved.DEACTIVATE, Duration.ofDays(30)))
                .map(new ListingStreamJob.FailOnce<QdrantWrite>(ads))
                .returns(TypeInformation.of(QdrantWrite.class))
                .sinkTo(sink);
        return env.execute("qdrant-point-updates-test");
    }
}
