package dk.dealfinder.udfs.inference;

import static dk.dealfinder.udfs.Listings.listing;
import static dk.dealfinder.udfs.Listings.query;
import static org.assertj.core.api.Assertions.assertThat;

import dk.dealfinder.core.embedding.TextEmbedder;
import dk.dealfinder.core.model.ModelMode;
import dk.dealfinder.core.model.SavedQuery;
import dk.dealfinder.core.model.Verdict;
import dk.dealfinder.testkit.SharedRedis;
import dk.dealfinder.testkit.doubles.openai.OpenAiDouble;
import dk.dealfinder.testkit.doubles.openai.OpenAiFault;
import dk.dealfinder.udfs.classify.LocalClassifier;
import dk.dealfinder.udfs.classify.LocalSettings;
import dk.dealfinder.udfs.embed.ListingEmbedder;
import dk.dealfinder.udfs.inference.llm.LlmClassifier;
import dk.dealfinder.udfs.match.QueryMatch;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Routing with the real local model, real Redis and the OpenAI-compatible double. */
class ModelRouterTest {

    private static final SavedQuery PHONE = query("phone", "iPhone 13", 4000L, List.of());

    private final OpenAiDouble llmDouble = OpenAiDouble.start(ListingVerdictResponder.honest());
    private final JudgementCache cache =
            new JudgementCache(
                    SharedRedis.uri(), "test:" + UUID.randomUUID() + ":", Duration.ofHours(1));
    private final LocalClassifier local =
            new LocalClassifier(TextEmbedder.shared(), new LocalSettings(0.55, 3, 1, 100));
    private final RoutingMetrics metrics = new RoutingMetrics(new UnregisteredMetricsGroup());
    private final LlmClassifier llm = DoubleLlm.classifier(llmDouble);

    @AfterEach
    void stop() {
        llmDouble.close();
        cache.close();
    }

    private ModelRouter router(ModelMode mode, double uncertainBelow, double budgetUsd) {
        var settings =
                new RoutingSettings(
                        Map.of(PHONE.id(), mode),
                        ModelMode.AUTO,
                        uncertainBelow,
                        400,
                        budgetUsd,
                        SharedRedis.uri(),
                        Duration.ofHours(1));
        return new ModelRouter(
                local,
                Map.of(ModelMode.LLM, llm),
                cache,
                new SubtaskBudget(budgetUsd, Clock.systemUTC()),
                settings,
                metrics,
                Clock.systemUTC());
    }

    private static List<QueryMatch> batch(String... titles) {
        return java.util.stream.IntStream.range(0, titles.length)
                .mapToObj(i -> new QueryMatch(listing("ad" + i, titles[i], 2500L), PHONE))
                .toList();
    }

    @Test
    void localModeNeverCallsTheLlm() {
        var out =
                router(ModelMode.LOCAL, 0.99, 10)
                        .route(batch("iPhone 13 128GB sort", "iPhone 13 købes"));

        assertThat(llmDouble.requests()).isEmpty();
        assertThat(out)
                .extracting(c -> c.inference().routingReason())
                .containsExactly("mode-local", "rules");
        assertThat(out)
                .extracting(c -> c.match().verdict())
                .containsExactly(Verdict.RELEVANT, Verdict.WANTED_AD);
    }

    @Test
    void autoKeepsConfidentAndRuleVerdictsLocalAndAsksTheLlmAboutTheRest() {
        // Every model verdict is "uncertain" below 0.99; the "købes" rule is not asked about.
        var out =
                router(ModelMode.AUTO, 0.99, 10)
                        .route(
                                batch(
                                        "iPhone 13 128GB sort",
                                        "iPhone 13 købes",
                                        "Cover til iPhone 13"));

        assertThat(llmDouble.requests()).hasSize(1);
        assertThat(ListingVerdictResponder.listings(llmDouble.requests().get(0))).hasSize(1);
        assertThat(out)
                .extracting(c -> c.inference().provider())
                .containsExactly("llm", "rules", "rules");
        assertThat(out.get(0).inference().routingReason()).isEqualTo("auto-uncertain");
        assertThat(out.get(0).inference().costUsd()).isPositive();
        assertThat(out.get(0).match().provider()).isEqualTo("llm");

        var confident = router(ModelMode.AUTO, 0.5, 10).route(batch("iPhone 13 128GB hvid"));
        assertThat(confident.get(0).inference().routingReason()).isEqualTo("auto-confident");
        assertThat(llmDouble.requests()).hasSize(1);
    }

    @Test
    void aRepeatedQuestionIsAnsweredFromTheCacheForFree() {
        ModelRouter router = router(ModelMode.LLM, 0.99, 10);
        router.route(batch("iPhone 13 128GB sort", "iPhone 13 hvid"));
        var again = router.route(batch("iPhone 13 128GB sort", "iPhone 13 hvid"));

        assertThat(llmDouble.requests()).hasSize(1);
        assertThat(again)
                .allSatisfy(
                        c -> {
                            assertThat(c.inference().cacheHit()).isTrue();
                            assertThat(c.inference().costUsd()).isZero();
                            assertThat(c.inference().provider()).isEqualTo("llm");
                        });
        assertThat(metrics.cacheHits()).isEqualTo(2);
    }

    @Test
    void anExhaustedBudgetKeepsEverythingLocal() {
        var out = router(ModelMode.LLM, 0.99, 0.0).route(batch("iPhone 13 128GB sort"));

        assertThat(llmDouble.requests()).isEmpty();
        assertThat(out.get(0).inference().routingReason()).isEqualTo("budget-exhausted");
        assertThat(out.get(0).inference().provider()).isEqualTo("local");
        assertThat(metrics.budgetRefusals()).isEqualTo(1);
    }

