package dk.dealfinder.alertserver;

import com.fasterxml.jackson.databind.ObjectMapper;
import dk.dealfinder.alertserver.similar.SimilarHandler;
import dk.dealfinder.core.embedding.TextEmbedder;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.json.JavalinJackson;
import java.net.URI;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.RedisClient;

/**
 * The alert server: the Flink job posts alerts, they go into one Redis stream, and every replica
 * tails that stream and pushes it to its browsers over Server-Sent Events.
 *
 * <pre>
 * POST /internal/alerts      ingest (Bearer token), JSON array of Alert or one Alert
 * GET  /api/alerts/stream    SSE feed: Last-Event-ID / ?lastEventId= resume, ?replay=N
 * GET  /                     live page (script from /static/feed.js)
 * GET  /health, /ready       liveness, readiness (Redis PING)
 * GET  /metrics              Prometheus text
 * GET  /api/similar          listings like ?listing= or ?text=, via Qdrant (when configured)
 * </pre>
 */
public final class AlertServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AlertServer.class);

    /** 1000 alerts with long titles and explanations; Javalin's default of 1 MB is too tight. */
    private static final long MAX_REQUEST_BYTES = 16L * 1024 * 1024;

    /** The stream reader holds one; SSE backlogs and ingest requests share the rest. */
    private static final int REDIS_CONNECTIONS = 32;

    private final RedisClient redis;
    private final AlertFanOut fanOut;
    private final AlertStreamReader reader;
    private final Javalin app;

    private AlertServer(
            RedisClient redis, AlertFanOut fanOut, AlertStreamReader reader, Javalin app) {
        this.redis = redis;
        this.fanOut = fanOut;
        this.reader = reader;
        this.app = app;
    }

    public static AlertServer start(AlertServerSettings settings) {
        RedisClient redis = redisClient(settings.redisUri());
        RedisAlertStream stream =
                new RedisAlertStream(redis, settings.streamKey(), settings.streamMaxLen());
        AlertMetrics metrics = new AlertMetrics();
        AlertFanOut fanOut =
                new AlertFanOut(settings.heartbeat(), settings.clientQueueLimit(), metrics);
        AlertStreamReader reader =
                new AlertStreamReader(
                        stream, fanOut, "alert-stream-reader-" + settings.streamKey());
        Javalin app;
        try {
            reader.start();
            app = createApp(settings, stream, fanOut, metrics).start(settings.port());
        } catch (RuntimeException e) {
            reader.close();
            fanOut.close();
            redis.close();
            throw e;
        }
        AlertServer server = new AlertServer(redis, fanOut, reader, app);
        LOG.info("Alert server listening on {} with {}", server.baseUrl(), settings);
        return server;
    }

    /**
     * Commons-pool waits forever for a free connection by default; a bounded wait turns a stalled
     * Redis into 503s the sink retries instead of piling up Jetty threads.
     */
    private static RedisClient redisClient(String uri) {
        ConnectionPoolConfig pool = new ConnectionPoolConfig();
        pool.setMaxTotal(REDIS_CONNECTIONS);
        pool.setMaxIdle(REDIS_CONNECTIONS);
        pool.setMaxWait(Duration.ofSeconds(2));
        return RedisClient.builder().fromURI(URI.create(uri)).poolConfig(pool).build();
    }

    private static Javalin createApp(
            AlertServerSettings settings,
            RedisAlertStream stream,
            AlertFanOut fanOut,
            AlertMetrics metrics) {
        ObjectMapper mapper = AlertJson.mapper();
        AlertIngestHandler ingest =
                new AlertIngestHandler(
                        new IngestToken(settings.ingestToken()), mapper, stream, metrics);
        AlertStreamHandler feed = new AlertStreamHandler(stream, fanOut);
        FeedPage page = new FeedPage();
        HealthHandlers health = new HealthHandlers(stream);
        return Javalin.create(
                config -> {
                    config.showJavalinBanner = false;
                    config.jsonMapper(new JavalinJackson(mapper, false));
                    config.http.maxRequestSize = MAX_REQUEST_BYTES;
                    config.router.mount(
                            router -> {
                                router.post("/internal/alerts", ingest);
                                router.get("/api/alerts/stream", feed);
                                router.get("/", page::page);
                                router.get("/static/feed.js", page::script);
                                router.get("/health", health::health);
                                router.get("/ready", health::ready);
                                router.get("/metrics", ctx -> metrics(ctx, metrics, fanOut));
                                if (settings.similarSearch().enabled()) {
                                    router.get(
                                            "/api/similar",
                                            new SimilarHandler(
                                                    settings.similarSearch(),
                                                    mapper,
                                                    text -> TextEmbedder.shared().embed(text)));
                                }
                            });
                });
    }

    private static void metrics(Context ctx, AlertMetrics metrics, AlertFanOut fanOut) {
        ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                .result(metrics.render(fanOut.clients()));
    }

    public int port() {
        return app.port();
    }

    public URI baseUrl() {
        return URI.create("http://localhost:" + port());
    }

    /** Stops the reader, ends open SSE streams (so Jetty need not wait on them), then Jetty. */
    @Override
    public void close() {
        reader.close();
        fanOut.close();
        app.stop();
        redis.close();
        LOG.info("Alert server on port {} stopped", app.port());
    }
}
