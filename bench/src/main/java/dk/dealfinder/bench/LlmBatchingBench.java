package dk.dealfinder.bench;

import dk.dealfinder.core.model.Listing;
import dk.dealfinder.core.model.SavedQuery;
import dk.dealfinder.testkit.doubles.openai.OpenAiDouble;
import dk.dealfinder.testkit.marketplace.LocalMarketplace;
import dk.dealfinder.testkit.marketplace.MarketListing;
import dk.dealfinder.testkit.marketplace.MarketplaceOptions;
import dk.dealfinder.udfs.classify.Judgement;
import dk.dealfinder.udfs.inference.llm.LlmClassifier;
import dk.dealfinder.udfs.inference.llm.LlmPrices;
import dk.dealfinder.udfs.inference.llm.LlmSettings;
import dk.dealfinder.udfs.inference.llm.PromptTemplate;
import dk.dealfinder.udfs.match.QueryMatch;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Issue 4, LLM path: the cloud classifier asking about up to {@code listingsPerPrompt} listings of
 * one saved query per chat request, against the same classifier asking about one listing per
 * request (what a per-row {@code ML_PREDICT} does), against the OpenAI double with a fixed latency.
 * Both get the same stream of matches in the job's batch shape (batches of 32 in arrival order, the
 * saved queries mixed) on the same number of worker threads, so the same concurrency limit.
 */
final class LlmBatchingBench {

    private static final Duration LATENCY = Duration.ofMillis(200);
    private static final int LISTINGS_PER_PROMPT = 20;
    private static final int BATCH = 32;
    private static final int CONCURRENCY = 2;
    private static final LlmPrices PRICES = new LlmPrices(0.15, 0.60);

    private LlmBatchingBench() {}

    static void run(Results results, int listings) throws Exception {
        List<QueryMatch> matches;
        try (LocalMarketplace marketplace = LocalMarketplace.start(MarketplaceOptions.defaults())) {
            matches = matches(marketplace.catalogue().all(), listings);
        }
        long queries = matches.stream().map(m -> m.query().id()).distinct().count();
        try (OpenAiDouble llm = OpenAiDouble.start(new VerdictScript())) {
            llm.setLatency(LATENCY);
            classify(llm, LISTINGS_PER_PROMPT, matches.subList(0, Math.min(64, listings)));
            Run batched = classify(llm, LISTINGS_PER_PROMPT, matches);
            Run single = classify(llm, 1, matches);
            Run grouped = classify(llm, LISTINGS_PER_PROMPT, groupedByQuery(matches));
            String note =
                    String.format(
                            "%d listings, %d saved queries (one per catalogue category) mixed in"
                                    + " batches of %d; %d worker threads; double latency %d ms;"
                                    + " answered %d vs %d; baseline: listingsPerPrompt 1",
                            listings,
                            queries,
                            BATCH,
                            CONCURRENCY,
                            LATENCY.toMillis(),
                            batched.answered,
                            single.answered);
            double per1000 = 1000.0 / listings;
            results.add(
                    "llm batching",
                    "chat requests per 1,000 listings",
                    batched.requests * per1000,
                    "requests",
                    single.requests * per1000,
                    note + "; target >= 10x fewer");
            results.add(
                    "llm batching",
                    "tokens per 1,000 listings",
                    batched.tokens * per1000,
                    "tokens",
                    single.tokens * per1000,
                    "same runs; input + output, the double's estimate (4 chars a token), summed"
                            + " from each listing's share (rounded down)");
            results.add(
                    "llm batching",
                    "cost per 1,000 listings",
                    batched.costUsd * per1000 * 100,
                    "US cents",
                    single.costUsd * per1000 * 100,
                    "same runs; at 0.15 / 0.60 USD per million input / output tokens");
            results.add(
                    "llm batching",
                    "throughput, " + LISTINGS_PER_PROMPT + " listings per prompt",
                    batched.listingsPerSecond,
                    "listings/s",
                    single.listingsPerSecond,
                    "same runs; target >= 5x");
            reportGrouped(results, grouped, single, per1000);
        }
    }

    /** The same matches sorted by saved query first: what batching per query would give. */
    private static void reportGrouped(Results results, Run grouped, Run single, double per1000) {
        results.add(
                "llm batching",
                "chat requests per 1,000 listings, matches grouped by query",
                grouped.requests * per1000,
                "requests",
                single.requests * per1000,
                "the same matches sorted by saved query before batching (the job's async"
                        + " classifier is not keyed by query, so the mixed figure is what it"
                        + " gets today); baseline as above");
        results.add(
                "llm batching",
                "throughput, matches grouped by query",
                grouped.listingsPerSecond,
                "listings/s",
                single.listingsPerSecond,
                "same runs");
    }

    private record Run(
            long requests, long tokens, double costUsd, int answered, double listingsPerSecond) {}

    private static Run classify(OpenAiDouble llm, int perPrompt, List<QueryMatch> matches)
            throws Exception {
        int before = llm.requests().size();
        LlmClassifier classifier =
                new LlmClassifier(
                        new LlmSettings(
                                llm.baseUrl(),
                                "gpt-4o-mini",
                                "DEALFINDER_BENCH_NO_KEY",
                                perPrompt,
                                Duration.ofSeconds(30),
                                1,
                                Duration.ofSeconds(1),
                                PRICES),
                        PromptTemplate.load(PromptTemplate.CURRENT));
        ExecutorService workers = Executors.newFixedThreadPool(CONCURRENCY);
        long start = System.nanoTime();
        try {
            List<Future<List<Optional<Judgement>>>> batches = new ArrayList<>();
            for (int i = 0; i < matches.size(); i += BATCH) {
                List<QueryMatch> batch = matches.subList(i, Math.min(matches.size(), i + BATCH));
                batches.add(workers.submit(() -> classifier.classifyAll(batch)));
            }
            long tokens = 0;
            double cost = 0;
            int answered = 0;
            for (Future<List<Optional<Judgement>>> batch : batches) {
                for (Optional<Judgement> j : batch.get()) {
                    if (j.isPresent()) {
                        answered++;
                        tokens += j.get().inputTokens() + j.get().outputTokens();
                        cost += j.get().costUsd();
                    }
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            return new Run(
                    llm.requests().size() - before,
                    tokens,
                    cost,
                    answered,
                    matches.size() / seconds);
        } finally {
            workers.shutdownNow();
            classifier.close();
        }
    }

    private static List<QueryMatch> groupedByQuery(List<QueryMatch> matches) {
        List<QueryMatch> sorted = new ArrayList<>(matches);
        sorted.sort(Comparator.comparing(m -> m.query().id()));
        return sorted;
    }

    /** Each listing matched to the saved query of its catalogue category, in catalogue order. */
    private static List<QueryMatch> matches(List<MarketListing> catalogue, int n) {
        Map<String, SavedQuery> byCategory = new LinkedHashMap<>();
        List<Listing> listings = Workload.listings(catalogue, n);
        List<QueryMatch> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String category = catalogue.get(i % catalogue.size()).category();
            SavedQuery query =
                    byCategory.computeIfAbsent(
                            category,
                            c ->
                                    new SavedQuery(
                                            "bench-" + byCategory.size(),
                                            c,
                                            c,
                                            SavedQuery.DEFAULT_SITE,
                                            null,
                                            null,
                                            List.of(),
                                            List.of(),
                                            SavedQuery.DEFAULT_ALERT_THRESHOLD,
                                            true));
            out.add(new QueryMatch(listings.get(i), query));
        }
        return out;
    }
}
