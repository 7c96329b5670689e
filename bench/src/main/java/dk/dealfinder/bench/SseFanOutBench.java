package dk.dealfinder.bench;

import dk.dealfinder.alertserver.AccessSettings;
import dk.dealfinder.alertserver.AlertServer;
import dk.dealfinder.alertserver.AlertServerSettings;
import dk.dealfinder.alertserver.db.DatabaseSettings;
import dk.dealfinder.core.model.SavedQuery;
import dk.dealfinder.core.store.JdbcSavedQueryStore;
import dk.dealfinder.core.store.Migrations;
import dk.dealfinder.testkit.SharedPostgres;
import dk.dealfinder.testkit.SharedRedis;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Fan-out cost of one alert-server replica: many SSE clients on one replica at a steady alert rate,
 * against one client at the same rate in the same run. Delivery latency runs from sending {@code
 * POST /internal/alerts} to the client reading the event (so it includes the ingest's Redis append;
 * the POST round trip is noted beside it). Server memory per client is the heap after GC with every
 * client connected, less the heap right after they have all gone, over the number of clients. The
 * clients run in a JVM of their own ({@link FanOutLoad}) so that heap is the server's alone.
 */
final class SseFanOutBench {

    private static final String TOKEN = "bench-token-" + UUID.randomUUID();
    private static final String QUERY_ID = "bench-fanout";

    /** One client, so polling /metrics keeps one connection rather than one per poll. */
    private static final HttpClient METRICS = HttpClient.newHttpClient();

    /**
     * What the bench's clients need to read its alerts: the saved query every alert is for, and the
     * {@code Authorization} value every stream request carries.
     */
    record StreamAccess(String queryId, Optional<String> authorization) {}

    private SseFanOutBench() {}

    static void run(
            Results results, int clients, double perSecond, Duration warmup, Duration measure)
            throws Exception {
        String pgUrl = SharedPostgres.newDatabase("bench_fanout");
        Migrations.migrate(pgUrl, SharedPostgres.user(), "");
        try (AlertServer server = startServer(pgUrl, clients)) {
            StreamAccess access = access(server, pgUrl);
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            Map<String, String> single;
            try (FanOutLoadProcess load =
                    FanOutLoadProcess.start(
                            server.baseUrl(), TOKEN, access, 1, perSecond, warmup, measure)) {
                single = load.awaitHolding();
            }
            threads.resetPeakThreadCount();
            Map<String, String> many;
            long loadedHeap;
            Map<String, Long> served;
            double serverCores;
            try (FanOutLoadProcess load =
                    FanOutLoadProcess.start(
                            server.baseUrl(), TOKEN, access, clients, perSecond, warmup, measure)) {
                CpuUse cpu = new CpuUse();
                many = load.awaitHolding();
                serverCores = cpu.cores();
                // The poster's connections hold server memory too; let them time out first.
                Thread.sleep(FanOutLoadProcess.POSTER_KEEP_ALIVE.multipliedBy(3).toMillis());
                loadedHeap = heapAfterGc();
                served = sseMetrics(server.baseUrl());
            }
            int peakThreads = threads.getPeakThreadCount();
            long left = awaitNoClients(server.baseUrl(), access);
            // Weighed seconds after the loaded heap, so pools and caches that outlive the
            // connections (threads, buffers) weigh the same in both.
            long idleHeap = heapAfterGc();
            many.put("serverCores", String.format(Locale.ROOT, "%.2f", serverCores));
            record(results, clients, perSecond, measure, single, many, served);
            // Divided by the clients that left: a starved server may not have noticed them all.
            long gone = served.get("sse_clients") - left;
            results.add(
                    "sse fan-out",
                    "server heap per client",
                    (loadedHeap - idleHeap) / 1024.0 / Math.max(1, gone),
                    "KiB",
                    String.format(
                            Locale.ROOT,
                            "heap after GC with %d clients connected (%.1f MiB) minus right after"
                                    + " %d of them left (%.1f MiB), per client; server JVM threads:"
                                    + " peak %d under load, %d after; system load average %.1f"
                                    + " on %d cores",
                            served.get("sse_clients"),
                            loadedHeap / 1048576.0,
                            gone,
                            idleHeap / 1048576.0,
                            peakThreads,
                            threads.getThreadCount(),
                            ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                            Runtime.getRuntime().availableProcessors()));
        }
    }

    /**
     * One replica against its own stream. All the bench's clients sign in as one user, so that
     * user's rate limit must admit them all at once; real clients are as many users.
     */
    private static AlertServer startServer(String pgUrl, int clients) {
        return AlertServer.start(
                AlertServerSettings.defaults(
                                SharedRedis.uri(),
                                TOKEN,
                                new DatabaseSettings(pgUrl, SharedPostgres.user(), ""))
                        .toBuilder()
                        .streamKey("bench:fanout:" + UUID.randomUUID())
                        .access(AccessSettings.DEFAULTS.withRateLimit(60 * clients, 2 * clients))
                        .build());
    }

