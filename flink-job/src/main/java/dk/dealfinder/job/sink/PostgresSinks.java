package dk.dealfinder.job.sink;

import dk.dealfinder.core.config.DealfinderConfig;
import dk.dealfinder.core.model.Alert;
import dk.dealfinder.core.model.DeadLetter;
import dk.dealfinder.core.model.Listing;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.UUID;
import org.apache.flink.connector.jdbc.JdbcConnectionOptions;
import org.apache.flink.connector.jdbc.JdbcExecutionOptions;
import org.apache.flink.connector.jdbc.JdbcStatementBuilder;
import org.apache.flink.connector.jdbc.core.datastream.sink.JdbcSink;

/**
 * The Flink JDBC sinks that write listings, alerts and dead letters to PostgreSQL. Every statement
 * is an idempotent upsert or insert-if-absent, so at-least-once delivery writes each effect once.
 */
public final class PostgresSinks {

    static final String UPSERT_LISTING =
            "INSERT INTO listings (listing_key, site, ad_id, url, title, description, price,"
                + " currency, location, postcode, image_urls, published_at, first_seen_at,"
                + " last_seen_at, version) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT"
                + " (listing_key) DO UPDATE SET url = EXCLUDED.url, title = EXCLUDED.title,"
                + " description = EXCLUDED.description, price = EXCLUDED.price, currency ="
                + " EXCLUDED.currency, location = EXCLUDED.location, postcode = EXCLUDED.postcode,"
                + " image_urls = EXCLUDED.image_urls, last_seen_at ="
                + " GREATEST(listings.last_seen_at, EXCLUDED.last_seen_at), version ="
                + " GREATEST(listings.version, EXCLUDED.version)";

    static final String INSERT_ALERT =
            "INSERT INTO alerts (alert_id, query_id, listing_key, listing_version, title, price,"
                + " currency, url, image_url, score, explanation, published_at, created_at) VALUES"
                + " (?,?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT (alert_id) DO NOTHING";

    static final String INSERT_DEAD_LETTER =
            "INSERT INTO dead_letters (stage, source, reason, snippet, at) VALUES (?,?,?,?,?)";

    private final JdbcConnectionOptions connection;
    private final JdbcExecutionOptions execution;

    public PostgresSinks(DealfinderConfig.Postgres postgres) {
        this.connection =
                new JdbcConnectionOptions.JdbcConnectionOptionsBuilder()
                        .withUrl(postgres.url())
                        .withDriverName("org.postgresql.Driver")
                        .withUsername(postgres.user())
                        .withPassword(postgres.password())
                        .build();
        this.execution =
                JdbcExecutionOptions.builder()
                        .withBatchSize(200)
                        .withBatchIntervalMs(200)
                        .withMaxRetries(5)
                        .build();
    }

    public JdbcSink<Listing> listings() {
        return sink(UPSERT_LISTING, PostgresSinks::bindListing);
    }

    public JdbcSink<Alert> alerts() {
        return sink(INSERT_ALERT, PostgresSinks::bindAlert);
    }

    public JdbcSink<DeadLetter> deadLetters() {
        return sink(INSERT_DEAD_LETTER, PostgresSinks::bindDeadLetter);
    }

    private <T> JdbcSink<T> sink(String sql, JdbcStatementBuilder<T> binder) {
        return JdbcSink.<T>builder()
                .withQueryStatement(sql, binder)
                .withExecutionOptions(execution)
                .buildAtLeastOnce(connection);
    }

    static void bindListing(PreparedStatement s, Listing l) throws SQLException {
        s.setString(1, l.listingKey());
        s.setString(2, l.site());
        s.setString(3, l.adId());
        s.setString(4, l.url());
        s.setString(5, l.title());
        s.setString(6, l.description());
        setLong(s, 7, l.price());
        s.setString(8, l.currency());
        s.setString(9, l.location());
        s.setString(10, l.postcode());
        s.setArray(11, s.getConnection().createArrayOf("text", l.imageUrls().toArray()));
        s.setTimestamp(12, new Timestamp(l.publishedAt()));
        s.setTimestamp(13, new Timestamp(l.fetchedAt()));
        s.setTimestamp(14, new Timestamp(l.fetchedAt()));
        s.setInt(15, l.version());
    }

    static void bindAlert(PreparedStatement s, Alert a) throws SQLException {
        s.setObject(1, UUID.fromString(a.alertId()));
        s.setString(2, a.queryId());
        s.setString(3, a.listingKey());
        s.setInt(4, a.listingVersion());
        s.setString(5, a.title());
        setLong(s, 6, a.price());
        s.setString(7, a.currency());
        s.setString(8, a.url());
        s.setString(9, a.imageUrl());
        s.setDouble(10, a.score());
        s.setString(11, a.explanation());
        s.setTimestamp(12, new Timestamp(a.publishedAt()));
        s.setTimestamp(13, new Timestamp(a.createdAt()));
    }

    static void bindDeadLetter(PreparedStatement s, DeadLetter d) throws SQLException {
        s.setString(1, d.stage());
        s.setString(2, d.source());
        s.setString(3, d.reason());
        s.setString(4, d.snippet());
        s.setTimestamp(5, new Timestamp(d.at()));
    }

    private static void setLong(PreparedStatement s, int index, Long value) throws SQLException {
        if (value == null) {
            s.setNull(index, Types.BIGINT);
        } else {
            s.setLong(index, value);
        }
    }
}
