package dk.dealfinder.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.Set;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the benchmarks and writes the results table. Usage: {@code BenchMain full|quick FILE
 * [NAME...]}, where the names (throughput, alert-latency, sse-fanout, backfill, qdrant-sink,
 * llm-batching, local-share, market-state, search-parse, scraper-polling, micro) pick some
 * benchmarks; without them all run. Every figure is printed next to a baseline measured in the same
 * run, so the ratios hold on a noisy shared machine even when the absolute numbers do not.
 */
public final class BenchMain {

    private BenchMain() {}

    public static void main(String[] args) throws Exception {
        boolean quick = args.length > 0 && args[0].equals("quick");
        Path out = Path.of(args.length > 1 ? args[1] : "bench/target/results.md");
        Set<String> only =
                Set.copyOf(Arrays.asList(args).subList(Math.min(2, args.length), args.length));
        Results results = new Results();
        Instant start = Instant.now();

        if (only.isEmpty() || only.contains("throughput")) {
            ThroughputBench.run(results, quick ? 1_500 : 6_000);
        }
        if (only.isEmpty() || only.contains("alert-latency")) {
            AlertLatencyBench.run(results, quick ? 100 : 500, Duration.ofMillis(250), 10);
        }
        if (only.isEmpty() || only.contains("sse-fanout")) {
            // -Dbench.sse.clients, .rate (alerts/s) and .seconds (timed) size it by hand.
            SseFanOutBench.run(
                    results,
                    Integer.getInteger("bench.sse.clients", quick ? 100 : 1_000),
                    Integer.getInteger("bench.sse.rate", 100),
                    Duration.ofSeconds(quick ? 3 : 5),
                    Duration.ofSeconds(Integer.getInteger("bench.sse.seconds", quick ? 10 : 20)));
        }
        if (only.isEmpty() || only.contains("backfill")) {
            BackfillBench.run(results, quick ? 10_000 : 100_000);
        }
        if (only.isEmpty() || only.contains("qdrant-sink")) {
            QdrantSinkBench.run(results, quick ? 2_000 : 10_000);
        }
        if (only.isEmpty() || only.contains("llm-batching")) {
            LlmBatchingBench.run(results, quick ? 200 : 1_000);
        }
        if (only.isEmpty() || only.contains("local-share")) {
            LocalShareBench.run(results);
        }
        if (only.isEmpty() || only.contains("market-state")) {
            MarketStateBench.run(results, quick ? 10_000 : 100_000);
        }
        if (only.isEmpty() || only.contains("search-parse")) {
            SearchParseBench.run(results, quick ? 3 : 15);
        }
        if (only.isEmpty() || only.contains("scraper-polling")) {
            ScraperPollingBench.run(results, quick ? 10 : 60);
        }
        if (only.isEmpty() || only.contains("micro")) {
            micro(results, quick);
        }

        String header =
                String.format(
                        "Run %s (%s mode, %d cores, %s), %d s",
                        start,
                        quick ? "quick" : "full",
                        Runtime.getRuntime().availableProcessors(),
                        System.getProperty("java.version"),
                        Duration.between(start, Instant.now()).toSeconds());
        results.write(out, header);
        System.out.println("\nwrote " + out.toAbsolutePath());
        System.exit(0);
    }

    private static void micro(Results results, boolean quick) throws Exception {
        Collection<RunResult> runs =
                new Runner(
                                new OptionsBuilder()
                                        .include("dk\\.dealfinder\\.bench\\.micro\\..*")
                                        .forks(1)
                                        .warmupIterations(quick ? 1 : 3)
                                        .measurementIterations(quick ? 2 : 5)
                                        .warmupTime(TimeValue.seconds(1))
                                        .measurementTime(TimeValue.seconds(1))
                                        .build())
                        .run();
        double danish = score(runs, "danishPrintedPrice");
        double digits = score(runs, "plainDigitsBaseline");
        results.add(
                "micro",
                "Danish price parsing",
                danish,
                "ops/ms",
                digits,
                "baseline: Long.parseLong on digits");
    }

    private static double score(Collection<RunResult> runs, String method) {
        return runs.stream()
                .filter(r -> r.getParams().getBenchmark().endsWith("." + method))
                .mapToDouble(r -> r.getPrimaryResult().getScore())
                .findFirst()
                .orElse(Double.NaN);
    }
}
