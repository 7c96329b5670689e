package dk.dealfinder.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Runs the benchmarks and writes the results table. Usage: {@code BenchMain full|quick FILE
 * [NAME...]}, where the names (throughput, alert-latency, sse-fanout, backfill, qdrant-sink,
 * llm-batching, local-share, market-state, search-parse, scraper-polling, micro) pick some
 * benchmarks; without them all run. Every figure is printed next to a baseline measured in the same
 * run, so the ratios hold on a noisy shared machine even when the absolute numbers do not.
 *
 * <p>The full sizes keep everything within 15 minutes on 2 cores: each benchmark is as large as its
 * ratio needs to be stable, and no larger, except where issue 9 fixes the size (alert latency over
 * 500 listings, the backfill of 100,000). One benchmark that fails is recorded as failed and the
 * rest still run.
 */
public final class BenchMain {

    private BenchMain() {}

    /** One benchmark: what it runs at the given mode. */
    private interface Bench {
        void run(Results results, boolean quick) throws Exception;
    }

    private static Map<String, Bench> benchmarks() {
        Map<String, Bench> all = new LinkedHashMap<>();
        all.put("throughput", (r, quick) -> ThroughputBench.run(r, quick ? 1_500 : 3_000));
        all.put(
                "alert-latency",
                (r, quick) ->
                        AlertLatencyBench.run(r, quick ? 100 : 500, Duration.ofMillis(250), 10));
        // -Dbench.sse.clients, .rate (alerts/s) and .seconds (timed) size it by hand.
        all.put(
                "sse-fanout",
                (r, quick) ->
                        SseFanOutBench.run(
                                r,
                                Integer.getInteger("bench.sse.clients", quick ? 100 : 1_000),
                                Integer.getInteger("bench.sse.rate", 100),
                                Duration.ofSeconds(3),
                                Duration.ofSeconds(
                                        Integer.getInteger("bench.sse.seconds", quick ? 5 : 8))));
        all.put("backfill", (r, quick) -> BackfillBench.run(r, quick ? 10_000 : 100_000));
        all.put("qdrant-sink", (r, quick) -> QdrantSinkBench.run(r, quick ? 2_000 : 5_000));
        all.put("llm-batching", (r, quick) -> LlmBatchingBench.run(r, quick ? 200 : 250));
        all.put("local-share", (r, quick) -> LocalShareBench.run(r));
        all.put("market-state", (r, quick) -> MarketStateBench.run(r, quick ? 10_000 : 50_000));
        all.put("search-parse", (r, quick) -> SearchParseBench.run(r, quick ? 3 : 6));
        all.put("scraper-polling", (r, quick) -> ScraperPollingBench.run(r, quick ? 10 : 20));
        all.put("micro", MicroBenchmarks::run);
        return all;
    }

    public static void main(String[] args) throws Exception {
        boolean quick = args.length > 0 && args[0].equals("quick");
        Path out = Path.of(args.length > 1 ? args[1] : "bench/target/results.md");
        Set<String> only =
                Set.copyOf(Arrays.asList(args).subList(Math.min(2, args.length), args.length));
        Map<String, Bench> all = benchmarks();
        for (String name : only) {
            if (!all.containsKey(name)) {
                throw new IllegalArgumentException(
                        "unknown benchmark '" + name + "'; known: " + all.keySet());
            }
        }
        Results results = new Results();
        Instant start = Instant.now();
        double loadAtStart = loadAverage();
        List<String> timings = new ArrayList<>();
        boolean failed = false;
        for (Map.Entry<String, Bench> bench : all.entrySet()) {
            if (!only.isEmpty() && !only.contains(bench.getKey())) {
                continue;
            }
            Instant begun = Instant.now();
            System.out.printf("%n== %s (%s)%n", bench.getKey(), begun);
            String outcome = "";
            try {
                bench.getValue().run(results, quick);
            } catch (Exception | AssertionError e) {
                outcome = ", FAILED: " + e;
                failed = true;
                e.printStackTrace();
            }
            long seconds = Duration.between(begun, Instant.now()).toSeconds();
            timings.add(bench.getKey() + " " + seconds + " s" + outcome);
            System.out.printf("== %s took %d s%s%n", bench.getKey(), seconds, outcome);
        }

        String header =
                String.format(
                        Locale.ROOT,
                        "Run %s (%s mode, %d cores, Java %s, load average %.1f at the start and"
                                + " %.1f at the end), %d s in all (%s)",
                        start,
                        quick ? "quick" : "full",
                        Runtime.getRuntime().availableProcessors(),
                        System.getProperty("java.version"),
                        loadAtStart,
                        loadAverage(),
                        Duration.between(start, Instant.now()).toSeconds(),
                        String.join("; ", timings));
        results.write(out, header);
        System.out.println("\n" + header + "\nwrote " + out.toAbsolutePath());
        System.exit(failed ? 1 : 0);
    }

    /** The machine's load average over the last minute: other work sharing the cores. */
    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
