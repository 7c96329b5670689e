package dk.dealfinder.sink.qdrant;

import dk.dealfinder.core.config.QdrantConfig.OnRemoved;
import dk.dealfinder.core.model.EmbeddedListing;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.Preconditions;

/**
 * Keyed by listing key, turns a listing's embeddings, verdicts, removal and relisting into the
 * writes to its Qdrant point, in the order the sink must apply them.
 *
 * <p>Embeddings and verdicts come from separate asynchronous branches, so either may arrive first,
 * and an upsert replaces the whole payload. So every verdict is kept in state: an upsert carries
 * all of them, and a verdict after the upsert sets the whole {@code verdicts} map again. A removal
 * deactivates (or deletes) the point at once; an embedding of a version older than the removal,
 * still on its way, is written inactive (or not at all), and versions older than the one written
 * are dropped, so a slow embedding never revives or rolls back a point.
 *
 * <p>Emit the writes straight into the sink (forward, same parallelism): it applies the writes of
 * one point in the order they were emitted.
 */
public class QdrantPointUpdates
        extends KeyedCoProcessFunction<String, EmbeddedListing, PointUpdate, QdrantWrite> {

    private final OnRemoved onRemoved;
    private final Duration memory;
    private transient ValueState<PointState> point;
    private transient MapState<String, PointUpdate> verdicts;
    private transient Counter staleEmbeddings;
    private transient Counter staleUpdates;
    private transient Counter verdictsBeforePoint;
    private transient Counter removedBeforeWritten;

    /**
     * @param onRemoved whether a removed listing's point is deactivated or deleted
     * @param memory how long a listing's verdicts and point state are kept after their last change;
     *     at least as long as the change detector remembers listings
     */
    public QdrantPointUpdates(OnRemoved onRemoved, Duration memory) {
        this.onRemoved = Preconditions.checkNotNull(onRemoved, "onRemoved");
        this.memory = Preconditions.checkNotNull(memory, "memory");
    }

    /**
     * What the operator knows about a listing's point.
     *
     * @param writtenVersion the listing version last upserted, 0 when none
     * @param lifecycleVersion the version of the last removal or relisting, 0 when none
     * @param removed whether that was a removal
     */
    public record PointState(int writtenVersion, int lifecycleVersion, boolean removed) {

        static final PointState NONE = new PointState(0, 0, false);

        /** Whether a version was removed after it was made. */
        boolean removedAfter(int version) {
            return removed && lifecycleVersion > version;
        }

        /** Whether the point exists, as far as this operator wrote it. */
        boolean exists(OnRemoved onRemoved) {
            return writtenVersion > 0
                    && !(onRemoved == OnRemoved.DELETE && removedAfter(writtenVersion));
        }
    }

    @Override
    public void open(OpenContext openContext) {
        StateTtlConfig ttl =
                StateTtlConfig.newBuilder(memory)
                        .setUpdateType(StateTtlConfig.UpdateType.OnCreateAndWrite)
                        .setStateVisibility(StateTtlConfig.StateVisibility.NeverReturnExpired)
                        .build();
        ValueStateDescriptor<PointState> pointDescriptor =
                new ValueStateDescriptor<>("qdrant-point", PointState.class);
        pointDescriptor.enableTimeToLive(ttl);
        point = getRuntimeContext().getState(pointDescriptor);
        MapStateDescriptor<String, PointUpdate> verdictsDescriptor =
                new MapStateDescriptor<>(
                        "qdrant-verdicts", Types.STRING, TypeInformation.of(PointUpdate.class));
        verdictsDescriptor.enableTimeToLive(ttl);
        verdicts = getRuntimeContext().getMapState(verdictsDescriptor);
        var metrics = getRuntimeContext().getMetricGroup();
        staleEmbeddings = metrics.counter("qdrantStaleEmbeddings");
        staleUpdates = metrics.counter("qdrantStaleUpdates");
        verdictsBeforePoint = metrics.counter("qdrantVerdictsBeforePoint");
        removedBeforeWritten = metrics.counter("qdrantRemovedBeforeWritten");
    }

    @Override
    public void processElement1(EmbeddedListing embedded, Context ctx, Collector<QdrantWrite> out)
            throws Exception {
        PointState state = state();
        int version = embedded.listing().version();
        if (version <= state.writtenVersion()) {
            staleEmbeddings.inc();
            return;
        }
        boolean live = !state.removedAfter(version);
        if (!live && onRemoved == OnRemoved.DELETE) {
            removedBeforeWritten.inc();
            return;
        }
        out.collect(QdrantWrite.upsert(embedded, verdictMap(), live));
        point.update(new PointState(version, state.lifecycleVersion(), state.removed()));
    }

    @Override
    public void processElement2(PointUpdate update, Context ctx, Collector<QdrantWrite> out)
            throws Exception {
        switch (update.kind()) {
            case VERDICT:
                verdict(update, out);
                return;
            case REMOVED:
            case RELISTED:
                lifecycle(update, ctx.getCurrentKey(), out);
                return;
            default:
                throw new IllegalArgumentException("unknown point update " + update.kind());
        }
    }

    private void verdict(PointUpdate update, Collector<QdrantWrite> out) throws Exception {
        PointUpdate previous = verdicts.get(update.queryId());
        if (previous != null && previous.observedAt() > update.observedAt()) {
            staleUpdates.inc();
            return;
        }
        verdicts.put(update.queryId(), update);
        if (previous != null && previous.verdict().equals(update.verdict())) {
            return;
        }
        if (state().exists(onRemoved)) {
            out.collect(QdrantWrite.verdicts(update.listingKey(), verdictMap()));
        } else {
            verdictsBeforePoint.inc();
        }
    }

    /**
     * A removal or relisting older than the last one, or than the version already written (whose
     * embedding overtook it), changes nothing. A removal is written even when this operator wrote
     * no point: the point may predate its state, and deactivating or deleting a point that does not
     * exist changes nothing.
     */
    private void lifecycle(PointUpdate update, String listingKey, Collector<QdrantWrite> out)
            throws Exception {
        PointState state = state();
        if (update.version() <= state.lifecycleVersion()
                || update.version() < state.writtenVersion()) {
            staleUpdates.inc();
            return;
        }
        boolean removed = update.kind() == PointUpdate.Kind.REMOVED;
        point.update(new PointState(state.writtenVersion(), update.version(), removed));
        if (removed) {
            out.collect(
                    onRemoved == OnRemoved.DELETE
                            ? QdrantWrite.delete(listingKey)
                            : QdrantWrite.active(listingKey, false));
        } else if (onRemoved == OnRemoved.DEACTIVATE && state.writtenVersion() < update.version()) {
            // Live again before its new version's embedding arrives (if it ever does).
            out.collect(QdrantWrite.active(listingKey, true));
        }
    }

    private PointState state() throws Exception {
        PointState state = point.value();
        return state == null ? PointState.NONE : state;
    }

    /** Every saved query's verdict, query ids in order. */
    private Map<String, String> verdictMap() throws Exception {
        Map<String, String> map = new TreeMap<>();
        for (Map.Entry<String, PointUpdate> e : verdicts.entries()) {
            map.put(e.getKey(), e.getValue().verdict());
        }
        return map;
    }
}
