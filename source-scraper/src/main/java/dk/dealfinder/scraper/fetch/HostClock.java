package dk.dealfinder.scraper.fetch;

import java.util.concurrent.TimeUnit;

/** Time as the politeness rules see it; tests pass one that moves only when told to. */
public interface HostClock {

    HostClock SYSTEM =
            new HostClock() {
                @Override
                public long nanoTime() {
                    return System.nanoTime();
                }

                @Override
                public void sleepNanos(long nanos) throws InterruptedException {
                    TimeUnit.NANOSECONDS.sleep(nanos);
                }
            };

    long nanoTime();

    void sleepNanos(long nanos) throws InterruptedException;
}
