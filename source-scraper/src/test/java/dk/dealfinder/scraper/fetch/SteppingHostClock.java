package dk.dealfinder.scraper.fetch;

import java.util.ArrayList;
import java.util.List;

/** A host clock that moves only when something sleeps on it, recording every sleep. */
final class SteppingHostClock implements HostClock {

    private long now = 1_000_000_000L;
    final List<Long> sleeps = new ArrayList<>();

    @Override
    public synchronized long nanoTime() {
        return now;
    }

    @Override
    public synchronized void sleepNanos(long nanos) {
        sleeps.add(nanos);
        now += nanos;
    }

    synchronized void advanceMillis(long millis) {
        now += millis * 1_000_000L;
    }
}
