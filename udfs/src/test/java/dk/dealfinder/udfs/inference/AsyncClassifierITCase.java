package dk.dealfinder.udfs.inference;

import static dk.dealfinder.udfs.Listings.listing;
import static dk.dealfinder.udfs.Listings.query;
import static org.assertj.core.api.Assertions.assertThat;

import dk.dealfinder.core.embedding.EmbeddingModelSpec;
import dk.dealfinder.core.model.ModelMode;
import dk.dealfinder.core.model.SavedQuery;
import dk.dealfinder.testkit.doubles.openai.OpenAiDouble;
import dk.dealfinder.udfs.async.BatchSettings;
import dk.dealfinder.udfs.classify.ClassifiedMatch;
import dk.dealfinder.udfs.classify.LocalSettings;
import dk.dealfinder.udfs.inference.llm.LlmPrices;
import dk.dealfinder.udfs.inference.llm.LlmSettings;
import dk.dealfinder.udfs.match.QueryMatch;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.datastream.AsyncDataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The classifier stage as the job wires it, on a MiniCluster without Kryo: batched async
 * classification, the LLM double for one query, the local model for another, and every decision on
 * the inference side output.
 */
class AsyncClassifierITCase {

    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(1)
                            .build());

    @Test
    void classifiesEveryMatchOnceAndLogsEveryDecision() throws Exception {
        SavedQuery phone = query("phone", "iPhone 13", 4000L, List.of());
        SavedQuery lego = query("lego", "Lego Technic 42100", null, List.of());
        List<QueryMatch> matches = new ArrayList<>();
        IntStream.range(0, 30)
                .forEach(
                        i ->
                                matches.add(
                                        new QueryMatch(
                                                listing("p" + i, "iPhone 13 nr " + i, 2000L),
                                                phone)));
        IntStream.range(0, 10)
                .forEach(
                        i ->
                                matches.add(
                                        new QueryMatch(
                                                listing(
                                                        "l" + i,
                                                        "Lego Technic 42100 nr " + i,
                                                        900L),
                                                lego)));
        // Over the phone query's max price: judged locally for the market estimate, never paid.
        IntStream.range(0, 5)
                .forEach(
                        i ->
                                matches.add(
                                        new QueryMatch(
                                                listing("o" + i, "iPhone 13 Pro nr " + i, 9000L),
                                                phone,
                                                false)));

        try (OpenAiDouble llm = OpenAiDouble.start(ListingVerdictResponder.honest())) {
            var settings =
                    new ClassifierSettings(
                            new BatchSettings(8, Duration.ofMillis(50), 2),
                            LocalSettings.defaults(0.55),
                            EmbeddingModelSpec.BUNDLED,
                            new RoutingSettings(
                                    Map.of("phone", ModelMode.LLM),
                                    ModelMode.LOCAL,
                                    0.75,
                                    400,
                                    5.0,
                                    null,
                                    Duration.ofDays(1)),
                            new LlmSettings(
                                    llm.baseUrl(),
                                    "gpt-4o-mini",
                                    "NO_SUCH_KEY_VARIABLE",
                                    20,
                                    Duration.ofSeconds(10),
                                    2,
                                    Duration.ofSeconds(5),
                                    new LlmPrices(0.15, 0.6)),
                            null,
                            null);
            StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
            env.configure(new Configuration().set(PipelineOptions.GENERIC_TYPES, false));
            env.setParallelism(1);
            SingleOutputStreamOperator<ClassifiedMatch> classified =
                    AsyncDataStream.unorderedWaitWithRetry(
                                    env.fromData(matches),
                                    new AsyncClassifier(settings),
                                    60,
                                    TimeUnit.SECONDS,
                                    100,
                                    AsyncClassifier.retries(3, Duration.ofMillis(100)))
                            .process(new InferenceLog());

            List<InferenceRecord> records = new ArrayList<>();
            classified
                    .getSideOutput(InferenceLog.INFERENCES)
                    .executeAndCollect()
                    .forEachRemaining(records::add);

            assertThat(records).hasSize(45);
            assertThat(records).extracting(InferenceRecord::listingKey).doesNotHaveDuplicates();
            assertThat(records)
                    .filteredOn(r -> r.queryId().equals("phone"))
                    .filteredOn(r -> !r.routingReason().equals("out-of-price-range"))
                    .hasSize(30)
                    .allSatisfy(r -> assertThat(r.provider()).isEqualTo("llm"));
            assertThat(records)
                    .filteredOn(r -> r.listingKey().contains(":o"))
                    .hasSize(5)
                    .allSatisfy(r -> assertThat(r.provider()).isIn("local", "rules"))
                    .allSatisfy(r -> assertThat(r.costUsd()).isZero());
            assertThat(records)
                    .filteredOn(r -> r.queryId().equals("lego"))
                    .allSatisfy(r -> assertThat(r.provider()).isIn("local", "rules"));
            // 30 phone listings in batches of at most 8: a handful of requests, not 30.
            assertThat(llm.requests()).hasSizeBetween(4, 8);
        }
    }
}
