package dk.dealfinder.bench;

import dk.dealfinder.alertserver.AlertServer;
import dk.dealfinder.alertserver.AlertServerSettings;
import dk.dealfinder.alertserver.db.DatabaseSettings;
import dk.dealfinder.core.model.SavedQuery;
import dk.dealfinder.core.store.JdbcSavedQueryStore;
import dk.dealfinder.core.store.Migrations;
import dk.dealfinder.testkit.LocalStackConfig;
import dk.dealfinder.testkit.SharedPostgres;
import dk.dealfinder.testkit.SharedRedis;
import dk.dealfinder.testkit.marketplace.LocalMarketplace;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

/**
 * The real services one benchmark runs against: a fresh PostgreSQL database (migrated), the shared
 * Redis, an alert-server and a LocalMarketplace, plus the configuration that points the job at
 * them.
 */
final class BenchServices implements AutoCloseable {

    static final String TOKEN = "bench-token-" + UUID.randomUUID();

    final LocalMarketplace marketplace;
    final AlertServer alertServer;
    final String pgUrl;
    final JdbcSavedQueryStore queries;

    BenchServices(LocalMarketplace marketplace) {
        this.marketplace = marketplace;
        this.pgUrl = SharedPostgres.newDatabase("bench");
        Migrations.migrate(pgUrl, SharedPostgres.user(), "");
        this.alertServer =
                AlertServer.start(
                        AlertServerSettings.defaults(
                                        SharedRedis.uri(),
                                        TOKEN,
                                        new DatabaseSettings(this.pgUrl, SharedPostgres.user(), ""))
                                .withStreamKey("bench:" + UUID.randomUUID()));
        this.queries = new JdbcSavedQueryStore(pgUrl, SharedPostgres.user(), "", List.of());
    }

    void save(List<SavedQuery> saved) throws SQLException {
        for (SavedQuery q : saved) {
            queries.upsert(q);
        }
    }

    /** The job's configuration against these services, polling every {@code pollInterval}. */
    LocalStackConfig config(String pollInterval) {
        return LocalStackConfig.of(marketplace.baseUrl(), pgUrl, alertServer.baseUrl(), TOKEN)
                .section("job", "{name: bench, checkpointInterval: 5s}")
                .section(
                        "scraper",
                        "{pollInterval: "
                                + pollInterval
                                + ", queryRefreshInterval: 1s,"
                                + " maxPagesPerPoll: 5, requestsPerSecondPerHost: 1000, burst: 100,"
                                + " honourCrawlDelay: false}")
                .section("deals", "{imageHashCache: \"" + SharedRedis.uri() + "\"}")
                .section("classifier", "{cache: {redisUrl: \"" + SharedRedis.uri() + "\"}}");
    }

    @Override
    public void close() {
        alertServer.close();
        marketplace.close();
    }
}
