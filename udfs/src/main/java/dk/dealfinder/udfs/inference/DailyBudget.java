package dk.dealfinder.udfs.inference;

/**
 * The job's spending limit for paid calls per UTC day. A call reserves its estimated cost first and
 * settles the real cost after; when a reservation does not fit, the caller decides locally. With
 * Redis configured the whole job (every subtask of every replica) spends from one {@link
 * SharedBudget}; without it each subtask spends its share in a {@link SubtaskBudget}. The first
 * refusal of a day is logged once.
 */
public interface DailyBudget extends AutoCloseable {

    /** Reserves {@code estimateUsd}; false (and nothing reserved) when it does not fit today. */
    boolean tryReserve(double estimateUsd);

    /** Replaces a reservation by what the call really cost. */
    void settle(double reservedUsd, double actualUsd);

    /** What has been spent (or reserved and not yet settled) today. */
    double spentToday();

    @Override
    default void close() {}
}
