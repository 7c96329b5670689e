package dk.dealfinder.alertserver;

import dk.dealfinder.alertserver.db.DatabaseSettings;
import dk.dealfinder.alertserver.similar.SimilarSearchSettings;
import dk.dealfinder.core.model.SavedQuery;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Everything an {@link AlertServer} needs. Start from {@link #defaults} and change what differs
 * with {@link #toBuilder()}.
 *
 * @param port HTTP port, 0 for an ephemeral one
 * @param redisUri {@code redis://[user:password@]host:port[/db]}
 * @param ingestToken shared secret the Flink job sends as {@code Authorization: Bearer}; it also
 *     admits Prometheus to {@code /metrics}
 * @param streamKey Redis stream holding the alerts; replicas sharing it share one feed
 * @param heartbeat interval of SSE comment lines that keep idle connections open through proxies
 * @param streamMaxLen approximate number of alerts the stream keeps (older ones are trimmed)
 * @param clientQueueLimit alerts buffered per SSE client before it is dropped as too slow
 * @param similarSearch where {@code /api/similar} queries Qdrant; off by default
 * @param database PostgreSQL: users, saved queries, listings, alert history
 * @param access sessions, cookies, CORS and the rate limit
 * @param sites marketplaces the job scrapes; saved queries must name one of them
 * @param favouriteWatch how often price drops of favourites with notify-me are looked for
 */
public record AlertServerSettings(
        int port,
        String redisUri,
        String ingestToken,
        String streamKey,
        Duration heartbeat,
        long streamMaxLen,
        int clientQueueLimit,
        SimilarSearchSettings similarSearch,
        DatabaseSettings database,
        AccessSettings access,
        List<String> sites,
        Duration favouriteWatch) {

    public static final String DEFAULT_STREAM_KEY = "dealfinder:alerts";
    public static final Duration DEFAULT_HEARTBEAT = Duration.ofSeconds(15);
    public static final long DEFAULT_STREAM_MAX_LEN = 100_000;
    public static final int DEFAULT_CLIENT_QUEUE_LIMIT = 1000;
    public static final Duration DEFAULT_FAVOURITE_WATCH = Duration.ofSeconds(30);

    public AlertServerSettings {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0..65535, was " + port);
        }
        requireText(redisUri, "redisUri");
        requireText(ingestToken, "ingestToken");
        requireText(streamKey, "streamKey");
        Objects.requireNonNull(heartbeat, "heartbeat");
        if (heartbeat.isNegative() || heartbeat.isZero()) {
            throw new IllegalArgumentException("heartbeat must be positive, was " + heartbeat);
        }
        if (streamMaxLen < 1) {
            throw new IllegalArgumentException("streamMaxLen must be >= 1, was " + streamMaxLen);
        }
        if (clientQueueLimit < 1) {
            throw new IllegalArgumentException(
                    "clientQueueLimit must be >= 1, was " + clientQueueLimit);
        }
        Objects.requireNonNull(similarSearch, "similarSearch");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(access, "access");
        sites = List.copyOf(sites);
        if (sites.isEmpty()) {
            throw new IllegalArgumentException("sites must name at least one marketplace");
        }
        Objects.requireNonNull(favouriteWatch, "favouriteWatch");
        if (favouriteWatch.toMillis() < 10) {
            throw new IllegalArgumentException(
                    "favouriteWatch must be at least 10ms, was " + favouriteWatch);
        }
    }

    /** An ephemeral port and the defaults for everything else. */
    public static AlertServerSettings defaults(
            String redisUri, String ingestToken, DatabaseSettings database) {
        return new AlertServerSettings(
                0,
                redisUri,
                ingestToken,
                DEFAULT_STREAM_KEY,
                DEFAULT_HEARTBEAT,
                DEFAULT_STREAM_MAX_LEN,
                DEFAULT_CLIENT_QUEUE_LIMIT,
                SimilarSearchSettings.disabled(),
                database,
                AccessSettings.DEFAULTS,
                List.of(SavedQuery.DEFAULT_SITE),
                DEFAULT_FAVOURITE_WATCH);
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    public AlertServerSettings withPort(int newPort) {
        return toBuilder().port(newPort).build();
    }

    public AlertServerSettings withStreamKey(String newStreamKey) {
        return toBuilder().streamKey(newStreamKey).build();
    }

    public AlertServerSettings withHeartbeat(Duration newHeartbeat) {
        return toBuilder().heartbeat(newHeartbeat).build();
    }

    public AlertServerSettings withClientQueueLimit(int newClientQueueLimit) {
        return toBuilder().clientQueueLimit(newClientQueueLimit).build();
    }

    /** Enables {@code /api/similar} against the given Qdrant. */
    public AlertServerSettings withSimilarSearch(SimilarSearchSettings newSimilarSearch) {
        return toBuilder().similarSearch(newSimilarSearch).build();
    }

    public AlertServerSettings withAccess(AccessSettings newAccess) {
        return toBuilder().access(newAccess).build();
    }

    /** Changes some settings of an existing value; {@link #build} validates them together. */
    public static final class Builder {
        private int port;
        private final String redisUri;
        private final String ingestToken;
        private String streamKey;
        private Duration heartbeat;
        private final long streamMaxLen;
        private int clientQueueLimit;
        private SimilarSearchSettings similarSearch;
        private final DatabaseSettings database;
        private AccessSettings access;
        private List<String> sites;
        private Duration favouriteWatch;

        private Builder(AlertServerSettings from) {
            port = from.port;
            redisUri = from.redisUri;
            ingestToken = from.ingestToken;
            streamKey = from.streamKey;
            heartbeat = from.heartbeat;
            streamMaxLen = from.streamMaxLen;
            clientQueueLimit = from.clientQueueLimit;
            similarSearch = from.similarSearch;
            database = from.database;
            access = from.access;
            sites = from.sites;
            favouriteWatch = from.favouriteWatch;
        }

        public Builder port(int value) {
            port = value;
            return this;
        }

        public Builder streamKey(String value) {
            streamKey = value;
            return this;
        }

        public Builder heartbeat(Duration value) {
            heartbeat = value;
            return this;
        }

        public Builder clientQueueLimit(int value) {
            clientQueueLimit = value;
            return this;
        }

        public Builder similarSearch(SimilarSearchSettings value) {
            similarSearch = value;
            return this;
        }

        public Builder access(AccessSettings value) {
            access = value;
            return this;
        }

        public Builder sites(List<String> value) {
            sites = value;
            return this;
        }

        public Builder favouriteWatch(Duration value) {
            favouriteWatch = value;
            return this;
        }

        public AlertServerSettings build() {
            return new AlertServerSettings(
                    port,
                    redisUri,
                    ingestToken,
                    streamKey,
                    heartbeat,
                    streamMaxLen,
                    clientQueueLimit,
                    similarSearch,
                    database,
                    access,
                    sites,
                    favouriteWatch);
        }
    }

    /** Settings end up in logs; the token and any Redis password must not. */
    @Override
    public String toString() {
        return "AlertServerSettings[port="
                + port
                + ", redisUri="
                + redisUri.replaceAll("//[^@/]*@", "//***@")
                + ", ingestToken=***, streamKey="
                + streamKey
                + ", heartbeat="
                + heartbeat
                + ", streamMaxLen="
                + streamMaxLen
                + ", clientQueueLimit="
                + clientQueueLimit
                + ", similarSearch="
                + (similarSearch.enabled()
                        ? similarSearch.qdrantUrl() + "/" + similarSearch.collection()
                        : "off")
                + ", database="
                + database
                + ", access="
                + access
                + ", sites="
                + sites
                + ", favouriteWatch="
                + favouriteWatch
                + "]";
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}
