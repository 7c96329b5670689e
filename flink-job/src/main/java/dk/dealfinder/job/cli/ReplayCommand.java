package dk.dealfinder.job.cli;

import dk.dealfinder.core.config.DealfinderConfig;
import dk.dealfinder.core.model.SavedQuerySnapshot;
import dk.dealfinder.core.store.JdbcSavedQueryStore;
import dk.dealfinder.core.store.SavedQueryStore;
import dk.dealfinder.job.DealfinderJob;
import dk.dealfinder.job.JobSinks;
import dk.dealfinder.job.SavedQueryPoller;
import dk.dealfinder.job.replay.ReplayPlan;
import dk.dealfinder.job.replay.ReplayProgress;
import dk.dealfinder.job.replay.ReplayStart;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Runs the same topology over the Kafka archive instead of the scraper, bounded at the archive's
 * end when the command starts: a backfill of a new saved query over history. Alerts keep their ids
 * (query, listing, version) and the sinks drop ids they already have, so nothing that was alerted
 * before is alerted again. The replay does not write to the archive it reads.
 */
@Command(
        name = "replay",
        mixinStandardHelpOptions = true,
        description =
                "Replay the raw-listing archive in Kafka through the job (bounded), e.g. to"
                        + " backfill a new saved query.")
final class ReplayCommand implements Callable<Integer> {

    @Mixin JobConfigOptions options;

    @Option(
            names = "--from",
            required = true,
            description = "'earliest' or an ISO-8601 time (2026-11-01T08:00:00Z, 2026-11-01)")
    String from;

    @Option(names = "--query", description = "only match this saved query id")
    String queryId;

    @Option(
            names = "--progress-seconds",
            defaultValue = "5",
            description = "how often progress is printed, in seconds (default ${DEFAULT-VALUE})")
    int progressSeconds;

    @Override
    public Integer call() throws Exception {
        DealfinderConfig loaded = options.load();
        if (loaded == null) {
            return 2;
        }
        ReplayStart start;
        try {
            start = ReplayStart.parse(from);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return 2;
        }
        if (!loaded.kafka().enabled()) {
            System.err.println("replay needs kafka.bootstrapServers: the archive lives there");
            return 2;
        }
        options.migrate(loaded);
        ReplayPlan plan =
                ReplayPlan.make(
                        loaded.kafka().bootstrapServers(), loaded.kafka().rawTopic(), start);
        System.out.printf(
                "Replaying %,d listings from %s (%d partitions) starting at %s%s%n",
                plan.total(),
                plan.topic(),
                plan.end().size(),
                start,
                queryId == null ? "" : " for saved query " + queryId);
        if (plan.total() == 0) {
            System.out.println("Nothing to replay.");
            return 0;
        }
        String groupId = "dealfinder-replay-" + UUID.randomUUID();
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        JobSinks sinks = JobSinks.fromConfig(loaded).withoutRawArchive();
        new DealfinderJob(loaded, plan.source(groupId), queries(loaded), sinks).build(env);
        JobClient job = env.executeAsync(loaded.job().name() + "-replay");
        new ReplayProgress(plan, groupId, System.out)
                .follow(job, Duration.ofSeconds(Math.max(1, progressSeconds)));
        return 0;
    }

    /** One snapshot of the saved queries (only {@code --query} if given), then the source ends. */
    private DataGeneratorSource<SavedQuerySnapshot> queries(DealfinderConfig loaded) {
        DealfinderConfig.Postgres pg = loaded.postgres();
        SavedQueryStore all =
                new JdbcSavedQueryStore(pg.url(), pg.user(), pg.password(), loaded.savedQueries());
        String only = queryId;
        SavedQueryStore chosen =
                only == null
                        ? all
                        : () ->
                                all.activeQueries().stream()
                                        .filter(q -> q.id().equals(only))
                                        .toList();
        return new DataGeneratorSource<>(
                new SavedQueryPoller(chosen), 1, TypeInformation.of(SavedQuerySnapshot.class));
    }
}
