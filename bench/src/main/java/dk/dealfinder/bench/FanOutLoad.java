package dk.dealfinder.bench;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The client side of {@link SseFanOutBench}, in a JVM of its own so that the bench's heap holds
 * only the server: connects the SSE clients, posts alerts at a fixed rate, and reports the delivery
 * latencies on stdout in lines starting with {@link #REPORT}. It then keeps every client connected
 * until stdin has a line (or ends), so the bench can weigh the server's heap meanwhile.
 *
 * <p>Usage: {@code FanOutLoad BASE_URL CLIENTS PER_SECOND WARMUP_SECONDS MEASURE_SECONDS QUERY_ID}.
 * The ingest token comes from {@code BENCH_INGEST_TOKEN} and the optional {@code Authorization}
 * value of the stream requests from {@code BENCH_STREAM_AUTHORIZATION}, so neither shows in the
 * process list.
 */
final class FanOutLoad {

    static final String REPORT = "fanout-load ";
    static final String INGEST_TOKEN_ENV = "BENCH_INGEST_TOKEN";
    static final String AUTHORIZATION_ENV = "BENCH_STREAM_AUTHORIZATION";

    /**
     * How long after the last post the answers and deliveries may take before the rest count as
     * lost.
     */
    private static final Duration DRAIN = Duration.ofSeconds(20);

    private FanOutLoad() {}

    public static void main(String[] args) throws Exception {
        URI base = URI.create(args[0]);
        int clients = Integer.parseInt(args[1]);
        double perSecond = Double.parseDouble(args[2]);
        int warmup = (int) (perSecond * Integer.parseInt(args[3]));
        int measured = (int) (perSecond * Integer.parseInt(args[4]));
        String queryId = args[5];
        Map<String, Long> sentAtNanos = new ConcurrentHashMap<>();
        try (SseStreamClients streams =
                SseStreamClients.connect(
                        base.resolve("/api/alerts/stream"),
                        clients,
                        Optional.ofNullable(System.getenv(AUTHORIZATION_ENV)),
                        sentAtNanos)) {
            report("connected clients=" + clients);
            AlertPoster poster =
                    new AlertPoster(
                            base.resolve("/internal/alerts"),
                            System.getenv(INGEST_TOKEN_ENV),
                            queryId);
            // Untimed first, so the JIT has compiled both sides before anything is measured.
            poster.post(warmup, perSecond, null);
            CpuUse cpu = new CpuUse();
            poster.post(measured, perSecond, sentAtNanos);
            long deadline = System.nanoTime() + DRAIN.toNanos();
            long expected = (long) measured * clients;
            while (streams.delivered() < expected && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            double cores = cpu.cores();
            report(
                    String.format(
                            Locale.ROOT,
                            "result %s delivered=%d expected=%d %s posted=%d answered=%d"
                                    + " refused=%d ended=%d clientCores=%.2f",
                            percentiles("delivery", streams.latenciesMicros()),
                            streams.delivered(),
                            expected,
                            percentiles("ingest", poster.roundTripsMicros()),
                            measured,
                            poster.answered(),
                            poster.refused(),
                            streams.ended(),
                            cores));
            report("holding");
            awaitRelease();
        }
        System.exit(0);
    }

    /** {@code NAMEP50=.. NAMEP99=..} in microseconds, -1 when nothing was measured. */
    private static String percentiles(String name, long[] micros) {
        if (micros.length == 0) {
            return name + "P50=-1 " + name + "P99=-1";
        }
        Percentiles p = new Percentiles(micros);
        return name + "P50=" + p.at(50) + " " + name + "P99=" + p.at(99);
    }

    private static void awaitRelease() throws IOException {
        int c;
        do {
            c = System.in.read();
        } while (c != -1 && c != '\n');
    }

    private static void report(String line) {
        System.out.println(REPORT + line);
        System.out.flush();
    }
}