    @Test
    void aFailedLlmCallFallsBackToTheLocalVerdict() {
        llmDouble.inject(OpenAiFault.serverError(500));

        var out = router(ModelMode.LLM, 0.99, 10).route(batch("iPhone 13 128GB sort"));

        assertThat(out.get(0).inference().routingReason()).isEqualTo("llm-failed-fallback");
        assertThat(out.get(0).match().verdict()).isEqualTo(Verdict.RELEVANT);
        assertThat(out.get(0).inference().provider()).isEqualTo("local");
    }

    @Test
    void llmVerdictsBecomeExamplesTheLocalKnnVotesWith() {
        router(ModelMode.LLM, 0.99, 10)
                .route(
                        batch(
                                "Silikone skal iPhone 13 sort",
                                "Silikone skal iPhone 13 blå",
                                "Silikone skal iPhone 13 rød"));
        assertThat(local.examplesOf(PHONE.id())).isEqualTo(3);

        var out = router(ModelMode.LOCAL, 0.99, 10).route(batch("Silikone skal iPhone 13 grøn"));
        assertThat(out.get(0).match().verdict()).isEqualTo(Verdict.ACCESSORY);
        assertThat(out.get(0).match().reason()).contains("labelled neighbours");
    }

    @Test
    void ofListingsAlikeOnlyTheFirstIsAskedAboutAndItsLabelDecidesTheRest() {
        List<QueryMatch> alike =
                ListingEmbedder.embedAll(
                                TextEmbedder.shared(),
                                List.of(
                                        listing("a1", "iPhone 13 128GB sort", 2500L),
                                        listing("a2", "iPhone 13 128GB sort, som ny", 2500L)))
                        .stream()
                        .map(e -> new QueryMatch(e, PHONE, true))
                        .toList();

        var out = router(ModelMode.AUTO, 0.99, 10).route(alike);

        assertThat(llmDouble.requests()).hasSize(1);
        assertThat(ListingVerdictResponder.listings(llmDouble.requests().get(0))).hasSize(1);
        assertThat(out).extracting(c -> c.inference().provider()).containsExactly("llm", "local");
        assertThat(out.get(1).inference().routingReason()).isEqualTo("auto-learned-from-twin");
        assertThat(out.get(1).match().verdict()).isEqualTo(Verdict.RELEVANT);
        assertThat(out.get(1).match().reason()).contains("labelled neighbours");
    }

    /** {@code PHONE} naming its own model mode. */
    private static SavedQuery phoneIn(ModelMode mode) {
        return new SavedQuery(
                PHONE.id(),
                PHONE.owner(),
                PHONE.name(),
                PHONE.terms(),
                PHONE.site(),
                PHONE.minPrice(),
                PHONE.maxPrice(),
                PHONE.includeKeywords(),
                PHONE.excludeKeywords(),
                PHONE.keywordExpression(),
                PHONE.maxAgeDays(),
                PHONE.area(),
                PHONE.sellerType(),
                mode,
                PHONE.alertThreshold(),
                PHONE.digest(),
                PHONE.instantAlerts(),
                PHONE.active());
    }

    /** One listing of {@code q} routed by a router configured with {@code configured}. */
    private Classification routeOne(
            ModelMode configured, String title, long price, SavedQuery q, boolean priceInRange) {
        QueryMatch m = new QueryMatch(listing("one", title, price), q, priceInRange);
        return router(configured, 0.99, 10).route(List.of(m)).get(0);
    }

    @Test
    void aQuerysOwnModelModeOverridesTheConfiguredModes() {
        // Configured: LLM for this query id; the query itself says LOCAL.
        Classification free =
                routeOne(ModelMode.LLM, "iPhone 13 sort", 2500L, phoneIn(ModelMode.LOCAL), true);
        assertThat(llmDouble.requests()).isEmpty();
        assertThat(free.inference().routingReason()).isEqualTo("mode-local");

        // Configured: LOCAL; the query itself says LLM.
        Classification paid =
                routeOne(ModelMode.LOCAL, "iPhone 13 hvid", 2500L, phoneIn(ModelMode.LLM), true);
        assertThat(llmDouble.requests()).hasSize(1);
        assertThat(paid.inference().routingReason()).isEqualTo("mode-llm");
        assertThat(paid.inference().provider()).isEqualTo("llm");
    }

    @Test
    void settingsResolveTheQuerysModeThenTheConfiguredOneThenTheDefault() {
        var settings =
                new RoutingSettings(
                        Map.of("configured", ModelMode.CLIP),
                        ModelMode.AUTO,
                        0.8,
                        400,
                        1,
                        null,
                        Duration.ofHours(1));
        SavedQuery configured = query("configured", "x", null, List.of());
        SavedQuery other = query("other", "x", null, List.of());

        assertThat(settings.modeOf(configured)).isEqualTo(ModelMode.CLIP);
        assertThat(settings.modeOf(other)).isEqualTo(ModelMode.AUTO);
        assertThat(settings.modeOf(phoneIn(ModelMode.LLM))).isEqualTo(ModelMode.LLM);
    }

    @Test
    void aMatchOutsideThePriceRangeIsJudgedLocallyWhateverTheMode() {
        Classification out =
                routeOne(
                        ModelMode.LLM,
                        "iPhone 13 128GB sort",
                        9000L,
                        phoneIn(ModelMode.LLM),
                        false);

        assertThat(llmDouble.requests()).isEmpty();
        assertThat(out.inference().routingReason()).isEqualTo("out-of-price-range");
        assertThat(out.inference().costUsd()).isZero();
        assertThat(out.match().verdict()).isEqualTo(Verdict.RELEVANT);
        assertThat(out.match().priceInRange()).isFalse();
    }
}
