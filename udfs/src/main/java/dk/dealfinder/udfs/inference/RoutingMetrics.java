package dk.dealfinder.udfs.inference;

import dk.dealfinder.udfs.classify.Provider;
import java.util.EnumMap;
import java.util.Map;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Histogram;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.runtime.metrics.DescriptiveStatisticsHistogram;

/**
 * The classifier's metrics: decisions and latency per provider, the share decided without a paid
 * call, cache hits and misses, budget refusals, remote failures and the money spent. (Batch sizes
 * are the batching function's; LLM requests and failed requests are gauges of the LLM client.)
 */
public final class RoutingMetrics {

    private static final int LATENCY_WINDOW = 1000;

    private final Map<Provider, Counter> decisions = new EnumMap<>(Provider.class);
    private final Map<Provider, Histogram> latencies = new EnumMap<>(Provider.class);
    private final Counter cacheHits;
    private final Counter cacheMisses;
    private final Counter budgetRefusals;
    private final Counter remoteFallbacks;
    private final Counter costMicroUsd;
    private volatile long total;
    private volatile long local;
    private final MetricGroup group;

    public RoutingMetrics(MetricGroup group) {
        MetricGroup g = group.addGroup("classifier");
        this.group = g;
        for (Provider p : Provider.values()) {
            MetricGroup provider = g.addGroup("provider", p.id());
            decisions.put(p, provider.counter("decisions"));
            latencies.put(
                    p,
                    provider.histogram(
                            "latencyMs", new DescriptiveStatisticsHistogram(LATENCY_WINDOW)));
        }
        cacheHits = g.counter("cacheHits");
        cacheMisses = g.counter("cacheMisses");
        budgetRefusals = g.counter("budgetRefusals");
        remoteFallbacks = g.counter("remoteFallbacks");
        costMicroUsd = g.counter("costMicroUsd");
        g.gauge("localShare", () -> total == 0 ? 1.0 : (double) local / total);
    }

    synchronized void decided(Provider provider, boolean cacheHit, double costUsd, long latencyMs) {
        decisions.get(provider).inc();
        if (!cacheHit) {
            latencies.get(provider).update(latencyMs);
        }
        total++;
        if (provider == Provider.RULES || provider == Provider.LOCAL || cacheHit) {
            local++;
        }
        costMicroUsd.inc(Math.round(costUsd * 1_000_000));
    }

    void cacheLookups(int hits, int misses) {
        cacheHits.inc(hits);
        cacheMisses.inc(misses);
    }

    /** Exposes a remote classifier's call counts. */
    void remoteCalls(
            String provider,
            java.util.function.LongSupplier calls,
            java.util.function.LongSupplier failed) {
        MetricGroup g = group.addGroup("provider", provider);
        g.gauge("requests", calls::getAsLong);
        g.gauge("failedRequests", failed::getAsLong);
    }

    /**
     * Exposes how many listings the local classifier embedded itself: 0 while every match carries
     * its listing's vector from the embedder.
     */
    void localEmbeddings(java.util.function.LongSupplier embedded) {
        group.gauge("listingsEmbedded", embedded::getAsLong);
    }

    void budgetRefused() {
        budgetRefusals.inc();
    }

    void remoteFellBack() {
        remoteFallbacks.inc();
    }

    public long decisions(Provider provider) {
        return decisions.get(provider).getCount();
    }

    public long cacheHits() {
        return cacheHits.getCount();
    }

    public long budgetRefusals() {
        return budgetRefusals.getCount();
    }
}
