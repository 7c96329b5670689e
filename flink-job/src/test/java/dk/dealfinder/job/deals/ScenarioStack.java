package dk.dealfinder.job.deals;

import com.fasterxml.jackson.databind.ObjectMapper;
import dk.dealfinder.alertserver.AlertServer;
import dk.dealfinder.alertserver.AlertServerSettings;
import dk.dealfinder.alertserver.db.DatabaseSettings;
import dk.dealfinder.core.config.DealfinderConfig;
import dk.dealfinder.core.model.SavedQuery;
import dk.dealfinder.core.store.JdbcSavedQueryStore;
import dk.dealfinder.core.store.Migrations;
import dk.dealfinder.job.DealfinderJob;
import dk.dealfinder.testkit.Await;
import dk.dealfinder.testkit.LocalStackConfig;
import dk.dealfinder.testkit.SharedPostgres;
import dk.dealfinder.testkit.SharedRedis;
import dk.dealfinder.testkit.SseClient;
import dk.dealfinder.testkit.marketplace.LocalMarketplace;
import dk.dealfinder.testkit.marketplace.MarketplaceOptions;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * What a deal scenario runs against: an empty LocalMarketplace, a database of its own, an
 * alert-server on a stream of its own (real PostgreSQL and Redis), and the job built from them.
 */
final class ScenarioStack implements AutoCloseable {

    static final Duration DEADLINE = Duration.ofSeconds(90);

    /** The saved query most scenarios watch: iPhone 13 under 4.000 kr., instant alerts. */
    static final SavedQuery IPHONE =
            new SavedQuery(
                    "iphone",
                    "iPhone 13 under 4.000",
                    "iPhone 13",
                    "dba.dk",
                    null,
                    4000L,
                    List.of(),
                    List.of(),
                    50,
                    true);

    private final String token = "scenario-token-" + UUID.randomUUID();
    private final String pgUrl;
    private final LocalMarketplace marketplace;
    private final AlertServer alertServer;
    private final Map<String, String> extraSections = new LinkedHashMap<>();

    private ScenarioStack(String database) throws Exception {
        pgUrl = SharedPostgres.newDatabase(database);
        Migrations.migrate(pgUrl, SharedPostgres.user(), "");
        marketplace = LocalMarketplace.start(MarketplaceOptions.empty());
        alertServer =
                AlertServer.start(
                        AlertServerSettings.defaults(
                                        SharedRedis.uri(),
                                        token,
                                        new DatabaseSettings(pgUrl, SharedPostgres.user(), ""))
                                .withStreamKey("scenario:" + UUID.randomUUID()));
    }

    static ScenarioStack start(String database) throws Exception {
        return new ScenarioStack(database);
    }

    LocalMarketplace marketplace() {
        return marketplace;
    }

    /** The SSE alert feed, as a newly signed-up user sees it. */
    SseClient openFeed() {
        return openFeed(newUser());
    }

    /** A new user of the alert-server, as the bearer header value that signs them in. */
    String newUser() {
        return alertServer.newUserBearer("it-" + UUID.randomUUID());
    }

    /** The SSE alert feed of the user the bearer header value signs in. */
    SseClient openFeed(String bearer) {
        return SseClient.connect(alertServer.baseUrl().resolve("/api/alerts/stream"), bearer);
    }

    /** Creates a saved query through the alert-server's REST API, as the user; returns its id. */
    String createQuery(String bearer, String json) throws Exception {
        HttpResponse<String> created =
                HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(
                                                alertServer.baseUrl().resolve("/api/queries"))
                                        .header("Authorization", bearer)
                                        .header("Content-Type", "application/json")
                                        .POST(HttpRequest.BodyPublishers.ofString(json))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
        if (created.statusCode() != 201) {
            throw new IllegalStateException(
                    "creating a saved query: " + created.statusCode() + " " + created.body());
        }
        return new ObjectMapper().readTree(created.body()).get("id").asText();
    }

    void save(SavedQuery query) throws SQLException {
        new JdbcSavedQueryStore(pgUrl, "postgres", "", List.of()).upsert(query);
    }

    /** Adds (or replaces) a config section for the jobs started from now on. */
    ScenarioStack withSection(String key, String flowYaml) {
        extraSections.put(key, flowYaml);
        return this;
    }

    DealfinderConfig config() {
        LocalStackConfig config =
                LocalStackConfig.of(marketplace.baseUrl(), pgUrl, alertServer.baseUrl(), token)
                        .section("job", "{name: scenario, checkpointInterval: 1s}")
                        .section("deals", "{imageHashCache: \"" + SharedRedis.uri() + "\"}");
        extraSections.forEach(config::section);
        return config.config();
    }

    JobClient startJob(Configuration flink) throws Exception {
        return DealfinderJob.fromConfig(config())
                .executeAsync(StreamExecutionEnvironment.getExecutionEnvironment(flink));
    }

    void awaitPolls(int polls) {
        long before = marketplace.requestCount();
        Await.until(
                DEADLINE,
                polls + " more polls",
                () -> marketplace.requestCount() >= before + polls);
    }

    /** Alert id to explanation of every alert in PostgreSQL. */
    Map<String, String> alerts() throws Exception {
        return pairs("SELECT alert_id, explanation FROM alerts");
    }

    /** Repost key to original key of every repost link in PostgreSQL. */
    Map<String, String> links() throws Exception {
        return pairs("SELECT repost_key, original_key FROM repost_links");
    }

    long count(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(pgUrl);
                ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The first two columns of each row, as text, in key order. */
    Map<String, String> pairs(String sql) throws Exception {
        Map<String, String> pairs = new TreeMap<>();
        try (Connection c = DriverManager.getConnection(pgUrl);
                ResultSet rs = c.createStatement().executeQuery(sql)) {
            while (rs.next()) {
                pairs.put(rs.getString(1), rs.getString(2));
            }
        }
        return pairs;
    }

    @Override
    public void close() {
        alertServer.close();
        marketplace.close();
    }
}
