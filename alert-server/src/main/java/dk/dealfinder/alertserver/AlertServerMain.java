package dk.dealfinder.alertserver;

import dk.dealfinder.alertserver.similar.SimilarSearchSettings;
import java.net.URI;
import java.util.Map;

/**
 * Runs the alert server as its own process. Configuration comes from the environment: {@code
 * DEALFINDER_ALERT_TOKEN} (required), {@code DEALFINDER_ALERT_PORT} (default 7070), {@code
 * DEALFINDER_REDIS_URL} (default {@code redis://localhost:6379}), {@code
 * DEALFINDER_QDRANT_REST_URL} (optional: enables {@code /api/similar}) and {@code
 * DEALFINDER_QDRANT_COLLECTION} (default {@code listings}).
 */
public final class AlertServerMain {

    static final String TOKEN = "DEALFINDER_ALERT_TOKEN";
    static final String PORT = "DEALFINDER_ALERT_PORT";
    static final String REDIS_URL = "DEALFINDER_REDIS_URL";
    static final String QDRANT_REST_URL = "DEALFINDER_QDRANT_REST_URL";
    static final String QDRANT_COLLECTION = "DEALFINDER_QDRANT_COLLECTION";

    private AlertServerMain() {}

    public static void main(String[] args) {
        AlertServerSettings settings;
        try {
            settings = settingsFrom(System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("alert-server: " + e.getMessage());
            System.exit(2);
            return;
        }
        AlertServer server = AlertServer.start(settings);
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "alert-server-stop"));
    }

    /** Reads the settings from environment variables; throws with a message naming the variable. */
    static AlertServerSettings settingsFrom(Map<String, String> env) {
        String token = env.get(TOKEN);
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException(
                    TOKEN
                            + " is not set: it is the shared secret the Flink job's alert sink"
                            + " sends as 'Authorization: Bearer <token>'");
        }
        String redisUrl = env.getOrDefault(REDIS_URL, "redis://localhost:6379");
        AlertServerSettings settings =
                AlertServerSettings.defaults(redisUrl, token).withPort(port(env.get(PORT)));
        String qdrant = env.get(QDRANT_REST_URL);
        if (qdrant == null || qdrant.isBlank()) {
            return settings;
        }
        URI qdrantUrl;
        try {
            qdrantUrl = URI.create(qdrant.trim());
        } catch (IllegalArgumentException e) {
            qdrantUrl = null;
        }
        if (qdrantUrl == null
                || qdrantUrl.getHost() == null
                || !("http".equals(qdrantUrl.getScheme())
                        || "https".equals(qdrantUrl.getScheme()))) {
            throw new IllegalArgumentException(
                    QDRANT_REST_URL
                            + " must be Qdrant's REST URL such as http://qdrant:6333, was '"
                            + qdrant
                            + "'");
        }
        return settings.withSimilarSearch(
                SimilarSearchSettings.qdrant(
                        qdrantUrl,
                        env.getOrDefault(
                                QDRANT_COLLECTION, SimilarSearchSettings.DEFAULT_COLLECTION)));
    }

    private static int port(String value) {
        if (value == null || value.isBlank()) {
            return 7070;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    PORT + " must be a port number, was '" + value + "'");
        }
    }
}
