package dk.dealfinder.bench.micro;

import dk.dealfinder.core.text.DanishPrices;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * The normalizer's price parsing on DBA's printed formats, against the floor of parsing the same
 * amounts as plain digits.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class DanishPriceParsingBenchmark {

    private static final String[] PRINTED = {
        "1.250 kr.", "12.500 kr.", "Gives væk", "899 kr.", "1.250,50 kr."
    };
    private static final String[] DIGITS = {"1250", "12500", "0", "899", "1251"};
    private int i;

    @Benchmark
    public Long danishPrintedPrice() {
        return DanishPrices.parse(PRINTED[i++ % PRINTED.length]);
    }

    @Benchmark
    public long plainDigitsBaseline() {
        return Long.parseLong(DIGITS[i++ % DIGITS.length]);
    }
}
