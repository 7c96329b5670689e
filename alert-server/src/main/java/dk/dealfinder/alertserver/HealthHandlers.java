package dk.dealfinder.alertserver;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Map;
import redis.clients.jedis.exceptions.JedisException;

/**
 * {@code /health} says the process is up (liveness: restart it if not); {@code /ready} says it can
 * do its job, which needs Redis (readiness: send it traffic only if so).
 */
final class HealthHandlers {

    private final RedisAlertStream stream;

    HealthHandlers(RedisAlertStream stream) {
        this.stream = stream;
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
        if (redisUp) {
            ctx.json(Map.of("status", "UP", "redis", "UP"));
        } else {
            ctx.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .json(Map.of("status", "DOWN", "redis", "DOWN"));
        }
    }
}
