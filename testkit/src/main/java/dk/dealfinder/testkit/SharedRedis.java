package dk.dealfinder.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import redis.embedded.RedisServer;

/**
 * One real Redis server per JVM (the redis-server binary shipped in the embedded-redis jar),
 * started on first use and stopped by a shutdown hook. Tests isolate themselves with distinct key
 * prefixes.
 */
public final class SharedRedis {

    private static RedisServer server;
    private static int port;

    private SharedRedis() {}

    /** Starts the shared server if needed and returns its {@code redis://} URI. */
    public static synchronized String uri() {
        if (server == null) {
            port = freePort();
            server = start(port);
            Runtime.getRuntime()
                    .addShutdownHook(new Thread(SharedRedis::stopQuietly, "redis-stop"));
        }
        return "redis://127.0.0.1:" + port;
    }

    /** Starts a server of its own on the given port (the demo). */
    public static RedisServer start(int port) {
        try {
            RedisServer redis =
                    RedisServer.newRedisServer()
                            .port(port)
                            .bind("127.0.0.1")
                            .setting("save \"\"")
                            .setting("appendonly no")
                            .build();
            redis.start();
            return redis;
        } catch (IOException e) {
            throw new UncheckedIOException("embedded Redis did not start on port " + port, e);
        }
    }

    private static synchronized void stopQuietly() {
        try {
            server.stop();
        } catch (IOException ignored) {
            // the JVM is exiting; the child process dies with it
        }
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
