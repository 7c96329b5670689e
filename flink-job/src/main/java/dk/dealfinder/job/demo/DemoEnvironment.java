package dk.dealfinder.job.demo;

import dk.dealfinder.alertserver.AlertServer;
import dk.dealfinder.alertserver.AlertServerSettings;
import dk.dealfinder.alertserver.db.DatabaseSettings;
import dk.dealfinder.core.config.DealfinderConfig;
import dk.dealfinder.core.model.SavedQuery;
import dk.dealfinder.core.store.JdbcSavedQueryStore;
import dk.dealfinder.core.store.Migrations;
import dk.dealfinder.job.DealfinderJob;
import dk.dealfinder.testkit.LocalStackConfig;
import dk.dealfinder.testkit.SharedPostgres;
import dk.dealfinder.testkit.SharedRedis;
import dk.dealfinder.testkit.marketplace.LocalMarketplace;
import dk.dealfinder.testkit.marketplace.MarketplaceOptions;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.embedded.RedisServer;

/**
 * Starts the whole demo in one process and stops it in reverse order: PostgreSQL (data kept in the
 * data directory), Redis, the LocalMarketplace with its scenario running, the alert-server, and the
 * job on a local MiniCluster with the Flink web UI.
 */
public final class DemoEnvironment implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DemoEnvironment.class);

    /** The two example saved queries the demo starts with. */
    static final List<SavedQuery> EXAMPLE_QUERIES =
            List.of(
                    new SavedQuery(
                            "demo-iphone-13",
                            "iPhone 13 under 4.000 kr.",
                            "iPhone 13",
                            "dba.dk",
                            null,
                            4000L,
                            List.of(),
                            List.of(),
                            50,
                            true),
                    new SavedQuery(
                            "demo-lego-technic",
                            "Lego Technic",
                            "Lego Technic",
                            "dba.dk",
                            null,
                            3000L,
                            List.of(),
                            List.of(),
                            50,
                            true));

    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final CountDownLatch stopped = new CountDownLatch(1);

    private DemoEnvironment() {}

    public static DemoEnvironment start(DemoOptions options) throws Exception {
        DemoEnvironment demo = new DemoEnvironment();
        try {
            demo.startAll(options);
        } catch (Exception | Error e) {
            demo.close();
            throw e;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(demo::close, "dealfinder-demo-stop"));
        return demo;
    }

    private void startAll(DemoOptions options) throws Exception {
        Files.createDirectories(options.dataDir());
        EmbeddedPostgres postgres =
                SharedPostgres.start(options.dataDir().toAbsolutePath().resolve("postgres"));
        started.push(postgres);
        String pgUrl = SharedPostgres.jdbcUrl(postgres, "postgres");

        int redisPort = SharedRedis.freePort();
        RedisServer redis = SharedRedis.start(redisPort);
        started.push(redis::stop);

        LocalMarketplace marketplace =
                LocalMarketplace.start(
                        MarketplaceOptions.defaults().withPort(options.marketplacePort()));
        started.push(marketplace);
        marketplace.startScenario();

        String redisUrl = "redis://127.0.0.1:" + redisPort;
        String token = HexFormat.of().formatHex(SecureRandom.getSeed(16));
        AlertServer alerts =
                AlertServer.start(
                        AlertServerSettings.defaults(
                                        redisUrl,
                                        token,
                                        new DatabaseSettings(pgUrl, SharedPostgres.user(), ""))
                                .withPort(options.alertPort()));
        started.push(alerts);
        String demoBearer =
                alerts.newUserBearer("demo-" + HexFormat.of().formatHex(SecureRandom.getSeed(3)));

        DealfinderConfig config =
                LocalStackConfig.of(marketplace.baseUrl(), pgUrl, alerts.baseUrl(), token)
                        .section("job", "{name: dealfinder-demo, checkpointInterval: 10s}")
                        .section(
                                "scraper",
                                "{pollInterval: "
                                        + options.pollInterval()
                                        + ", queryRefreshInterval: 2s, requestsPerSecondPerHost:"
                                        + " 50, burst: 10, honourCrawlDelay: false}")
                        .section("deals", "{imageHashCache: \"" + redisUrl + "\"}")
                        .section("classifier", "{cache: {redisUrl: \"" + redisUrl + "\"}}")
                        .config();
        Migrations.migrate(pgUrl, config.postgres().user(), config.postgres().password());
        JdbcSavedQueryStore queries =
                new JdbcSavedQueryStore(pgUrl, config.postgres().user(), "", List.of());
        for (SavedQuery q : EXAMPLE_QUERIES) {
            queries.upsert(q);
        }

        Configuration flink = new Configuration();
        flink.set(RestOptions.PORT, options.webUiPort());
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.createLocalEnvironmentWithWebUI(flink);
        JobClient job = DealfinderJob.fromConfig(config).executeAsync(env);
        started.push(() -> job.cancel().get());

        System.out.printf(
                "%n  dealfinder demo is running%n  dashboard:            %s/  (sign in with the"
                    + " demo token)%n  demo API token:       %s%n  alert feed (SSE):     curl -N -H"
                    + " 'Authorization: %s' %s/api/alerts/stream%n  Flink web UI:        "
                    + " http://localhost:%d/%n  local marketplace:   "
                    + " %s/recommerce/forsale/search?q=iPhone+13%n  PostgreSQL:           %s%n "
                    + " data directory:       %s%n  saved queries:        %s%n  Ctrl-C stops"
                    + " everything.%n%n",
                alerts.baseUrl(),
                demoBearer.substring("Bearer ".length()),
                demoBearer,
                alerts.baseUrl(),
                options.webUiPort(),
                marketplace.baseUrl(),
                pgUrl,
                options.dataDir().toAbsolutePath(),
                EXAMPLE_QUERIES.stream().map(SavedQuery::name).toList());
    }

    /** Blocks until the process is asked to stop (Ctrl-C). */
    public void awaitShutdown() throws InterruptedException {
        stopped.await();
    }

    @Override
    public synchronized void close() {
        while (!started.isEmpty()) {
            try {
                started.pop().close();
            } catch (Exception e) {
                LOG.warn("Stopping a demo part failed: {}", e.toString());
            }
        }
        stopped.countDown();
    }
}
