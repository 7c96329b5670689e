package dk.dealfinder.alertserver;

import dk.dealfinder.alertserver.auth.User;
import dk.dealfinder.alertserver.auth.UserStore;
import dk.dealfinder.alertserver.db.Database;
import dk.dealfinder.alertserver.db.DatabaseSettings;
import dk.dealfinder.alertserver.db.Jdbc;
import dk.dealfinder.alertserver.similar.SimilarSearchSettings;
import dk.dealfinder.core.model.SavedQuery;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Runs the alert server as its own process, or with {@code users add NAME} creates a user and
 * prints their first API token. Configuration comes from the environment:
 *
 * <ul>
 *   <li>{@code DEALFINDER_ALERT_TOKEN} (required): the service token of the job's sink and of
 *       Prometheus
 *   <li>{@code DEALFINDER_POSTGRES_URL} (default {@code
 *       jdbc:postgresql://localhost:5432/dealfinder}), {@code DEALFINDER_POSTGRES_USER} (default
 *       {@code dealfinder}), {@code DEALFINDER_POSTGRES_PASSWORD}
 *   <li>{@code DEALFINDER_ALERT_PORT} (default 7070), {@code DEALFINDER_REDIS_URL} (default {@code
 *       redis://localhost:6379})
 *   <li>{@code DEALFINDER_SITES} (default {@code dba.dk}): comma-separated marketplaces
 *   <li>{@code DEALFINDER_CORS_ORIGINS} (default none), {@code DEALFINDER_SECURE_COOKIES} (default
 *       false; set true behind HTTPS), {@code DEALFINDER_RATE_LIMIT_PER_MINUTE} (default 600)
 *   <li>{@code DEALFINDER_QDRANT_REST_URL} (optional: enables {@code /api/similar}) and {@code
 *       DEALFINDER_QDRANT_COLLECTION} (default {@code listings})
 * </ul>
 */
public final class AlertServerMain {

    static final String TOKEN = "DEALFINDER_ALERT_TOKEN";
    static final String PORT = "DEALFINDER_ALERT_PORT";
    static final String REDIS_URL = "DEALFINDER_REDIS_URL";
    static final String QDRANT_REST_URL = "DEALFINDER_QDRANT_REST_URL";
    static final String QDRANT_COLLECTION = "DEALFINDER_QDRANT_COLLECTION";
    static final String POSTGRES_URL = "DEALFINDER_POSTGRES_URL";
    static final String POSTGRES_USER = "DEALFINDER_POSTGRES_USER";
    static final String POSTGRES_PASSWORD = "DEALFINDER_POSTGRES_PASSWORD";
    static final String SITES = "DEALFINDER_SITES";
    static final String CORS_ORIGINS = "DEALFINDER_CORS_ORIGINS";
    static final String SECURE_COOKIES = "DEALFINDER_SECURE_COOKIES";
    static final String RATE_LIMIT = "DEALFINDER_RATE_LIMIT_PER_MINUTE";

    private AlertServerMain() {}

    public static void main(String[] args) {
        if (args.length > 0
                && !(args.length == 3 && "users".equals(args[0]) && "add".equals(args[1]))) {
            System.err.println("usage: alert-server [users add NAME]");
            System.exit(2);
            return;
        }
        AlertServerSettings settings;
        try {
            settings = settingsFrom(System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("alert-server: " + e.getMessage());
            System.exit(2);
            return;
        }
        if (args.length == 3) {
            System.exit(addUser(settings.database(), args[2]));
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
        DatabaseSettings database =
                new DatabaseSettings(
                        env.getOrDefault(
                                POSTGRES_URL, "jdbc:postgresql://localhost:5432/dealfinder"),
                        env.getOrDefault(POSTGRES_USER, "dealfinder"),
                        env.getOrDefault(POSTGRES_PASSWORD, ""));
        AccessSettings access =
                AccessSettings.DEFAULTS
                        .withCorsOrigins(list(env.get(CORS_ORIGINS)))
                        .withSecureCookies(Boolean.parseBoolean(env.get(SECURE_COOKIES)));
        String rate = env.get(RATE_LIMIT);
        if (rate != null && !rate.isBlank()) {
            int perMinute = positive(RATE_LIMIT, rate);
            access = access.withRateLimit(perMinute, Math.max(1, perMinute / 5));
        }
        List<String> sites = list(env.get(SITES));
        AlertServerSettings settings =
                AlertServerSettings.defaults(redisUrl, token, database).toBuilder()
                        .port(port(env.get(PORT)))
                        .access(access)
                        .sites(sites.isEmpty() ? List.of(SavedQuery.DEFAULT_SITE) : sites)
                        .build();
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

    /** Creates a user and prints their first token: the only time it is ever shown. */
    static int addUser(DatabaseSettings settings, String name) {
        try (Database database = Database.open(settings)) {
            UserStore users = new UserStore(new Jdbc(database.dataSource()));
            User user = users.createUser(name);
            String token = users.issueToken(user.id(), "created by 'users add'");
            System.out.println("user " + user.name() + " (" + user.id() + ")");
            System.out.println("API token (shown once; sign in with it): " + token);
            return 0;
        } catch (IllegalArgumentException e) {
            System.err.println("alert-server: " + e.getMessage());
            return 1;
        }
    }

    private static List<String> list(String commaSeparated) {
        if (commaSeparated == null || commaSeparated.isBlank()) {
            return List.of();
        }
        return Arrays.stream(commaSeparated.split(","))
                .map(String::strip)
                .filter(v -> !v.isEmpty())
                .toList();
    }

    private static int positive(String name, String value) {
        try {
            int n = Integer.parseInt(value.strip());
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new IllegalArgumentException(
                name + " must be a positive whole number, was '" + value + "'");
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
