package dk.dealfinder.job.sink;

import dk.dealfinder.core.config.DealfinderConfig;
import dk.dealfinder.core.model.Alert;
import dk.dealfinder.core.model.DeadLetter;
import dk.dealfinder.core.model.Listing;
import dk.dealfinder.core.model.ListingChange;
import dk.dealfinder.core.model.MarketEstimate;
import dk.dealfinder.core.model.PricePoint;
import dk.dealfinder.core.model.RepostLink;
import dk.dealfinder.core.model.ScoreComponents;
import dk.dealfinder.udfs.classify.ClassifiedMatch;
import dk.dealfinder.udfs.inference.InferenceRecord;
import dk.dealfinder.udfs.inference.InferenceSql;
import dk.dealfinder.udfs.inference.LabelRecord;
import dk.dealfinder.udfs.rank.RankedDeal;
import dk.dealfinder.udfs.score.ScoredDeal;
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
 * The Flink JDBC sinks that write listings, price history, market estimates, repost links, matches,
 * digests, alerts and dead letters to PostgreSQL. Every statement is an idempotent upsert or
 * insert-if-absent, so at-least-once delivery writes each effect once.
 */
public final class PostgresSinks {

    static final String UPSERT_LISTING =
            "INSERT INTO listings (listing_key, site, ad_id, url, title, description, price,"
                + " currency, location, postcode, image_urls, published_at, first_seen_at,"
                + " last_seen_at, version, removed_at, seller_type, category, condition, latitude,"
                + " longitude) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT"
                + " (listing_key) DO UPDATE SET url = EXCLUDED.url, title = EXCLUDED.title,"
                + " description = EXCLUDED.description, price = EXCLUDED.price, currency ="
                + " EXCLUDED.currency, location = EXCLUDED.location, postcode = EXCLUDED.postcode,"
                + " image_urls = EXCLUDED.image_urls, seller_type = EXCLUDED.seller_type, category"
                + " = EXCLUDED.category, condition = EXCLUDED.condition, latitude ="
                + " EXCLUDED.latitude, longitude = EXCLUDED.longitude, last_seen_at ="
                + " GREATEST(listings.last_seen_at, EXCLUDED.last_seen_at), version ="
                + " GREATEST(listings.version, EXCLUDED.version), removed_at = CASE WHEN"
                + " EXCLUDED.version >= listings.version THEN EXCLUDED.removed_at ELSE"
                + " listings.removed_at END";

    static final String INSERT_PRICE_POINT =
            "INSERT INTO price_history (listing_key, version, price, change_kind, observed_at)"
                    + " VALUES (?,?,?,?,?) ON CONFLICT (listing_key, version) DO NOTHING";

    /** A replayed older estimate never overwrites a newer one. */
    static final String UPSERT_MARKET_ESTIMATE =
            "INSERT INTO market_estimates (query_id, n, median, lower_quartile, upper_quartile,"
                + " horizon_days, as_of) VALUES (?,?,?,?,?,?,?) ON CONFLICT (query_id) DO UPDATE"
                + " SET n = EXCLUDED.n, median = EXCLUDED.median, lower_quartile ="
                + " EXCLUDED.lower_quartile, upper_quartile = EXCLUDED.upper_quartile, horizon_days"
                + " = EXCLUDED.horizon_days, as_of = EXCLUDED.as_of WHERE market_estimates.as_of <="
                + " EXCLUDED.as_of";

    static final String INSERT_REPOST_LINK =
            "INSERT INTO repost_links (repost_key, original_key, image_distance, linked_at) VALUES"
                    + " (?,?,?,?) ON CONFLICT (repost_key) DO NOTHING";

    static final String UPSERT_MATCH =
            "INSERT INTO matches (query_id, listing_key, listing_version, verdict, confidence,"
                + " score, relevance, price_score, freshness, condition_score, explanation,"
                + " model_id, seller_score, distance_score) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?) ON"
                + " CONFLICT (query_id, listing_key, listing_version) DO UPDATE SET verdict ="
                + " EXCLUDED.verdict, confidence = EXCLUDED.confidence, score = EXCLUDED.score,"
                + " relevance = EXCLUDED.relevance, price_score = EXCLUDED.price_score, freshness ="
                + " EXCLUDED.freshness, condition_score = EXCLUDED.condition_score, explanation ="
                + " EXCLUDED.explanation, model_id = EXCLUDED.model_id, seller_score ="
                + " EXCLUDED.seller_score, distance_score = EXCLUDED.distance_score";

    static final String INSERT_DIGEST_ENTRY =
            "INSERT INTO digest_entries (query_id, window_start, window_end, rank, alert_id,"
                + " listing_key, listing_version, title, price, url, score, explanation) VALUES"
                + " (?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT (query_id, window_end, rank) DO NOTHING";

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

    public JdbcSink<ListingChange> listings() {
        return sink(UPSERT_LISTING, PostgresSinks::bindListing);
    }

