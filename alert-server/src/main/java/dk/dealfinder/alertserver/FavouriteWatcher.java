package dk.dealfinder.alertserver;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.dealfinder.alertserver.db.DatabaseUnavailableException;
import dk.dealfinder.alertserver.db.Jdbc;
import dk.dealfinder.core.model.Alert;
import dk.dealfinder.core.text.DanishPrices;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Notify-me on a favourite: polls PostgreSQL for price drops of listings users starred with {@code
 * notify}, and appends an alert for each to the stream, where the owner's feed picks it up. Every
 * replica polls; the alert id is derived from (user, listing, version), so the stream keeps one
 * alert per drop however many replicas saw it. Each poll looks back a little before the previous
 * one, so a drop committed late is not missed.
 */
final class FavouriteWatcher implements AutoCloseable {

    /** Alerts of favourites carry this query id prefix and the user's id. */
    static final String QUERY_PREFIX = "favourite:";

    private static final Logger LOG = LoggerFactory.getLogger(FavouriteWatcher.class);
    private static final Duration OVERLAP = Duration.ofMinutes(1);
    private static final Duration FIRST_LOOK_BACK = Duration.ofMinutes(10);
    private static final int MAX_PER_POLL = 500;

    private static final String DROPS =
            "SELECT f.user_id, l.listing_key, ph.version, ph.price, prev.price AS old_price,"
                    + " l.title, l.currency, l.url, l.image_urls[1] AS image_url,"
                    + " l.published_at, ph.observed_at"
                    + " FROM price_history ph"
                    + " JOIN favourites f ON f.listing_key = ph.listing_key AND f.notify"
                    + " JOIN listings l ON l.listing_key = ph.listing_key"
                    + " LEFT JOIN price_history prev ON prev.listing_key = ph.listing_key"
                    + " AND prev.version = ph.version - 1"
                    + " WHERE ph.change_kind = 'PRICE_DROP' AND ph.observed_at > ?"
                    + " AND ph.observed_at > f.created_at"
                    + " ORDER BY ph.observed_at LIMIT "
                    + MAX_PER_POLL;

    private final Jdbc jdbc;
    private final RedisAlertStream stream;
    private final ObjectMapper mapper;
    private final ScheduledExecutorService timer =
            Executors.newSingleThreadScheduledExecutor(AlertFanOut.named("favourite-watcher"));
    private volatile Instant since;

    FavouriteWatcher(Jdbc jdbc, RedisAlertStream stream, ObjectMapper mapper) {
        this.jdbc = jdbc;
        this.stream = stream;
        this.mapper = mapper;
        this.since = Instant.now().minus(FIRST_LOOK_BACK);
    }

    void start(Duration interval) {
        long millis = interval.toMillis();
        timer.scheduleWithFixedDelay(this::pollSafely, millis, millis, TimeUnit.MILLISECONDS);
    }

    private void pollSafely() {
        try {
            poll();
        } catch (DatabaseUnavailableException | JedisException e) {
            LOG.warn("Favourite price-drop poll failed, retrying next time: {}", e.toString());
        } catch (RuntimeException e) {
            LOG.error("Favourite price-drop poll failed", e);
        }
    }

    /** One poll: the drops since the last one (with overlap), appended to the stream. */
    void poll() {
        Instant from = since.minus(OVERLAP);
        List<Alert> alerts =
                jdbc.list(
                        DROPS,
                        s -> s.setTimestamp(1, Timestamp.from(from)),
                        rs -> {
                            Instant observed = rs.getTimestamp("observed_at").toInstant();
                            if (observed.isAfter(since)) {
                                since = observed;
                            }
                            return alert(
                                    rs.getString("user_id"),
                                    rs.getString("listing_key"),
                                    rs.getInt("version"),
                                    rs.getObject("price", Long.class),
                                    rs.getObject("old_price", Long.class),
                                    rs.getString("title"),
                                    rs.getString("currency"),
                                    rs.getString("url"),
                                    rs.getString("image_url"),
                                    rs.getTimestamp("published_at").toInstant(),
                                    observed);
                        });
        if (alerts.isEmpty()) {
            return;
        }
        List<String> ids = new ArrayList<>();
        List<String> json = new ArrayList<>();
        List<String> queries = new ArrayList<>();
        for (Alert a : alerts) {
            ids.add(a.alertId());
            json.add(toJson(a));
            queries.add(a.queryId());
        }
        RedisAlertStream.Appended appended = stream.append(ids, json, queries);
        LOG.debug("Favourite price drops: {} new alerts", appended.added());
    }

    private static Alert alert(
            String userId,
            String listingKey,
            int version,
            Long price,
            Long oldPrice,
            String title,
            String currency,
            String url,
            String imageUrl,
            Instant publishedAt,
            Instant observedAt) {
        String queryId = QUERY_PREFIX + userId;
        String explanation =
                oldPrice == null || price == null
                        ? "a favourite of yours dropped its price"
                        : "a favourite of yours dropped its price from "
                                + DanishPrices.format(oldPrice)
                                + " to "
                                + DanishPrices.format(price);
        return new Alert(
                Alert.idOf(queryId, listingKey, version),
                queryId,
                "Favoritter",
                listingKey,
                version,
                title,
                price,
                currency,
                url,
                imageUrl,
                0,
                explanation,
                publishedAt.toEpochMilli(),
                System.currentTimeMillis(),
                observedAt.toEpochMilli());
    }

    private String toJson(Alert alert) {
        try {
            return mapper.writeValueAsString(alert);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an Alert always serializes", e);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
