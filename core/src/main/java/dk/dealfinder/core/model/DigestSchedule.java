package dk.dealfinder.core.model;

import java.time.Duration;

/** How often a saved query's best deals are gathered into a digest; OFF sends none. */
public enum DigestSchedule {
    OFF(Duration.ZERO),
    HOURLY(Duration.ofHours(1)),
    DAILY(Duration.ofDays(1));

    private final Duration window;

    DigestSchedule(Duration window) {
        this.window = window;
    }

    /** The tumbling window a digest covers; zero for OFF. */
    public Duration window() {
        return window;
    }
}
