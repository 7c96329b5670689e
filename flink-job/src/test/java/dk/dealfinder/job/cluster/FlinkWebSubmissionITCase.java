package dk.dealfinder.job.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dk.dealfinder.alertserver.AlertServer;
import dk.dealfinder.alertserver.AlertServerSettings;
import dk.dealfinder.alertserver.db.DatabaseSettings;
import dk.dealfinder.core.model.SavedQuery;
import dk.dealfinder.core.store.JdbcSavedQueryStore;
import dk.dealfinder.testkit.Await;
import dk.dealfinder.testkit.LocalStackConfig;
import dk.dealfinder.testkit.SharedPostgres;
import dk.dealfinder.testkit.SharedRedis;
import dk.dealfinder.testkit.SseClient;
import dk.dealfinder.testkit.marketplace.ListingDraft;
import dk.dealfinder.testkit.marketplace.LocalMarketplace;
import dk.dealfinder.testkit.marketplace.MarketplaceOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shaded job jar on a real standalone Flink session cluster, submitted the way a user does in
 * the Flink web UI: upload, run with {@code --config}, stop with a savepoint, resubmit from it.
 * Runs after {@code package} (failsafe), because it needs the jar.
 */
class FlinkWebSubmissionITCase {

    private static final Duration DEADLINE = Duration.ofSeconds(180);
    private static final String TOKEN = "cluster-token-" + UUID.randomUUID();

    private static LocalMarketplace marketplace;
    private static AlertServer alertServer;
    private static FlinkSessionCluster cluster;
    private static FlinkRestClient rest;
    private static String pgUrl;
    private static Path configFile;

    @BeforeAll
    static void start() throws Exception {
        Path home = Path.of("target", "flink-cluster").toAbsolutePath();
        if (Files.exists(home)) {
            FlinkSessionCluster.deleteQuietly(home);
        }
        pgUrl = SharedPostgres.newDatabase("cluster_it");
        marketplace = LocalMarketplace.start(MarketplaceOptions.empty());
        alertServer =
                AlertServer.start(
                        AlertServerSettings.defaults(
                                        SharedRedis.uri(),
                                        TOKEN,
                                        new DatabaseSettings(pgUrl, SharedPostgres.user(), ""))
                                .withStreamKey("cluster:" + UUID.randomUUID()));
        cluster = FlinkSessionCluster.start(home);
        rest = new FlinkRestClient(cluster.restPort());
        configFile = home.resolve("dealfinder.yaml");
        Files.writeString(
                configFile,
                LocalStackConfig.of(marketplace.baseUrl(), pgUrl, alertServer.baseUrl(), TOKEN)
                        .section("job", "{name: dealfinder-cluster-it, checkpointInterval: 2s}")
                        .yaml());
        cluster.awaitReady(rest, DEADLINE);
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
        if (alertServer != null) {
            alertServer.close();
        }
        if (marketplace != null) {
            marketplace.close();
        }
    }

    @Test
    void runsFromTheWebUiAndResumesFromASavepointWithoutDuplicates() throws Exception {
        String jarId = rest.uploadJar(jobJar());
        String jobId = rest.runJar(jarId, List.of("--config", configFile.toString()), null);
        awaitRunning(jobId);
        new JdbcSavedQueryStore(pgUrl, "postgres", "", List.of())
                .upsert(
                        new SavedQuery(
                                "iphone",
                                "iPhone 13",
                                "iPhone 13",
                                "dba.dk",
                                null,
                                4000L,
                                List.of(),
                                List.of(),
                                50,
                                true));

        try (SseClient feed =
                SseClient.connect(
                        alertServer.baseUrl().resolve("/api/alerts/stream"),
                        alertServer.newUserBearer("it-" + UUID.randomUUID()))) {
            awaitPolls(2);
            long first =
                    marketplace.catalogue().publish(ListingDraft.of("iPhone 13 128GB sort", 2500));
            Await.until(DEADLINE, "the first alert", () -> feed.events().size() == 1);

            String trigger = rest.stopWithSavepoint(jobId, cluster.home().resolve("savepoints"));
            AtomicReference<String> savepoint = new AtomicReference<>();
            Await.until(
                    DEADLINE,
                    "the savepoint",
                    () -> {
                        savepoint.set(rest.savepointLocation(jobId, trigger));
                        return savepoint.get() != null;
                    });
            Await.until(DEADLINE, "the job to stop", () -> rest.jobState(jobId).equals("CANCELED"));

            long second =
                    marketplace.catalogue().publish(ListingDraft.of("iPhone 13 256GB blå", 3100));
            String resumed =
                    rest.runJar(jarId, List.of("--config", configFile.toString()), savepoint.get());
            awaitRunning(resumed);
            Await.until(DEADLINE, "the second alert", () -> feed.events().size() >= 2);
            awaitPolls(4);

            assertThat(feed.events())
                    .extracting(e -> e.data().replaceAll(".*\"listingKey\":\"([^\"]+)\".*", "$1"))
                    .containsExactly("dba.dk:" + first, "dba.dk:" + second);
            assertThat(metric("alerts_duplicate_total"))
                    .as("the job never re-sent an alert")
                    .isZero();
        }
    }

    private static void awaitRunning(String jobId) {
        Await.until(
                DEADLINE,
                "job " + jobId + " RUNNING",
                () -> rest.jobState(jobId).equals("RUNNING"));
    }

    private static void awaitPolls(int polls) {
        long before = marketplace.requestCount();
        Await.until(
                DEADLINE,
                polls + " more polls of the marketplace",
                () -> marketplace.requestCount() >= before + polls);
    }

    private static Path jobJar() throws Exception {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(p -> p.getFileName().toString().matches("flink-job-.*-job\\.jar"))
                    .findFirst()
                    .orElseThrow(
                            () ->
                                    new IllegalStateException(
                                            "no shaded job jar in target/: run mvn package first"));
        }
    }

    private static long metric(String name) throws Exception {
        HttpResponse<String> metrics =
                HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(
                                                URI.create(alertServer.baseUrl() + "/metrics"))
                                        .header("Authorization", "Bearer " + TOKEN)
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
        return metrics.body()
                .lines()
                .filter(l -> l.startsWith(name + " "))
                .mapToLong(l -> (long) Double.parseDouble(l.substring(name.length() + 1).trim()))
                .findFirst()
                .orElseThrow();
    }
}
