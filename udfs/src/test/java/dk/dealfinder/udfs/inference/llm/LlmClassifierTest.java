package dk.dealfinder.udfs.inference.llm;

import static dk.dealfinder.udfs.Listings.listing;
import static dk.dealfinder.udfs.Listings.query;
import static org.assertj.core.api.Assertions.assertThat;

import dk.dealfinder.core.model.SavedQuery;
import dk.dealfinder.core.model.Verdict;
import dk.dealfinder.testkit.doubles.openai.OpenAiDouble;
import dk.dealfinder.testkit.doubles.openai.OpenAiFault;
import dk.dealfinder.testkit.doubles.openai.RecordedChat;
import dk.dealfinder.udfs.classify.Judgement;
import dk.dealfinder.udfs.classify.Provider;
import dk.dealfinder.udfs.inference.ListingVerdictResponder;
import dk.dealfinder.udfs.match.QueryMatch;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The LLM provider against the OpenAI-compatible protocol double. */
class LlmClassifierTest {

    private static final SavedQuery PHONE = query("phone", "iPhone 13", 4000L, List.of());
    private static final LlmPrices PRICES = new LlmPrices(0.15, 0.60);

    private final OpenAiDouble llm = OpenAiDouble.start(ListingVerdictResponder.honest());

    @AfterEach
    void stop() {
        llm.close();
    }

    static LlmSettings settings(String baseUrl, int attempts) {
        return new LlmSettings(
                baseUrl,
                "gpt-4o-mini",
                "DEALFINDER_TEST_NO_SUCH_KEY",
                20,
                Duration.ofSeconds(10),
                attempts,
                Duration.ofSeconds(5),
                PRICES);
    }

    private LlmClassifier classifier(int attempts) {
        return new LlmClassifier(
                settings(llm.baseUrl(), attempts), PromptTemplate.load(PromptTemplate.CURRENT));
    }

    private static List<QueryMatch> phones(String... titles) {
        return IntStream.range(0, titles.length)
                .mapToObj(i -> new QueryMatch(listing("" + i, titles[i], 2000L), PHONE))
                .toList();
    }

    @Test
    void judgesSeveralListingsInOneSchemaBoundRequest() {
        var llmClassifier = classifier(2);
        var result =
                llmClassifier.classifyAll(
                        phones("iPhone 13 128GB", "Cover til iPhone 13", "iPhone 13 sort"));

        assertThat(llmClassifier.requests()).isEqualTo(1);
        assertThat(llm.requests()).hasSize(1);
        RecordedChat chat = llm.requests().get(0);
        assertThat(chat.model()).isEqualTo("gpt-4o-mini");
        assertThat(chat.body().path("response_format").path("type").asText())
                .isEqualTo("json_schema");
        assertThat(chat.userText())
                .contains("iPhone 13 128GB")
                .contains("\"search\":\"iPhone 13\"");
        List<Judgement> judged = result.stream().map(Optional::orElseThrow).toList();
        assertThat(judged)
                .extracting(Judgement::verdict)
                .containsExactly(Verdict.RELEVANT, Verdict.ACCESSORY, Verdict.RELEVANT);
        assertThat(judged)
                .allSatisfy(
                        j -> {
                            assertThat(j.provider()).isEqualTo(Provider.LLM);
                            assertThat(j.promptVersion()).isEqualTo(PromptTemplate.CURRENT);
                            assertThat(j.inputTokens()).isPositive();
                            assertThat(j.costUsd()).isPositive();
                        });
        assertThat(judged.get(0).attributes().storage()).isEqualTo("128GB");
        // Each listing pays its share of the request; shares are whole tokens, so allow rounding.
        long input = judged.stream().mapToLong(Judgement::inputTokens).sum();
        long output = judged.stream().mapToLong(Judgement::outputTokens).sum();
        assertThat(judged.stream().mapToDouble(Judgement::costUsd).sum())
                .isCloseTo(
                        PRICES.cost(input, output),
                        org.assertj.core.data.Percentage.withPercentage(5));
    }