    public JdbcSink<PricePoint> priceHistory() {
        return sink(INSERT_PRICE_POINT, PostgresSinks::bindPricePoint);
    }

    public JdbcSink<MarketEstimate> marketEstimates() {
        return sink(UPSERT_MARKET_ESTIMATE, PostgresSinks::bindMarketEstimate);
    }

    public JdbcSink<RepostLink> repostLinks() {
        return sink(INSERT_REPOST_LINK, PostgresSinks::bindRepostLink);
    }

    public JdbcSink<ScoredDeal> matches() {
        return sink(UPSERT_MATCH, PostgresSinks::bindMatch);
    }

    public JdbcSink<RankedDeal> digestEntries() {
        return sink(INSERT_DIGEST_ENTRY, PostgresSinks::bindDigestEntry);
    }

    public JdbcSink<Alert> alerts() {
        return sink(INSERT_ALERT, PostgresSinks::bindAlert);
    }

    public JdbcSink<DeadLetter> deadLetters() {
        return sink(INSERT_DEAD_LETTER, PostgresSinks::bindDeadLetter);
    }

    public JdbcSink<InferenceRecord> modelInferences() {
        return sink(InferenceSql.INSERT_INFERENCE, InferenceSql::bindInference);
    }

    public JdbcSink<LabelRecord> labels() {
        return sink(InferenceSql.INSERT_LABEL, InferenceSql::bindLabel);
    }

    private <T> JdbcSink<T> sink(String sql, JdbcStatementBuilder<T> binder) {
        return JdbcSink.<T>builder()
                .withQueryStatement(sql, binder)
                .withExecutionOptions(execution)
                .buildAtLeastOnce(connection);
    }

    static void bindListing(PreparedStatement s, ListingChange c) throws SQLException {
        Listing l = c.listing();
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
        s.setTimestamp(16, c.kind().live() ? null : new Timestamp(c.detectedAt()));
        s.setString(17, l.sellerType() == null ? null : l.sellerType().name());
        s.setString(18, l.category());
        s.setString(19, l.condition());
        setDouble(s, 20, l.latitude());
        setDouble(s, 21, l.longitude());
    }

    static void bindPricePoint(PreparedStatement s, PricePoint p) throws SQLException {
        s.setString(1, p.listingKey());
        s.setInt(2, p.version());
        setLong(s, 3, p.price());
        s.setString(4, p.kind().name());
        s.setTimestamp(5, new Timestamp(p.at()));
    }

    static void bindMarketEstimate(PreparedStatement s, MarketEstimate m) throws SQLException {
        s.setString(1, m.queryId());
        s.setLong(2, m.n());
        s.setDouble(3, m.median());
        s.setDouble(4, m.lowerQuartile());
        s.setDouble(5, m.upperQuartile());
        s.setInt(6, m.horizonDays());
        s.setTimestamp(7, new Timestamp(m.asOf()));
    }

    static void bindRepostLink(PreparedStatement s, RepostLink r) throws SQLException {
        s.setString(1, r.repostKey());
        s.setString(2, r.originalKey());
        s.setInt(3, r.imageDistance());
        s.setTimestamp(4, new Timestamp(r.linkedAt()));
    }

    static void bindMatch(PreparedStatement s, ScoredDeal d) throws SQLException {
        ClassifiedMatch m = d.match();
        ScoreComponents c = d.components();
        s.setString(1, m.query().id());
        s.setString(2, m.listing().listingKey());
        s.setInt(3, m.listing().version());
        s.setString(4, m.verdict().name());
        s.setDouble(5, m.confidence());
        s.setDouble(6, d.score());
        s.setDouble(7, c.relevance());
        s.setDouble(8, c.price());
        s.setDouble(9, c.freshness());
        s.setDouble(10, c.condition());
        s.setString(11, d.explanation());
        s.setString(12, m.modelId());
        setDouble(s, 13, c.seller());
        setDouble(s, 14, c.distance());
    }

    static void bindDigestEntry(PreparedStatement s, RankedDeal r) throws SQLException {
        Alert a = r.deal();
        s.setString(1, r.queryId());
        s.setTimestamp(2, new Timestamp(r.windowStart()));
        s.setTimestamp(3, new Timestamp(r.windowEnd()));
        s.setInt(4, r.rank());
        s.setObject(5, UUID.fromString(a.alertId()));
        s.setString(6, a.listingKey());
        s.setInt(7, a.listingVersion());
        s.setString(8, a.title());
        setLong(s, 9, a.price());
        s.setString(10, a.url());
        s.setDouble(11, a.score());
        s.setString(12, a.explanation());
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

    private static void setDouble(PreparedStatement s, int index, Double value)
            throws SQLException {
        if (value == null) {
            s.setNull(index, Types.DOUBLE);
        } else {
            s.setDouble(index, value);
        }
    }
}
