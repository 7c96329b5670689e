package dk.dealfinder.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.dealfinder.core.model.RawListing;
import dk.dealfinder.core.model.SavedQuery;
import dk.dealfinder.core.model.Verdict;
import dk.dealfinder.testkit.SharedPostgres;
import dk.dealfinder.testkit.doubles.openai.OpenAiDouble;
import dk.dealfinder.testkit.doubles.openai.RecordedChat;
import dk.dealfinder.testkit.marketplace.DecoyKind;
import dk.dealfinder.testkit.marketplace.LocalMarketplace;
import dk.dealfinder.testkit.marketplace.MarketListing;
import dk.dealfinder.testkit.marketplace.MarketplaceOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Issue 4: the share of classification decisions made without a cloud call when the job runs in
 * AUTO mode (local model first, the LLM only when unsure or for long texts) over the
 * LocalMarketplace catalogue, decoys included, once each, and how often those local decisions are
 * right. The LLM is the OpenAI double answering with the ground truth (a model that is always
 * right, so the local kNN learns true labels from it) and there is no answer cache, so every cloud
 * decision is a request. The shares and verdicts come from the job's own {@code model_inferences}
 * table. There is no same-run baseline: LLM-only mode would put the share at 0.
 *
 * <p>Ground truth, from what the generator made each ad ({@link MarketListing#kind()}): an ad is
 * the item a saved query searches for when every word of the query is a word of its title (the
 * generator names the product in every title; the matcher's loose term filter lets e.g. "str. 58"
 * through for "PlayStation 5"). Of the right item, genuine, overpriced and reposted ads are
 * RELEVANT, accessories ACCESSORY, broken ones BROKEN, wanted ads WANTED_AD, swaps SWAP, and parts
 * or toys ACCESSORY or IRRELEVANT; an ad of another item is right with any verdict but RELEVANT.
 */
final class LocalShareBench {

    private static final ObjectMapper JSON = new ObjectMapper();

    private LocalShareBench() {}

    static void run(Results results) throws Exception {
        try (BenchServices services =
                new BenchServices(LocalMarketplace.start(MarketplaceOptions.defaults()))) {
            services.save(Workload.QUERIES);
            List<MarketListing> catalogue = services.marketplace.catalogue().all();
            try (OpenAiDouble llm = OpenAiDouble.start(new TruthfulLlm(catalogue))) {
                List<RawListing> raw =
                        Workload.rawListings(
                                catalogue,
                                services.marketplace.baseUrl().toString(),
                                catalogue.size());
                var config =
                        services.config("30s")
                                .section(
                                        "classifier",
                                        "{routing: {defaultMode: AUTO}, llm: {baseUrl: \""
                                                + llm.baseUrl()
                                                + "\"}}")
                                .config();
                ThroughputBench.pipelineThroughput(services, config, raw);
                report(results, services.pgUrl, catalogue, raw.size(), llm.requests().size());
            }
        }
    }

    private static void report(
            Results results, String pgUrl, List<MarketListing> catalogue, int listings, int chats)
            throws SQLException {
        long[] decisions = decisions(pgUrl);
        long[] matched = listingsWithoutCloud(pgUrl);
        Accuracy local = accuracy(pgUrl, catalogue, "provider <> 'llm'");
        Accuracy all = accuracy(pgUrl, catalogue, "true");
        results.add(
                "local share",
                "decisions (query, listing) made without a cloud call",
                100.0 * (decisions[0] - decisions[1]) / Math.max(1, decisions[0]),
                "%",
                String.format(
                        "%d catalogue listings, %d saved queries, AUTO mode, no answer cache,"
                                + " LLM double answers the ground truth; %d of %d decisions by the"
                                + " LLM (%d chat requests to the double; why: %s); target >= 95 %%",
                        listings,
                        Workload.QUERIES.size(),
                        decisions[1],
                        decisions[0],
                        chats,
                        cloudReasons(pgUrl)));
        results.add(
                "local share",
                "matched listings with no cloud call at all",
                100.0 * matched[1] / Math.max(1, matched[0]),
                "%",
                matched[1] + " of " + matched[0] + " listings that matched a query");
        results.add(
                "local share",
                "local decisions with the right verdict",
                local.verdictPercent(),
                "%",
                local.right()
                        + " of "
                        + local.decisions()
                        + " (rules and local model); wrong: "
                        + local.mistakes());
        results.add(
                "local share",
                "local decisions right about relevance",
                local.relevancePercent(),
                "%",
                "RELEVANT or not, as the ground truth says: what decides an alert");
        results.add(
                "local share",
                "all decisions with the right verdict",
                all.verdictPercent(),
                "%",
                all.right() + " of " + all.decisions() + ", the LLM's included");
    }

    /** How many decisions got the ground truth's verdict, and which mistakes the rest made. */
    record Accuracy(long decisions, long right, long relevanceRight, Map<String, Long> wrong) {

        double verdictPercent() {
            return 100.0 * right / Math.max(1, decisions);
        }

        double relevancePercent() {
            return 100.0 * relevanceRight / Math.max(1, decisions);
        }

        /** E.g. {@code GENUINE->ACCESSORY 3, BROKEN->RELEVANT 1}, most frequent first. */
        String mistakes() {
            if (wrong.isEmpty()) {
                return "none";
            }
            return wrong.entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                    .map(e -> e.getKey() + " " + e.getValue())
                    .collect(Collectors.joining(", "));
        }
    }

    /** Scores the decisions that satisfy the SQL condition {@code where} against the truth. */
    private static Accuracy accuracy(String pgUrl, List<MarketListing> catalogue, String where)
            throws SQLException {
        Map<String, MarketListing> byKey = new HashMap<>();
        catalogue.forEach(m -> byKey.put("dba.dk:" + m.id(), m));
        Map<String, String> terms =
                Workload.QUERIES.stream()
                        .collect(Collectors.toMap(SavedQuery::id, SavedQuery::terms));
        long[] tally = new long[3];
        Map<String, Long> wrong = new TreeMap<>();
        forEachRow(
                pgUrl,
                "SELECT query_id, listing_key, verdict FROM model_inferences WHERE " + where,
                r -> {
                    MarketListing truth = byKey.get(r.getString(2));
                    if (truth == null) {
                        return;
                    }
                    String query = terms.get(r.getString(1));
                    Verdict verdict = Verdict.valueOf(r.getString(3));
                    boolean isRight = GroundTruth.accepts(truth, query, verdict);
                    boolean relevant = GroundTruth.expected(truth, query) == Verdict.RELEVANT;
                    tally[0]++;
                    tally[1] += isRight ? 1 : 0;
                    tally[2] += relevant == (verdict == Verdict.RELEVANT) ? 1 : 0;
                    if (!isRight) {
                        String item = GroundTruth.isTheItem(truth.title(), query) ? "" : " (other)";
                        wrong.merge(truth.kind() + item + "->" + verdict, 1L, Long::sum);
                    }
                });
        return new Accuracy(tally[0], tally[1], tally[2], wrong);
    }

    /** What the generator made each ad, as a verdict for one saved query. */
    static final class GroundTruth {

        private GroundTruth() {}

        /** Whether every word of the query is a word of the title. */
        static boolean isTheItem(String title, String queryTerms) {
            Set<String> words = new HashSet<>(Arrays.asList(words(title)));
            return Arrays.stream(words(queryTerms)).allMatch(words::contains);
        }

        /** The verdict a perfect classifier gives ({@code IRRELEVANT} for parts and toys). */
        static Verdict expected(MarketListing ad, String queryTerms) {
            if (!isTheItem(ad.title(), queryTerms)) {
                return Verdict.IRRELEVANT;
            }
            return switch (ad.kind()) {
                case GENUINE, OVERPRICED, REPOST -> Verdict.RELEVANT;
                case ACCESSORY -> Verdict.ACCESSORY;
                case BROKEN -> Verdict.BROKEN;
                case WANTED -> Verdict.WANTED_AD;
                case SWAP -> Verdict.SWAP;
                case PART_OR_TOY -> Verdict.IRRELEVANT;
            };
        }

        static boolean accepts(MarketListing ad, String queryTerms, Verdict verdict) {
            if (!isTheItem(ad.title(), queryTerms)) {
                return verdict != Verdict.RELEVANT;
            }
            return verdict == expected(ad, queryTerms)
                    || (ad.kind() == DecoyKind.PART_OR_TOY && verdict == Verdict.ACCESSORY);
        }

        private static String[] words(String text) {
            return Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
                    .filter(w -> !w.isEmpty())
                    .toArray(String[]::new);
        }
    }

    /**
     * The "model" behind the OpenAI double here: answers every listing of our prompt with its
     * ground-truth verdict, found by the ad's title and description.
     */
    static final class TruthfulLlm implements Function<RecordedChat, String> {

        private final Map<String, MarketListing> byText = new HashMap<>();

        TruthfulLlm(List<MarketListing> catalogue) {
            catalogue.forEach(m -> byText.putIfAbsent(textKey(m.title(), m.description()), m));
        }

        @Override
        public String apply(RecordedChat chat) {
            String text = chat.userText();
            ObjectNode root = JSON.createObjectNode();
            var answers = root.putArray("results");
            try {
                for (JsonNode listing :
                        JSON.readTree(text.substring(text.lastIndexOf("\n[") + 1))) {
                    MarketListing ad =
                            byText.get(
                                    textKey(
                                            listing.path("title").asText(),
                                            listing.path("description").asText()));
                    Verdict verdict =
                            ad == null
                                    ? Verdict.IRRELEVANT
                                    : GroundTruth.expected(ad, listing.path("search").asText());
                    answers.addObject()
                            .put("id", listing.path("id").asText())
                            .put("verdict", verdict.name())
                            .put("confidence", 0.95)
                            .put("brand", "")
                            .put("model", "")
                            .put("storage", "")
                            .put("size", "")
                            .put("condition", "")
                            .put("reason", "the ground truth");
                }
                return JSON.writeValueAsString(root);
            } catch (IOException | IndexOutOfBoundsException e) {
                throw new UncheckedIOException(
                        new IOException("no listing array in the prompt", e));
            }
        }

        private static String textKey(String title, String description) {
            return title.strip() + "\n" + description.strip();
        }
    }

    /** All decisions and those the LLM made. */
    private static long[] decisions(String pgUrl) throws SQLException {
        return counts(
                pgUrl,
                "SELECT count(*), count(*) FILTER (WHERE provider = 'llm') FROM model_inferences");
    }

    /** Listings with any decision, and those none of whose decisions the LLM made. */
    private static long[] listingsWithoutCloud(String pgUrl) throws SQLException {
        return counts(
                pgUrl,
                "SELECT count(*), count(*) FILTER (WHERE NOT cloud) FROM (SELECT listing_key,"
                        + " bool_or(provider = 'llm') AS cloud FROM model_inferences"
                        + " GROUP BY listing_key) AS l");
    }

    /** Why the router asked the LLM, e.g. {@code uncertain 40, long-text 10}. */
    private static String cloudReasons(String pgUrl) throws SQLException {
        StringBuilder out = new StringBuilder();
        forEachRow(
                pgUrl,
                "SELECT routing_reason, count(*) FROM model_inferences WHERE provider = 'llm'"
                        + " GROUP BY routing_reason ORDER BY 2 DESC",
                r ->
                        out.append(out.length() == 0 ? "" : ", ")
                                .append(r.getString(1))
                                .append(' ')
                                .append(r.getLong(2)));
        return out.toString();
    }

    private static long[] counts(String pgUrl, String sql) throws SQLException {
        long[] out = new long[2];
        forEachRow(
                pgUrl,
                sql,
                r -> {
                    out[0] = r.getLong(1);
                    out[1] = r.getLong(2);
                });
        return out;
    }

    /** Reads one row of a result. */
    @FunctionalInterface
    private interface RowReader {
        void read(ResultSet row) throws SQLException;
    }

    private static void forEachRow(String pgUrl, String sql, RowReader reader) throws SQLException {
        try (Connection c = DriverManager.getConnection(pgUrl, SharedPostgres.user(), "");
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                reader.read(r);
            }
        }
    }
}
