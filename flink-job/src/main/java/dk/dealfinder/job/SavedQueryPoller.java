package dk.dealfinder.job;

import dk.dealfinder.core.model.SavedQuerySnapshot;
import dk.dealfinder.core.store.SavedQueryStore;
import java.time.Duration;
import java.util.List;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.connector.datagen.source.GeneratorFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the saved queries on an interval and emits a snapshot each time, built on Flink's own
 * rate-limited {@link DataGeneratorSource}. When the store cannot be read the last good snapshot is
 * emitted again, so an outage of the database never makes the job forget its queries.
 */
public final class SavedQueryPoller implements GeneratorFunction<Long, SavedQuerySnapshot> {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(SavedQueryPoller.class);

    private final SavedQueryStore store;
    private transient SavedQuerySnapshot lastGood;

    public SavedQueryPoller(SavedQueryStore store) {
        this.store = store;
    }

    /** An unbounded source of snapshots, one per {@code interval}. */
    public static DataGeneratorSource<SavedQuerySnapshot> source(
            SavedQueryStore store, Duration interval) {
        return new DataGeneratorSource<>(
                new SavedQueryPoller(store),
                Long.MAX_VALUE,
                RateLimiterStrategy.perSecond(1000.0 / interval.toMillis()),
                TypeInformation.of(SavedQuerySnapshot.class));
    }

    /**
     * Saved queries carry no event time; the broadcast side declares itself always caught up so it
     * never holds back the listings' watermark in the connected operator.
     */
    public static WatermarkStrategy<SavedQuerySnapshot> watermarks() {
        return WatermarkStrategy.forGenerator(
                ctx ->
                        new WatermarkGenerator<>() {
                            @Override
                            public void onEvent(
                                    SavedQuerySnapshot event,
                                    long timestamp,
                                    WatermarkOutput output) {}

                            @Override
                            public void onPeriodicEmit(WatermarkOutput output) {
                                output.emitWatermark(new Watermark(Long.MAX_VALUE - 1));
                            }
                        });
    }

    @Override
    public SavedQuerySnapshot map(Long index) {
        try {
            lastGood =
                    new SavedQuerySnapshot(
                            System.currentTimeMillis(), List.copyOf(store.activeQueries()));
        } catch (Exception e) {
            LOG.warn(
                    "Could not read saved queries; keeping the previous {}: {}",
                    lastGood == null ? "(none)" : lastGood.queries().size() + " queries",
                    e.toString());
            if (lastGood == null) {
                lastGood = new SavedQuerySnapshot(System.currentTimeMillis(), List.of());
            }
        }
        return lastGood;
    }
}
