package dk.dealfinder.alertserver;

import dk.dealfinder.alertserver.db.Database;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Map;
import redis.clients.jedis.exceptions.JedisException;

/**
 * {@code /health} says the process is up (liveness: restart it if not); {@code /ready} says it can
 * do its job, which needs Redis and PostgreSQL (readiness: send it traffic only if so).
 */
final class HealthHandlers {

    private final RedisAlertStream stream;
    private final Database database;

    HealthHandlers(RedisAlertStream stream, Database database) {
        this.stream = stream;
        this.database = database;
    }

    void health(Context ctx) {
        ctx.json(Map.of("status", "UP"));
    }

    void ready(Context ctx) {
        boolean redisUp;
        try {
            redisUp = stream.ping();
        } catch (JedisException e) {
            redisUp = false;
        }
        boolean databaseUp = database.ping();
        Map<String, String> body =
                Map.of(
                        "status", redisUp && databaseUp ? "UP" : "DOWN",
                        "redis", redisUp ? "UP" : "DOWN",
                        "database", databaseUp ? "UP" : "DOWN");
        ctx.status(redisUp && databaseUp ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
                .json(body);
    }
}
