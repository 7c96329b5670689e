package dk.dealfinder.udfs.rank;

import dk.dealfinder.core.model.DeadLetter;
import dk.dealfinder.core.model.Listing;
import dk.dealfinder.udfs.score.ScoredDeal;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.metrics.Counter;

/**
 * A deal seen after its digest window had closed ({@link DigestRanker#LATE}), as a dead letter
 * saying which query and listing version missed which digest, counted in {@code lateDigestDeals}.
 * Its instant alert is not affected: only the digest misses it.
 */
public class LateDigestDeals extends RichMapFunction<ScoredDeal, DeadLetter> {

    private transient Counter late;

    @Override
    public void open(OpenContext openContext) {
        late = getRuntimeContext().getMetricGroup().counter("lateDigestDeals");
    }

    @Override
    public DeadLetter map(ScoredDeal deal) {
        late.inc();
        Listing l = deal.match().listing();
        return DeadLetter.of(
                "digest",
                deal.match().query().id() + "/" + l.listingKey() + "@" + l.version(),
                "seen after its digest window had closed, so it is not in that digest",
                l.title(),
                l.fetchedAt());
    }
}