    /**
     * A user with an API token, and the saved query every alert is for. The query has no owner, as
     * an operator's query from the config file, so every signed-in user sees its alerts; the server
     * still checks that for every alert and client.
     */
    private static StreamAccess access(AlertServer server, String pgUrl) throws SQLException {
        new JdbcSavedQueryStore(pgUrl, SharedPostgres.user(), "", List.of())
                .upsert(
                        new SavedQuery(
                                QUERY_ID,
                                "iPhone 13 under 5.000 kr.",
                                "iPhone 13",
                                SavedQuery.DEFAULT_SITE,
                                null,
                                5000L,
                                List.of(),
                                List.of(),
                                50,
                                true));
        return new StreamAccess(
                QUERY_ID, Optional.of(server.newUserBearer("bench-fanout-" + UUID.randomUUID())));
    }

    /**
     * A replica notices a client has gone only when a write to it fails, so this posts an alert
     * every 100 ms until the server counts no clients (or ten seconds pass), and returns the count
     * it ends with.
     */
    private static long awaitNoClients(URI server, StreamAccess access) throws Exception {
        AlertPoster sweep =
                new AlertPoster(server.resolve("/internal/alerts"), TOKEN, access.queryId());
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        long connected = sseMetrics(server).get("sse_clients");
        while (connected > 0 && System.nanoTime() < deadline) {
            sweep.post(1, 10, null);
            sweep.awaitAnswers();
            Thread.sleep(100);
            connected = sseMetrics(server).get("sse_clients");
        }
        return connected;
    }

    private static void record(
            Results results,
            int clients,
            double perSecond,
            Duration measure,
            Map<String, String> single,
            Map<String, String> many,
            Map<String, Long> served) {
        String note =
                String.format(
                        Locale.ROOT,
                        "%.0f alerts/s for %d s; delivered %s of %s; posts answered %s of %s (%s"
                            + " refused); POST round trip p50/p99 %.2f/%.2f ms; server counted %d"
                            + " clients, dropped %d; cores busy: server JVM %s (whole run), clients"
                            + " %s (timed part); baseline: 1 client at the same rate",
                        perSecond,
                        measure.toSeconds(),
                        many.get("delivered"),
                        many.get("expected"),
                        many.get("answered"),
                        many.get("posted"),
                        many.get("refused"),
                        millis(many, "ingestP50"),
                        millis(many, "ingestP99"),
                        served.get("sse_clients"),
                        served.get("sse_clients_dropped_total"),
                        many.get("serverCores"),
                        many.get("clientCores"));
        String fanOut = clients + " clients";
        results.add(
                "sse fan-out",
                "delivery p50, " + fanOut,
                millis(many, "deliveryP50"),
                "ms",
                millis(single, "deliveryP50"),
                note);
        results.add(
                "sse fan-out",
                "delivery p99, " + fanOut,
                millis(many, "deliveryP99"),
                "ms",
                millis(single, "deliveryP99"),
                "ratio p99(" + clients + ")/p99(1) is the fan-out cost; " + note);
    }

    /** A latency the load reported in microseconds, in ms; NaN when it measured none. */
    private static double millis(Map<String, String> result, String key) {
        long micros = Long.parseLong(result.get(key));
        return micros < 0 ? Double.NaN : micros / 1000.0;
    }

    /** The server's own count of connected and dropped clients, as its /metrics tells it. */
    private static Map<String, Long> sseMetrics(URI server) throws Exception {
        String metrics =
                METRICS.send(
                                HttpRequest.newBuilder(server.resolve("/metrics"))
                                        .header("Authorization", "Bearer " + TOKEN)
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .body();
        Map<String, Long> counts = new HashMap<>();
        for (String line : metrics.split("\n")) {
            String[] sample = line.split(" ");
            if (sample.length == 2
                    && (sample[0].equals("sse_clients")
                            || sample[0].equals("sse_clients_dropped_total"))) {
                counts.put(sample[0], (long) Double.parseDouble(sample[1]));
            }
        }
        return counts;
    }

    /** Collects until the heap stops shrinking: finalizable objects need a second round. */
    private static long heapAfterGc() {
        long used = Long.MAX_VALUE;
        for (int round = 0; round < 5; round++) {
            System.gc();
            long now = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            if (now > used - used / 100) {
                return Math.min(now, used);
            }
            used = now;
        }
        return used;
    }
}
