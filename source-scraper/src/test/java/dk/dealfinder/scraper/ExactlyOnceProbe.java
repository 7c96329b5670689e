package dk.dealfinder.scraper;

import dk.dealfinder.core.model.RawListing;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.api.common.state.CheckpointListener;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.runtime.state.FunctionInitializationContext;
import org.apache.flink.runtime.state.FunctionSnapshotContext;
import org.apache.flink.streaming.api.checkpoint.CheckpointedFunction;

/**
 * Keeps every ad id it has seen in checkpointed state, so after a restore it holds exactly what the
 * restored source state accounts for: a listing the source emits twice across a restore shows up as
 * a duplicate, a lost one as a gap. Fails once, on request, to force that restore. Its findings go
 * to static fields because the MiniCluster runs in the test's JVM; one test at a time.
 */
final class ExactlyOnceProbe extends RichMapFunction<RawListing, String>
        implements CheckpointedFunction, CheckpointListener {

    static final AtomicReference<Set<String>> SEEN = new AtomicReference<>(Set.of());
    static final AtomicInteger DUPLICATES = new AtomicInteger();
    static final AtomicInteger COMMITTED = new AtomicInteger();
    static final AtomicInteger RESTORES = new AtomicInteger();
    static final AtomicInteger FAIL_AT = new AtomicInteger(Integer.MAX_VALUE);
    static final AtomicBoolean FAILED = new AtomicBoolean();
    private static final ConcurrentHashMap<Long, Integer> SNAPSHOT_SIZES =
            new ConcurrentHashMap<>();

    private transient ListState<String> state;
    private transient Set<String> seen;

    static void reset() {
        SEEN.set(Set.of());
        DUPLICATES.set(0);
        COMMITTED.set(0);
        RESTORES.set(0);
        FAIL_AT.set(Integer.MAX_VALUE);
        FAILED.set(false);
        SNAPSHOT_SIZES.clear();
    }

    @Override
    public String map(RawListing listing) {
        if (!seen.add(listing.adId())) {
            DUPLICATES.incrementAndGet();
        }
        SEEN.set(Set.copyOf(seen));
        if (seen.size() >= FAIL_AT.get() && FAILED.compareAndSet(false, true)) {
            throw new IllegalStateException("injected failure after " + seen.size() + " ads");
        }
        return listing.adId();
    }

    @Override
    public void snapshotState(FunctionSnapshotContext context) throws Exception {
        state.update(new ArrayList<>(seen));
        SNAPSHOT_SIZES.put(context.getCheckpointId(), seen.size());
    }

    @Override
    public void initializeState(FunctionInitializationContext context) throws Exception {
        state =
                context.getOperatorStateStore()
                        .getListState(new ListStateDescriptor<>("seen", String.class));
        seen = new HashSet<>();
        List<String> restored = new ArrayList<>();
        state.get().forEach(restored::add);
        seen.addAll(restored);
        if (context.isRestored()) {
            RESTORES.incrementAndGet();
        }
        SEEN.set(Set.copyOf(seen));
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
        Integer size = SNAPSHOT_SIZES.get(checkpointId);
        if (size != null) {
            COMMITTED.accumulateAndGet(size, Math::max);
        }
    }
}
