package dk.dealfinder.alertserver.similar;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Where {@code /api/similar} finds listings: Qdrant's REST API and the collection the Flink job's
 * {@code QdrantSink} fills. Without a Qdrant URL the endpoint is off.
 *
 * @param qdrantUrl Qdrant's REST endpoint (port 6333 by default), null when similar search is off
 * @param collection the listings collection
 * @param apiKeyEnvVar environment variable holding Qdrant's API key; unset or empty means none
 * @param timeout how long one Qdrant query may take
 */
public record SimilarSearchSettings(
        URI qdrantUrl, String collection, String apiKeyEnvVar, Duration timeout) {

    public static final String DEFAULT_COLLECTION = "listings";
    public static final String DEFAULT_API_KEY_ENV = "QDRANT_API_KEY";
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    public SimilarSearchSettings {
        if (collection == null || !collection.matches("[A-Za-z0-9_-]+")) {
            throw new IllegalArgumentException(
                    "collection must be letters, digits, '_' or '-', was " + collection);
        }
        Objects.requireNonNull(timeout, "timeout");
        if (qdrantUrl != null && !qdrantUrl.getScheme().startsWith("http")) {
            throw new IllegalArgumentException("the Qdrant URL must be http(s), was " + qdrantUrl);
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, was " + timeout);
        }
    }

    public static SimilarSearchSettings disabled() {
        return new SimilarSearchSettings(
                null, DEFAULT_COLLECTION, DEFAULT_API_KEY_ENV, DEFAULT_TIMEOUT);
    }

    public static SimilarSearchSettings qdrant(URI qdrantUrl, String collection) {
        return new SimilarSearchSettings(
                Objects.requireNonNull(qdrantUrl, "qdrantUrl"),
                collection,
                DEFAULT_API_KEY_ENV,
                DEFAULT_TIMEOUT);
    }

    public boolean enabled() {
        return qdrantUrl != null;
    }
}
