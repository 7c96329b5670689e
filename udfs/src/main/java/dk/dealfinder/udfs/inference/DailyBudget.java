package dk.dealfinder.udfs.inference;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The day's spending limit for paid calls (UTC days). A call reserves its estimated cost first and
 * settles the real cost after; when a reservation does not fit, the caller decides locally. Shared
 * by the threads of one subtask; each subtask gets its share of the job's budget.
 */
public final class DailyBudget {

    private static final Logger LOG = LoggerFactory.getLogger(DailyBudget.class);

    private final double limitUsd;
    private final Clock clock;
    private LocalDate day;
    private double spentUsd;
    private boolean exhaustedLogged;

    public DailyBudget(double limitUsd, Clock clock) {
        this.limitUsd = limitUsd;
        this.clock = clock;
        this.day = today();
    }

    /** Reserves {@code estimateUsd}; false (and nothing reserved) when it does not fit today. */
    public synchronized boolean tryReserve(double estimateUsd) {
        rollOver();
        if (spentUsd + estimateUsd > limitUsd) {
            if (!exhaustedLogged) {
                LOG.warn(
                        "daily LLM budget of {} USD used up ({} USD spent): local model only until"
                                + " midnight UTC",
                        limitUsd,
                        spentUsd);
                exhaustedLogged = true;
            }
            return false;
        }
        spentUsd += estimateUsd;
        return true;
    }

    /** Replaces a reservation by what the call really cost. */
    public synchronized void settle(double reservedUsd, double actualUsd) {
        rollOver();
        spentUsd = Math.max(0, spentUsd - reservedUsd + actualUsd);
    }

    public synchronized double spentToday() {
        rollOver();
        return spentUsd;
    }

    private void rollOver() {
        LocalDate now = today();
        if (!now.equals(day)) {
            day = now;
            spentUsd = 0;
            exhaustedLogged = false;
        }
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
