package dk.dealfinder.udfs.inference;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One subtask's share of the day's budget, in memory: without Redis, a job of parallelism p gives
 * each subtask {@code dailyBudgetUsd / p}, so the job as a whole stays within its budget (a subtask
 * that gets few uncertain listings may leave part of its share unspent). Also what a {@link
 * SharedBudget} spends from while Redis is unreachable. Shared by the threads of one subtask; logs
 * its first refusal of each day.
 */
public final class SubtaskBudget implements DailyBudget {

    private static final Logger LOG = LoggerFactory.getLogger(SubtaskBudget.class);

    private final double limitUsd;
    private final Clock clock;
    private LocalDate day;
    private double spentUsd;
    private boolean exhaustedLogged;

    public SubtaskBudget(double limitUsd, Clock clock) {
        this.limitUsd = limitUsd;
        this.clock = clock;
        this.day = today();
    }

    @Override
    public synchronized boolean tryReserve(double estimateUsd) {
        rollOver();
        if (spentUsd + estimateUsd > limitUsd) {
            if (!exhaustedLogged) {
                LOG.warn(
                        "this subtask's daily LLM budget of {} USD is used up ({} USD spent):"
                                + " local model only until midnight UTC",
                        limitUsd,
                        spentUsd);
                exhaustedLogged = true;
            }
            return false;
        }
        spentUsd += estimateUsd;
        return true;
    }

    @Override
    public synchronized void settle(double reservedUsd, double actualUsd) {
        rollOver();
        spentUsd = Math.max(0, spentUsd - reservedUsd + actualUsd);
    }

    @Override
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
