package dk.dealfinder.alertserver;

import com.fasterxml.jackson.databind.ObjectMapper;
import dk.dealfinder.alertserver.api.ApiException;
import dk.dealfinder.alertserver.api.JsonBodies;
import dk.dealfinder.alertserver.api.OpenApiDocument;
import dk.dealfinder.alertserver.api.SavedQueryApi;
import dk.dealfinder.alertserver.api.SavedQueryRepository;
import dk.dealfinder.alertserver.auth.AccountApi;
import dk.dealfinder.alertserver.auth.AuthGate;
import dk.dealfinder.alertserver.auth.RateLimiter;
import dk.dealfinder.alertserver.auth.SignInHandlers;
import dk.dealfinder.alertserver.auth.User;
import dk.dealfinder.alertserver.auth.UserStore;
import dk.dealfinder.alertserver.dashboard.Dashboard;
import dk.dealfinder.alertserver.db.Database;
import dk.dealfinder.alertserver.db.DatabaseUnavailableException;
import dk.dealfinder.alertserver.db.Jdbc;
import dk.dealfinder.alertserver.listings.DigestApi;
import dk.dealfinder.alertserver.listings.JdbcListingReads;
import dk.dealfinder.alertserver.listings.ListingApi;
import dk.dealfinder.alertserver.listings.ListingReads;
import dk.dealfinder.alertserver.listings.MarketApi;
import dk.dealfinder.alertserver.similar.SimilarHandler;
import dk.dealfinder.core.embedding.TextEmbedder;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.json.JavalinJackson;
import io.javalin.plugin.bundled.CorsPluginConfig;
import io.javalin.router.JavalinDefaultRouting;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
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
 * GET  /                     the dashboard (HTMX pages; see the dashboard package)
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
    private final Database database;
    private final AlertFanOut fanOut;
    private final AlertStreamReader reader;
    private final FavouriteWatcher favourites;
    private final Javalin app;
    private final List<String> routes;

    private AlertServer(
            RedisClient redis,
            Database database,
            AlertFanOut fanOut,
            AlertStreamReader reader,
            FavouriteWatcher favourites,
            Javalin app,
            List<String> routes) {
        this.redis = redis;
        this.database = database;
        this.fanOut = fanOut;
        this.reader = reader;
        this.favourites = favourites;
        this.app = app;
        this.routes = routes;
    }

    public static AlertServer start(AlertServerSettings settings) {
        Database database = Database.open(settings.database());
        RedisClient redis = redisClient(settings.redisUri());
        RedisAlertStream stream =
                new RedisAlertStream(redis, settings.streamKey(), settings.streamMaxLen());
        AlertMetrics metrics = new AlertMetrics();
        AlertFanOut fanOut =
                new AlertFanOut(settings.heartbeat(), settings.clientQueueLimit(), metrics);
        AlertStreamReader reader =
                new AlertStreamReader(
                        stream, fanOut, "alert-stream-reader-" + settings.streamKey());
        List<String> routes = new CopyOnWriteArrayList<>();
        FavouriteWatcher favourites =
                new FavouriteWatcher(new Jdbc(database.dataSource()), stream, AlertJson.mapper());
        Javalin app;
        try {
            reader.start();
            favourites.start(settings.favouriteWatch());
            app =
                    createApp(settings, new Services(stream, fanOut, metrics, database), routes)
                            .start(settings.port());
        } catch (RuntimeException e) {
            favourites.close();
            reader.close();
            fanOut.close();
            redis.close();
            database.close();
            throw e;
        }
        AlertServer server =
                new AlertServer(redis, database, fanOut, reader, favourites, app, routes);
        LOG.info("Alert server listening on {} with {}", server.baseUrl(), settings);
        return server;
    }

    /** What the routes share. */
    private record Services(
            RedisAlertStream stream, AlertFanOut fanOut, AlertMetrics metrics, Database database) {}

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
            AlertServerSettings settings, Services services, List<String> routes) {
        ObjectMapper mapper = AlertJson.mapper();
        AccessSettings access = settings.access();
        Javalin app =
                Javalin.create(
                        config -> {
                            config.showJavalinBanner = false;
                            config.jsonMapper(new JavalinJackson(mapper, false));
                            config.http.maxRequestSize = MAX_REQUEST_BYTES;
                            config.staticFiles.enableWebjars();
                            config.events.handlerAdded(
                                    info ->
                                            routes.add(
                                                    info.getHttpMethod() + " " + info.getPath()));
                            if (!access.corsOrigins().isEmpty()) {
                                config.bundledPlugins.enableCors(
                                        cors -> cors.addRule(rule -> allowOrigins(rule, access)));
                            }
                            config.router.mount(
                                    router -> mount(router, settings, services, mapper));
                        });
        app.exception(ApiException.class, (e, ctx) -> apiError(ctx, e, services.metrics()));
        app.exception(
                DatabaseUnavailableException.class,
                (e, ctx) -> {
                    LOG.warn("Database unavailable for {} {}", ctx.method(), ctx.path(), e);
                    ctx.status(HttpStatus.SERVICE_UNAVAILABLE)
                            .json(Map.of("error", "database unavailable, retry later"));
                });
        return app;
    }

    private static void allowOrigins(CorsPluginConfig.CorsRule rule, AccessSettings access) {
        access.corsOrigins().forEach(rule::allowHost);
        rule.exposeHeader("Location");
    }

    /** Every route, behind the {@link AuthGate}. */
    private static void mount(
            JavalinDefaultRouting router,
            AlertServerSettings settings,
            Services services,
            ObjectMapper mapper) {
        AlertMetrics metrics = services.metrics();
        IngestToken serviceToken = new IngestToken(settings.ingestToken());
        Jdbc jdbc = new Jdbc(services.database().dataSource());
        UserStore users = new UserStore(jdbc);
        AccessSettings access = settings.access();
        SavedQueryRepository savedQueries = new SavedQueryRepository(jdbc);
        ListingReads listings = new JdbcListingReads(jdbc);
        Set<String> sites = Set.copyOf(settings.sites());
        SignInHandlers signIn =
                new SignInHandlers(users, access.sessionTtl(), access.secureCookies(), metrics);
        HealthHandlers health = new HealthHandlers(services.stream(), services.database());
        String openApi = OpenApiDocument.render(mapper);

        router.before(
                new AuthGate(
                        users,
                        new RateLimiter(access.requestsPerMinute(), access.burst()),
                        metrics));
        router.post(
                "/internal/alerts",
                new AlertIngestHandler(serviceToken, mapper, services.stream(), metrics));
        router.get(
                "/api/alerts/stream",
                new AlertStreamHandler(
                        services.stream(), services.fanOut(), new QueryOwners(jdbc)));
        router.get("/login", signIn::form);
        router.post("/login", signIn::signIn);
        router.post("/logout", signIn::signOut);
        new SavedQueryApi(savedQueries, new JsonBodies(mapper), sites).routes(router);
        new AccountApi(users).routes(router);
        new ListingApi(listings).routes(router);
        new DigestApi(jdbc).routes(router);
        new MarketApi(jdbc).routes(router);
        new Dashboard(listings, savedQueries, sites, settings.similarSearch().enabled())
                .routes(router);
        router.get("/openapi.json", ctx -> ctx.contentType("application/json").result(openApi));
        router.get("/health", health::health);
        router.get("/ready", health::ready);
        router.get("/metrics", ctx -> metrics(ctx, serviceToken, metrics, services));
        if (settings.similarSearch().enabled()) {
            router.get(
                    "/api/similar",
                    new SimilarHandler(
                            settings.similarSearch(),
                            mapper,
                            text -> TextEmbedder.shared().embed(text)));
        }
    }

    private static void apiError(Context ctx, ApiException e, AlertMetrics metrics) {
        if (e.status() == 400) {
            metrics.badRequests.increment();
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", e.getMessage());
        if (!e.problems().isEmpty()) {
            body.put("problems", e.problems());
        }
        ctx.status(e.status()).json(body);
    }

    /** Prometheus scrapes with the service token, like the job's sink. */
    private static void metrics(
            Context ctx, IngestToken serviceToken, AlertMetrics metrics, Services services) {
        if (!serviceToken.admits(ctx.header("Authorization"))) {
            metrics.authFailures.increment();
            ctx.status(HttpStatus.UNAUTHORIZED)
                    .json(Map.of("error", "metrics need the service token as a bearer token"));
            return;
        }
        ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                .result(metrics.render(services.fanOut().clients()));
    }

    /**
     * Creates a user and returns a bearer header value for them ({@code "Bearer dft_..."}): for the
     * demo and tests, which run the server in-process. Operators use {@code users add}.
     */
    public String newUserBearer(String name) {
        UserStore users = new UserStore(new Jdbc(database.dataSource()));
        User user = users.createUser(name);
        return "Bearer " + users.issueToken(user.id(), "in-process");
    }

    /** Every route the server has, as "METHOD /path" (the OpenAPI test compares against it). */
    public List<String> routes() {
        return List.copyOf(routes);
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
        int port = app.port();
        favourites.close();
        reader.close();
        fanOut.close();
        app.stop();
        redis.close();
        database.close();
        LOG.info("Alert server on port {} stopped", port);
    }
}
