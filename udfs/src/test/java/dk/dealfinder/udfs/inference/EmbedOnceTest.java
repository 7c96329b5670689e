package dk.dealfinder.udfs.inference;

import static dk.dealfinder.udfs.Listings.listing;
import static dk.dealfinder.udfs.Listings.query;
import static org.assertj.core.api.Assertions.assertThat;

import dk.dealfinder.core.embedding.TextEmbedder;
import dk.dealfinder.core.model.EmbeddedListing;
import dk.dealfinder.core.model.Listing;
import dk.dealfinder.core.model.ModelMode;
import dk.dealfinder.core.model.SavedQuery;
import dk.dealfinder.core.model.SavedQuerySnapshot;
import dk.dealfinder.testkit.doubles.openai.OpenAiDouble;
import dk.dealfinder.udfs.CountingEmbeddingModel;
import dk.dealfinder.udfs.classify.LocalClassifier;
import dk.dealfinder.udfs.classify.LocalSettings;
import dk.dealfinder.udfs.embed.ListingEmbedder;
import dk.dealfinder.udfs.match.QueryMatch;
import dk.dealfinder.udfs.match.QueryMatcher;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Each listing version's title is embedded once, by the embedder: the matcher hands its vector to
 * every saved query the listing matches, and the local classifier judges and learns from it without
 * embedding the title again. A counting model records every text embedded.
 */
class EmbedOnceTest {

    private static final List<SavedQuery> QUERIES =
            List.of(
                    query("phone", "iPhone", null, List.of()),
                    query("phone13", "iPhone 13", null, List.of()),
                    query("apple", "Apple iPhone", null, List.of()));

    private static final List<Listing> LISTINGS =
            List.of(
                    listing("1", "Apple iPhone 13 128GB sort", 2500L),
                    listing("2", "iPhone 13 mini 256GB", 2800L),
                    listing("3", "Flot iPhone 12 Pro", 3000L));

    /** Texts the local classifier embeds per saved query: its terms in each title template. */
    private static final int QUERY_TEXTS = 6;

    private final CountingEmbeddingModel model = new CountingEmbeddingModel();
    private final TextEmbedder embedder = TextEmbedder.of(model, "all-minilm-l6-v2-q");
    private final OpenAiDouble llmDouble = OpenAiDouble.start(ListingVerdictResponder.honest());

    @AfterEach
    void stop() {
        llmDouble.close();
    }

    @Test
    void theClassifierJudgesAndLearnsFromTheEmbeddersVectorForEveryQuery() throws Exception {
        LocalClassifier local = new LocalClassifier(embedder, new LocalSettings(0.55, 1, 1, 100));
        int prototypeTexts = model.texts().size();

        List<QueryMatch> matches = matched(ListingEmbedder.embedAll(embedder, LISTINGS));
        assertThat(matches).hasSize(LISTINGS.size() * QUERIES.size());
        // AUTO with every model verdict "uncertain": the LLM answers what the rules do not
        // decide, and the local model learns each answer as a labelled example.
        List<Classification> out = router(local).route(matches);

        assertThat(out).hasSize(matches.size());
        assertThat(out).anySatisfy(c -> assertThat(c.inference().provider()).isEqualTo("llm"));
        assertThat(local.examplesOf("phone")).isPositive();
        for (Listing l : LISTINGS) {
            assertThat(model.timesEmbedded(l.title())).as(l.title()).isEqualTo(1);
        }
        assertThat(model.texts().subList(prototypeTexts, model.texts().size()))
                .as("after the prototypes: the three titles once, then each query once")
                .hasSize(LISTINGS.size() + QUERIES.size() * QUERY_TEXTS);
        assertThat(local.listingsEmbedded()).isZero();
    }

    @Test
    void aMatchWithoutAVectorIsEmbeddedByTheClassifier() throws Exception {
        LocalClassifier local = new LocalClassifier(embedder, new LocalSettings(0.55, 1, 1, 100));
        List<EmbeddedListing> unembedded =
                LISTINGS.stream().map(ListingEmbedder::notEmbedded).toList();

        local.classifyAll(matched(unembedded));

        // Without the embedder's vector, every match costs the model a title: the work embedding
        // once saves.
        assertThat(model.timesEmbedded(LISTINGS.get(0).title())).isEqualTo(QUERIES.size());
        assertThat(local.listingsEmbedded()).isEqualTo(LISTINGS.size() * QUERIES.size());
    }

    @Test
    void aVectorOfAnotherModelIsNotReused() {
        LocalClassifier local = new LocalClassifier(embedder, new LocalSettings(0.55, 1, 1, 100));
        Listing l = LISTINGS.get(0);
        var other = new EmbeddedListing(l, embedder.embed(l.title()), "another-model");

        local.classifyAll(List.of(new QueryMatch(other, QUERIES.get(0), true)));

        assertThat(model.timesEmbedded(l.title())).isEqualTo(2);
        assertThat(local.listingsEmbedded()).isEqualTo(1);
    }

    /** The listings through the real matcher, with every query. */
    private static List<QueryMatch> matched(List<EmbeddedListing> listings) throws Exception {
        try (var h =
                ProcessFunctionTestHarnesses.forBroadcastProcessFunction(
                        new QueryMatcher(), QueryMatcher.QUERIES)) {
            h.processBroadcastElement(new SavedQuerySnapshot(1, QUERIES), 1);
            for (EmbeddedListing e : listings) {
                h.processElement(e, 10);
            }
            return h.extractOutputValues();
        }
    }

    private ModelRouter router(LocalClassifier local) {
        var llm = DoubleLlm.classifier(llmDouble);
        return new ModelRouter(
                local,
                Map.of(ModelMode.LLM, llm),
                null,
                new SubtaskBudget(10, Clock.systemUTC()),
                new RoutingSettings(
                        Map.of(), ModelMode.AUTO, 0.99, 400, 10, null, Duration.ofHours(1)),
                new RoutingMetrics(new UnregisteredMetricsGroup()),
                Clock.systemUTC());
    }
}
