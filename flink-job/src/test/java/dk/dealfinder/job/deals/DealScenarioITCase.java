package dk.dealfinder.job.deals;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dk.dealfinder.core.model.Alert;
import dk.dealfinder.testkit.Await;
import dk.dealfinder.testkit.SseClient;
import dk.dealfinder.testkit.marketplace.Catalogue;
import dk.dealfinder.testkit.marketplace.DecoyKind;
import dk.dealfinder.testkit.marketplace.ListingDraft;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.runtime.checkpoint.CheckpointStatsSnapshot;
import org.apache.flink.runtime.checkpoint.RestoredCheckpointStats;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.InjectMiniCluster;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The headline scenario of "one alert per real event", on the LocalMarketplace with real
 * PostgreSQL, Redis and alert-server: new listings, decoys and reposts of an alerted item, with the
 * job stopped with a savepoint and restored in the middle. The alerts are compared by id.
 */
class DealScenarioITCase {

    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(2)
                            .build());

    private static final Duration DEADLINE = ScenarioStack.DEADLINE;
    private static final String QUERY = "iphone";
    private static final ObjectMapper JSON = new ObjectMapper();

    private ScenarioStack stack;

    /** Each scenario gets its own marketplace, database and alert stream: no shared history. */
    @BeforeEach
    void startServices() throws Exception {
        stack = ScenarioStack.start("deal_scenario");
        stack.save(ScenarioStack.IPHONE);
    }

    @AfterEach
    void stopServices() {
        stack.close();
    }

    @Test
    void newListingsAlertOnceAndRepostsNeverAcrossAStopWithSavepoint(
            @TempDir Path savepoints, @InjectMiniCluster MiniCluster cluster) throws Exception {
        runScenario(
                first -> {
                    String savepoint =
                            first.stopWithSavepoint(
                                            false,
                                            savepoints.toUri().toString(),
                                            SavepointFormatType.CANONICAL)
                                    .get();
                    JobClient second =
                            stack.startJob(
                                    new Configuration()
                                            .set(StateRecoveryOptions.SAVEPOINT_PATH, savepoint));
                    Await.until(
                            DEADLINE,
                            "the second job restored from the savepoint",
                            () -> {
                                RestoredCheckpointStats restored =
                                        restoredFrom(cluster, second.getJobID());
                                return restored != null
                                        && savepoint.equals(restored.getExternalPath());
                            });
                    return second;
                });
    }

    @Test
    void newListingsAlertOnceAndRepostsNeverAcrossATaskManagerFailure(
            @InjectMiniCluster MiniCluster cluster) throws Exception {
        runScenario(
                job -> {
                    long completed = completedCheckpoints(cluster, job.getJobID());
                    Await.until(
                            DEADLINE,
                            "a checkpoint taken after the repost was linked",
                            () -> completedCheckpoints(cluster, job.getJobID()) >= completed + 2);
                    cluster.terminateTaskManager(0).get();
                    cluster.startTaskManager();
                    Await.until(
                            DEADLINE,
                            "the job restored from its checkpoint and running again",
                            () ->
                                    restoredFrom(cluster, job.getJobID()) != null
                                            && cluster.getJobStatus(job.getJobID()).get()
                                                    == JobStatus.RUNNING);
                    return job;
                });
    }

    /** What happens to the job in the middle of the scenario; returns the job that goes on. */
    private interface Interruption {
        JobClient interrupt(JobClient running) throws Exception;
    }

    /**
     * Decoys, a genuine listing and its repost; then the interruption; then a second repost and
     * another genuine listing. Exactly the two genuine listings are alerted, by id, on PostgreSQL
     * and the SSE feed, and both reposts are linked to the first one.
     */
    private void runScenario(Interruption interruption) throws Exception {
        Catalogue catalogue = stack.marketplace().catalogue();
        try (SseClient feed = stack.openFeed()) {
            JobClient job = stack.startJob(new Configuration());
            try {
                stack.awaitPolls(2);
                catalogue.publish(ListingDraft.of("Cover til iPhone 13", 99), DecoyKind.ACCESSORY);
                catalogue.publish(
                        ListingDraft.of("iPhone 13 købes", 2000).withTradeType(ListingDraft.WANTED),
                        DecoyKind.WANTED);
                long genuine =
                        catalogue.publish(
                                ListingDraft.of("iPhone 13 128GB sort, som ny", 2500)
                                        .withDescription("Kvittering haves."),
                                DecoyKind.GENUINE);
                Await.until(
                        DEADLINE, "the genuine listing's alert", () -> stack.alerts().size() == 1);
                long repost = catalogue.repost(genuine);
                Await.until(DEADLINE, "the repost linked", () -> stack.links().size() == 1);

                job = interruption.interrupt(job);

                stack.awaitPolls(2);
                long secondRepost = catalogue.repost(genuine);
                long another =
                        catalogue.publish(
                                ListingDraft.of("iPhone 13 128GB blå", 2200)
                                        .withDescription("Pæn stand, batteri 91 %."),
                                DecoyKind.GENUINE);
                Await.until(DEADLINE, "the second repost linked", () -> stack.links().size() == 2);
                Await.until(
                        DEADLINE, "the other listing's alert", () -> stack.alerts().size() == 2);
                stack.awaitPolls(3);

                assertThat(stack.alerts().keySet())
                        .containsExactlyInAnyOrder(
                                Alert.idOf(QUERY, "dba.dk:" + genuine, 1),
                                Alert.idOf(QUERY, "dba.dk:" + another, 1));
                assertThat(stack.links())
                        .containsExactlyInAnyOrderEntriesOf(
                                Map.of(
                                        "dba.dk:" + repost, "dba.dk:" + genuine,
                                        "dba.dk:" + secondRepost, "dba.dk:" + genuine));
                Await.until(
                        DEADLINE, "both alerts on the SSE feed", () -> feed.events().size() >= 2);
                List<String> fed = new ArrayList<>();
                for (SseClient.Event e : feed.events()) {
                    fed.add(JSON.readTree(e.data()).get("alertId").asText());
                }
                assertThat(fed).containsExactlyInAnyOrderElementsOf(stack.alerts().keySet());
            } finally {
                job.cancel().get();
            }
        }
    }

    private static long completedCheckpoints(MiniCluster cluster, JobID job) throws Exception {
        CheckpointStatsSnapshot stats =
                cluster.getExecutionGraph(job).get().getCheckpointStatsSnapshot();
        return stats == null ? 0 : stats.getCounts().getNumberOfCompletedCheckpoints();
    }

    /** The savepoint or checkpoint a running job was last restored from, null when none. */
    private static RestoredCheckpointStats restoredFrom(MiniCluster cluster, JobID job)
            throws Exception {
        CheckpointStatsSnapshot stats =
                cluster.getExecutionGraph(job).get().getCheckpointStatsSnapshot();
        return stats == null ? null : stats.getLatestRestoredCheckpoint();
    }
}
