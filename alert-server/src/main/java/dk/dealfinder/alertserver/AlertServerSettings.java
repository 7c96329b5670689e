package dk.dealfinder.alertserver;

import dk.dealfinder.alertserver.similar.SimilarSearchSettings;
import java.time.Duration;
import java.util.Objects;

/**
 * Everything an {@link AlertServer} needs.
 *
 * @param port HTTP port, 0 for an ephemeral one
 * @param redisUri {@code redis://[user:password@]host:port[/db]}
 * @param ingestToken shared secret the Flink job sends as {@code Authorization: Bearer}
 * @param streamKey Redis stream holding the alerts; replicas sharing it share one feed
 * @param heartbeat interval of SSE comment lines that keep idle connections open through proxies
 * @param streamMaxLen approximate number of alerts the stream keeps (older ones are trimmed)
 * @param clientQueueLimit alerts buffered per SSE client before it is dropped as too slow
 * @param similarSearch where {@code /api/similar} queries Qdrant; off by default
 */
public record AlertServerSettings(
        int port,
        String redisUri,
        String ingestToken,
        String streamKey,
        Duration heartbeat,
        long streamMaxLen,
        int clientQueueLimit,
        SimilarSearchSettings similarSearch) {

    public static final String DEFAULT_STREAM_KEY = "dealfinder:alerts";
    public static final Duration DEFAULT_HEARTBEAT = Duration.ofSeconds(15);
    public static final long DEFAULT_STREAM_MAX_LEN = 100_000;
    public static final int DEFAULT_CLIENT_QUEUE_LIMIT = 1000;

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
    }

    /** An ephemeral port and the defaults for everything else. */
    public static AlertServerSettings defaults(String redisUri, String ingestToken) {
        return new AlertServerSettings(
                0,
                redisUri,
                ingestToken,
                DEFAULT_STREAM_KEY,
                DEFAULT_HEARTBEAT,
                DEFAULT_STREAM_MAX_LEN,
                DEFAULT_CLIENT_QUEUE_LIMIT,
                SimilarSearchSettings.disabled());
    }

    public AlertServerSettings withPort(int newPort) {
        return new AlertServerSettings(
                newPort,
                redisUri,
                ingestToken,
                streamKey,
                heartbeat,
                streamMaxLen,
                clientQueueLimit,
                similarSearch);
    }

    public AlertServerSettings withStreamKey(String newStreamKey) {
        return new AlertServerSettings(
                port,
                redisUri,
                ingestToken,
                newStreamKey,
                heartbeat,
                streamMaxLen,
                clientQueueLimit,
                similarSearch);
    }

    public AlertServerSettings withHeartbeat(Duration newHeartbeat) {
        return new AlertServerSettings(
                port,
                redisUri,
                ingestToken,
                streamKey,
                newHeartbeat,
                streamMaxLen,
                clientQueueLimit,
                similarSearch);
    }

    public AlertServerSettings withClientQueueLimit(int newClientQueueLimit) {
        return new AlertServerSettings(
                port,
                redisUri,
                ingestToken,
                streamKey,
                heartbeat,
                streamMaxLen,
                newClientQueueLimit,
                similarSearch);
    }

    /** Enables {@code /api/similar} against the given Qdrant. */
    public AlertServerSettings withSimilarSearch(SimilarSearchSettings newSimilarSearch) {
        return new AlertServerSettings(
                port,
                redisUri,
                ingestToken,
                streamKey,
                heartbeat,
                streamMaxLen,
                clientQueueLimit,
                newSimilarSearch);
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
                + "]";
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}
