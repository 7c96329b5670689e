package dk.dealfinder.udfs.score;

import dk.dealfinder.core.model.ChangeKind;
import dk.dealfinder.core.model.ListingChange;
import dk.dealfinder.core.model.Verdict;
import dk.dealfinder.core.text.DanishPrices;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Keyed by listing key, joins each scored deal with the change that made its listing version, so a
 * deal on a price drop says what the price was before ("price dropped 20 % from 3.000 kr.", or for
 * a cheaper repost "reposted 20 % under the 3.000 kr. it was offered at before"). The deal travels
 * through matching and classification apart from its change, so either may come first: a deal whose
 * change has not arrived yet waits for it in state. Every listing version that reaches the matcher
 * comes from a change, so no deal waits for ever; both memories expire anyway.
 */
public class PriceDropExplainer
        extends KeyedCoProcessFunction<String, ScoredDeal, ListingChange, ScoredDeal> {

    private final Duration memory;
    private transient MapState<Integer, String> notes;
    private transient ListState<ScoredDeal> waiting;

    /**
     * @param memory how long a version's note and a deal waiting for it are kept
     */
    public PriceDropExplainer(Duration memory) {
        this.memory = memory;
    }

    @Override
    public void open(OpenContext openContext) {
        StateTtlConfig ttl = StateTtlConfig.newBuilder(memory).build();
        MapStateDescriptor<Integer, String> notesDescriptor =
                new MapStateDescriptor<>("price-notes", Types.INT, Types.STRING);
        notesDescriptor.enableTimeToLive(ttl);
        notes = getRuntimeContext().getMapState(notesDescriptor);
        ListStateDescriptor<ScoredDeal> waitingDescriptor =
                new ListStateDescriptor<>("deals-waiting-for-change", ScoredDeal.class);
        waitingDescriptor.enableTimeToLive(ttl);
        waiting = getRuntimeContext().getListState(waitingDescriptor);
    }

    @Override
    public void processElement1(ScoredDeal deal, Context ctx, Collector<ScoredDeal> out)
            throws Exception {
        String note = notes.get(deal.match().listing().version());
        if (note == null) {
            waiting.add(deal);
        } else {
            out.collect(explained(deal, note));
        }
    }

    @Override
    public void processElement2(ListingChange change, Context ctx, Collector<ScoredDeal> out)
            throws Exception {
        int version = change.listing().version();
        String note = noteOf(change);
        notes.put(version, note);
        List<ScoredDeal> still = new ArrayList<>();
        for (ScoredDeal deal : waiting.get()) {
            if (deal.match().listing().version() == version) {
                out.collect(explained(deal, note));
            } else {
                still.add(deal);
            }
        }
        waiting.update(still);
    }

    /**
     * What a change says about the price before it; empty unless it is a drop. A drop at version 1
     * can only be a repost under a new id, since a listing's own drops come at later versions.
     */
    static String noteOf(ListingChange change) {
        long drop = change.priceDrop();
        if (change.kind() != ChangeKind.PRICE_DROP || drop <= 0) {
            return "";
        }
        long percent = Math.round(change.priceDropPercent());
        String before = DanishPrices.format(change.previousPrice());
        if (change.listing().version() == 1) {
            return "reposted " + percent + " % under the " + before + " it was offered at before";
        }
        return "price dropped " + percent + " % from " + before;
    }

    private static ScoredDeal explained(ScoredDeal deal, String note) {
        if (note.isEmpty() || deal.match().verdict() != Verdict.RELEVANT) {
            return deal;
        }
        return deal.withPriceNote(note);
    }
}