    @Test
    void aListingMissingOrInvalidIsAskedAloneOnceThenLeftToTheFallback() {
        llm.respondWith(
                new ListingVerdictResponder(Set.of("iPhone 13 blå"), Set.of("iPhone 13 rød")));

        var llmClassifier = classifier(2);
        var result =
                llmClassifier.classifyAll(
                        phones("iPhone 13 sort", "iPhone 13 blå", "iPhone 13 rød"));

        assertThat(llmClassifier.requests()).isEqualTo(3);
        assertThat(llm.requests())
                .extracting(c -> ListingVerdictResponder.listings(c).size())
                .containsExactly(3, 1, 1);
        assertThat(result.get(0)).isPresent();
        assertThat(result.get(1)).isEmpty();
        assertThat(result.get(2)).isEmpty();
    }

    @Test
    void garbageOutputIsRetriedListingByListing() {
        llm.inject(OpenAiFault.garbage("{\"results\": [ this is not json"));

        var llmClassifier = classifier(2);
        var result = llmClassifier.classifyAll(phones("iPhone 13 sort", "iPhone 13 hvid"));

        assertThat(llmClassifier.requests()).isEqualTo(3);
        assertThat(result).allSatisfy(j -> assertThat(j).isPresent());
    }

    @Test
    void aRateLimitIsRetriedAfterTheRequestedWait() {
        llm.inject(OpenAiFault.rateLimited(0));

        var llmClassifier = classifier(2);
        var result = llmClassifier.classifyAll(phones("iPhone 13 sort"));

        assertThat(llm.requests()).extracting(RecordedChat::status).containsExactly(429, 200);
        assertThat(result.get(0)).isPresent();
    }

    @Test
    void aRateLimitLongerThanAllowedFallsBackAtOnce() {
        llm.inject(OpenAiFault.rateLimited(3600));

        var llmClassifier = classifier(3);
        var result = llmClassifier.classifyAll(phones("iPhone 13 sort"));

        assertThat(llm.requests()).hasSize(1);
        assertThat(llmClassifier.failedRequests()).isEqualTo(1);
        assertThat(result.get(0)).isEmpty();
    }

    @Test
    void serverErrorsUseUpTheAttemptsThenLeaveTheAnswersEmpty() {
        llm.inject(OpenAiFault.serverError(503), OpenAiFault.serverError(500));

        var llmClassifier = classifier(2);
        var result = llmClassifier.classifyAll(phones("iPhone 13 sort"));

        assertThat(llm.requests()).extracting(RecordedChat::status).containsExactly(503, 500);
        assertThat(result.get(0)).isEmpty();
    }

    @Test
    void listingsOfDifferentQueriesShareAPromptEachWithItsOwnSearch() {
        SavedQuery lego = query("lego", "Lego Technic 42100", null, List.of());
        var batch =
                List.of(
                        new QueryMatch(listing("1", "iPhone 13 sort", 2000L), PHONE),
                        new QueryMatch(listing("2", "Lego Technic 42100 Liebherr", 3000L), lego),
                        new QueryMatch(listing("3", "iPhone 13 hvid", 2100L), PHONE));

        var llmClassifier = classifier(2);
        var result = llmClassifier.classifyAll(batch);

        assertThat(llmClassifier.requests()).as("one prompt for both queries").isEqualTo(1);
        List<String> searchAndTitle = new ArrayList<>();
        ListingVerdictResponder.listings(llm.requests().get(0))
                .forEach(
                        l ->
                                searchAndTitle.add(
                                        l.path("search").asText()
                                                + " | "
                                                + l.path("title").asText()));
        assertThat(searchAndTitle)
                .containsExactly(
                        "iPhone 13 | iPhone 13 sort",
                        "Lego Technic 42100 | Lego Technic 42100 Liebherr",
                        "iPhone 13 | iPhone 13 hvid");
        assertThat(result).allSatisfy(j -> assertThat(j).isPresent());
    }
}
