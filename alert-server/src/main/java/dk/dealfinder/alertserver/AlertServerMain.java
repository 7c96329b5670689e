package dk.dealfinder.alertserver;

import java.util.Map;

/**
 * Runs the alert server as its own process. Configuration comes from the environment: {@code
 * DEALFINDER_ALERT_TOKEN} (required), {@code DEALFINDER_ALERT_PORT} (default 7070), {@code
 * DEALFINDER_REDIS_URL} (default {@code redis://localhost:6379}).
 */
public final class AlertServerMain {

    static final String TOKEN = "DEALFINDER_ALERT_TOKEN";
    static final String PORT = "DEALFINDER_ALERT_PORT";
    static final String REDIS_URL = "DEALFINDER_REDIS_URL";

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
        return AlertServerSettings.defaults(redisUrl, token).withPort(port(env.get(PORT)));
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
