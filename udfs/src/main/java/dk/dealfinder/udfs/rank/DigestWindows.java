package dk.dealfinder.udfs.rank;

import dk.dealfinder.core.model.DigestSchedule;
import dk.dealfinder.core.model.SavedQuery;
import dk.dealfinder.udfs.score.ScoredDeal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import org.apache.flink.api.common.ExecutionConfig;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.streaming.api.windowing.assigners.WindowAssigner;
import org.apache.flink.streaming.api.windowing.triggers.EventTimeTrigger;
import org.apache.flink.streaming.api.windowing.triggers.Trigger;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;

/**
 * Tumbling event-time windows whose size each deal's saved query chooses ({@link
 * SavedQuery#digest()}): an hour for HOURLY, a day for DAILY, none for OFF. The schedule travels
 * with every deal, so a query whose owner changes it gets windows of the new size from the next
 * deal on, while windows already open close as they were. Hours are aligned to the epoch; days run
 * from midnight to midnight in the digest's time zone (so a Danish user's daily digest covers a
 * Danish day, 23 or 25 hours long when the clocks change).
 */
public class DigestWindows extends WindowAssigner<ScoredDeal, TimeWindow> {

    private final ZoneId zone;

    /** Days from UTC midnight to UTC midnight. */
    public DigestWindows() {
        this(ZoneOffset.UTC);
    }

    /**
     * @param zone where a daily digest's days start and end
     */
    public DigestWindows(ZoneId zone) {
        this.zone = zone;
    }

    @Override
    public Collection<TimeWindow> assignWindows(
            ScoredDeal deal, long timestamp, WindowAssignerContext context) {
        DigestSchedule schedule = deal.match().query().digest();
        long size = schedule.window().toMillis();
        if (size <= 0) {
            return List.of();
        }
        if (schedule == DigestSchedule.DAILY) {
            LocalDate day = Instant.ofEpochMilli(timestamp).atZone(zone).toLocalDate();
            return List.of(
                    new TimeWindow(
                            day.atStartOfDay(zone).toInstant().toEpochMilli(),
                            day.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli()));
        }
        long start = TimeWindow.getWindowStartWithOffset(timestamp, 0, size);
        return List.of(new TimeWindow(start, start + size));
    }

    /** Fires each window when event time passes its end; the trigger never looks at the deal. */
    @Override
    @SuppressWarnings("unchecked")
    public Trigger<ScoredDeal, TimeWindow> getDefaultTrigger() {
        return (Trigger<ScoredDeal, TimeWindow>) (Trigger<?, TimeWindow>) EventTimeTrigger.create();
    }

    @Override
    public TypeSerializer<TimeWindow> getWindowSerializer(ExecutionConfig executionConfig) {
        return new TimeWindow.Serializer();
    }

    @Override
    public boolean isEventTime() {
        return true;
    }

    @Override
    public String toString() {
        return "DigestWindows(" + zone + ")";
    }
}
