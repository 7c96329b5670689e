package dk.dealfinder.udfs.rank;

import dk.dealfinder.udfs.score.ScoredDeal;
import java.time.Duration;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Keyed by (query, listing) ({@link ScoredDeal#pairKey()}), lets through one alert per real event:
 * the first alert-worthy version of a listing ({@link ScoredDeal#alertWorthy()}: over the query's
 * threshold and priced under the market), and later only a version whose price dropped for real
 * under the lowest price alerted so far ({@link AlertPolicy}). Edits, price rises, relists at the
 * same price and replays of versions already alerted on pass nothing, and neither does anything for
 * a query whose owner turned instant alerts off (its deals still reach the digest).
 */
public class AlertGate extends KeyedProcessFunction<String, ScoredDeal, ScoredDeal> {

    private final AlertPolicy policy;
    private transient ValueState<Alerted> alerted;
    private transient Counter passed;
    private transient Counter suppressed;

    public AlertGate(AlertPolicy policy) {
        this.policy = policy;
    }

    @Override
    public void open(OpenContext openContext) {
        ValueStateDescriptor<Alerted> descriptor =
                new ValueStateDescriptor<>("alerted", Alerted.class);
        descriptor.enableTimeToLive(
                StateTtlConfig.newBuilder(Duration.ofMillis(policy.memoryMillis())).build());
        alerted = getRuntimeContext().getState(descriptor);
        passed = getRuntimeContext().getMetricGroup().counter("alertsPassed");
        suppressed = getRuntimeContext().getMetricGroup().counter("alertsSuppressed");
    }

    @Override
    public void processElement(ScoredDeal deal, Context ctx, Collector<ScoredDeal> out)
            throws Exception {
        if (!deal.alertWorthy() || !deal.match().query().instantAlerts()) {
            return;
        }
        int version = deal.match().listing().version();
        Long price = deal.match().listing().price();
        Alerted last = alerted.value();
        if (last != null && !isNewEvent(last, version, price)) {
            suppressed.inc();
            return;
        }
        alerted.update(new Alerted(version, lowest(last, price)));
        passed.inc();
        out.collect(deal);
    }

    private boolean isNewEvent(Alerted last, int version, Long price) {
        return version > last.version()
                && price != null
                && last.lowestPrice() != null
                && policy.isRealDrop(last.lowestPrice(), price);
    }

    private static Long lowest(Alerted last, Long price) {
        if (last == null || last.lowestPrice() == null) {
            return price;
        }
        return price == null ? last.lowestPrice() : Math.min(last.lowestPrice(), price);
    }

    /**
     * What is remembered per (query, listing).
     *
     * @param version the last version alerted on
     * @param lowestPrice the lowest price alerted on, null when none was stated
     */
    public record Alerted(int version, Long lowestPrice) {}
}
