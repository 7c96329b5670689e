package dk.dealfinder.bench;

import java.util.Collection;
import java.util.Locale;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * The JMH benchmarks in {@code dk.dealfinder.bench.micro}, in one forked JVM, each figure next to
 * its baseline method from the same run. Short iterations: a few seconds per method is enough for
 * code this small to settle, and keeps the whole run inside its budget.
 */
final class MicroBenchmarks {

    private MicroBenchmarks() {}

    static void run(Results results, boolean quick) throws Exception {
        Collection<RunResult> runs =
                new Runner(
                                new OptionsBuilder()
                                        .include("dk\\.dealfinder\\.bench\\.micro\\..*")
                                        .forks(1)
                                        .warmupIterations(quick ? 1 : 2)
                                        .warmupTime(TimeValue.seconds(1))
                                        .measurementIterations(quick ? 2 : 4)
                                        .measurementTime(TimeValue.seconds(1))
                                        .build())
                        .run();
        Result danish = score(runs, "danishPrintedPrice");
        Result digits = score(runs, "plainDigitsBaseline");
        results.add(
                "micro (JMH)",
                "Danish price parsing (DanishPrices.parse)",
                danish.getScore(),
                "ops/ms",
                digits.getScore(),
                String.format(
                        Locale.ROOT,
                        "1 fork, %d x 1 s measured after %d x 1 s warm-up; error (99.9 %%) ±%.2f"
                                + " vs ±%.2f ops/ms; baseline: Long.parseLong on the same amounts"
                                + " as plain digits",
                        quick ? 2 : 4,
                        quick ? 1 : 2,
                        danish.getScoreError(),
                        digits.getScoreError()));
    }

    private static Result score(Collection<RunResult> runs, String method) {
        return runs.stream()
                .filter(r -> r.getParams().getBenchmark().endsWith("." + method))
                .map(RunResult::getPrimaryResult)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("JMH did not run " + method));
    }
}
