package dk.dealfinder.udfs.inference;

import dk.dealfinder.core.model.ModelMode;
import dk.dealfinder.core.model.Verdict;
import dk.dealfinder.udfs.async.BatchRetries;
import dk.dealfinder.udfs.async.BatchingAsyncFunction;
import dk.dealfinder.udfs.classify.DanishMarkers;
import dk.dealfinder.udfs.classify.Judgement;
import dk.dealfinder.udfs.classify.ListingAttributes;
import dk.dealfinder.udfs.classify.LocalClassifier;
import dk.dealfinder.udfs.classify.Provider;
import dk.dealfinder.udfs.inference.llm.LlmClassifier;
import dk.dealfinder.udfs.inference.llm.PromptTemplate;
import dk.dealfinder.udfs.inference.triton.ClipClassifier;
import dk.dealfinder.udfs.match.QueryMatch;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.async.AsyncRetryStrategy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The job's classifier stage: batches matches inside Flink's async operator and routes each batch
 * through the {@link ModelRouter} (cache, local model, LLM, CLIP). Use with {@code
 * AsyncDataStream.unorderedWaitWithRetry(matches, new AsyncClassifier(settings), timeout, capacity,
 * AsyncClassifier.retries(...))} followed by {@link InferenceLog}.
 *
 * <p>A batch that fails or times out gets {@link Provider#FALLBACK} results (the Danish markers'
 * verdict, else IRRELEVANT with confidence 0) which {@link #retries} retries; after the last
 * attempt the fallback is emitted and logged, so a listing is never silently dropped.
 */
public class AsyncClassifier extends BatchingAsyncFunction<QueryMatch, Classification> {

    private static final Logger LOG = LoggerFactory.getLogger(AsyncClassifier.class);

    private final ClassifierSettings settings;
    private transient ModelRouter router;
    private transient List<AutoCloseable> resources;

    public AsyncClassifier(ClassifierSettings settings) {
        super(settings.batching());
        this.settings = settings;
    }

    /** Retries fallback results with exponential backoff from {@code initialBackoff}. */
    public static AsyncRetryStrategy<Classification> retries(
            int maxAttempts, Duration initialBackoff) {
        return BatchRetries.onFallback(maxAttempts, initialBackoff, Classification::isFallback);
    }

    @Override
    public void open(OpenContext openContext) throws Exception {
        super.open(openContext);
        LocalClassifier local = new LocalClassifier(settings.embedding().load(), settings.local());
        if (settings.labels() != null) {
            warmStart(local, settings.labels());
        }
        Map<ModelMode, RemoteClassifier> remotes = new EnumMap<>(ModelMode.class);
        RoutingMetrics metrics = new RoutingMetrics(getRuntimeContext().getMetricGroup());
        metrics.localEmbeddings(local::listingsEmbedded);
        if (settings.llm() != null) {
            LlmClassifier llm =
                    new LlmClassifier(settings.llm(), PromptTemplate.load(PromptTemplate.CURRENT));
            metrics.remoteCalls(Provider.LLM.id(), llm::requests, llm::failedRequests);
            remotes.put(ModelMode.LLM, llm);
        }
        if (settings.clip() != null) {
            ClipClassifier clip = new ClipClassifier(settings.clip(), Clock.systemUTC());
            if (!clip.ready()) {
                LOG.warn(
                        "Triton CLIP at {} is not ready; CLIP-mode queries use the local model"
                                + " until it is",
                        settings.clip().target());
            }
            remotes.put(ModelMode.CLIP, clip);
        }
        RoutingSettings routing = settings.routing();
        JudgementCache cache =
                routing.redisUri() == null
                        ? null
                        : new JudgementCache(
                                routing.redisUri(), "dealfinder:judgement:", routing.cacheTtl());
        resources = new java.util.ArrayList<>(remotes.values());
        if (cache != null) {
            resources.add(cache);
        }
        DailyBudget budget = budget(routing);
        resources.add(budget);
        router =
                new ModelRouter(local, remotes, cache, budget, routing, metrics, Clock.systemUTC());
    }

    /**
     * One budget for the whole job in Redis when it is configured; else (and while Redis is
     * unreachable) this subtask's share of it.
     */
    private DailyBudget budget(RoutingSettings routing) {
        int subtasks = getRuntimeContext().getTaskInfo().getNumberOfParallelSubtasks();
        DailyBudget share =
                new SubtaskBudget(routing.dailyBudgetUsd() / subtasks, Clock.systemUTC());
        return routing.redisUri() == null
                ? share
                : new SharedBudget(
                        routing.redisUri(),
                        SharedBudget.KEY_PREFIX,
                        routing.dailyBudgetUsd(),
                        share,
                        Clock.systemUTC());
    }

    /** Loads the stored labels into the kNN examples; a database problem only delays learning. */
    private void warmStart(LocalClassifier local, LabelStore store) {
        List<LabelRecord> labels;
        try {
            labels = store.recent(settings.local().examplesPerQuery());
        } catch (java.sql.SQLException e) {
            LOG.warn("could not read labelled examples, kNN starts empty: {}", e.toString());
            return;
        }
        local.learnAll(
                labels.stream().map(LabelRecord::queryId).toList(),
                labels.stream().map(LabelRecord::title).toList(),
                labels.stream().map(l -> Verdict.valueOf(l.verdict())).toList());
        LOG.info("kNN examples warm-started with {} labels", labels.size());
    }

    @Override
    protected List<Classification> processBatch(List<QueryMatch> batch) {
        return router.route(batch);
    }

    @Override
    protected Classification fallback(QueryMatch m, Throwable cause) {
        var marked =
                DanishMarkers.judge(
                        m.listing().title(), m.listing().description(), m.query().terms());
        Verdict verdict = marked.map(DanishMarkers.Marked::verdict).orElse(Verdict.IRRELEVANT);
        String reason =
                marked.map(DanishMarkers.Marked::reason)
                        .orElse("not classified in time; treated as irrelevant");
        Judgement j =
                Judgement.free(
                        verdict,
                        marked.isPresent() ? 0.9 : 0,
                        0,
                        ListingAttributes.NONE,
                        reason,
                        Provider.FALLBACK,
                        "none",
                        0);
        String why =
                cause instanceof java.util.concurrent.TimeoutException ? "timeout" : "batch-failed";
        return Classification.of(m, j, why, false, System.currentTimeMillis());
    }

    @Override
    public void close() throws Exception {
        super.close();
        if (resources != null) {
            for (AutoCloseable r : resources) {
                r.close();
            }
        }
    }
}
