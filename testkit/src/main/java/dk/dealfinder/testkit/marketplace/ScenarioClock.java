package dk.dealfinder.testkit.marketplace;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The marketplace's notion of "now": publication times, what search shows and the "i dag 14:32"
 * dates all follow it. Tests use a fixed clock and move it with {@link #advance(Duration)}; the
 * demo uses the system clock, which can also be pushed ahead.
 */
public final class ScenarioClock {

    private final Supplier<Instant> source;
    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    private ScenarioClock(Supplier<Instant> source) {
        this.source = source;
    }

    public static ScenarioClock system() {
        return new ScenarioClock(Instant::now);
    }

    public static ScenarioClock fixed(Instant start) {
        Objects.requireNonNull(start, "start");
        return new ScenarioClock(() -> start);
    }

    /** Whole milliseconds, so the API's epoch-ms timestamps and the pages' ISO times agree. */
    public Instant now() {
        return source.get().plus(offset.get()).truncatedTo(ChronoUnit.MILLIS);
    }

    public void advance(Duration step) {
        if (step.isNegative()) {
            throw new IllegalArgumentException("the clock only moves forward, got " + step);
        }
        offset.updateAndGet(current -> current.plus(step));
    }
}
