package dk.dealfinder.udfs.inference.llm;

import static dk.dealfinder.udfs.Listings.listing;
import static dk.dealfinder.udfs.Listings.query;
import static org.assertj.core.api.Assertions.assertThat;

import dk.dealfinder.core.model.Verdict;
import dk.dealfinder.udfs.match.QueryMatch;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * Opt-in: a real OpenAI-compatible endpoint ({@code OPENAI_BASE_URL}, key in {@code
 * OPENAI_API_KEY}, model in {@code OPENAI_MODEL}, default gpt-4o-mini). Costs a fraction of a cent.
 */
@EnabledIfEnvironmentVariable(named = "OPENAI_BASE_URL", matches = ".+")
class RealLlmTest {

    @Test
    void aRealModelJudgesObviousDanishListings() {
        String model = System.getenv().getOrDefault("OPENAI_MODEL", "gpt-4o-mini");
        var classifier =
                new LlmClassifier(
                        new LlmSettings(
                                System.getenv("OPENAI_BASE_URL"),
                                model,
                                "OPENAI_API_KEY",
                                20,
                                Duration.ofSeconds(60),
                                2,
                                Duration.ofSeconds(30),
                                new LlmPrices(0.15, 0.6)),
                        PromptTemplate.load(PromptTemplate.CURRENT));
        var q = query("phone", "iPhone 13", 4000L, List.of());
        var out =
                classifier.classifyAll(
                        List.of(
                                new QueryMatch(
                                        listing("1", "iPhone 13 128GB sort, som ny", 2500L), q),
                                new QueryMatch(
                                        listing("2", "Cover til iPhone 13, sort silikone", 50L), q),
                                new QueryMatch(listing("3", "iPhone 13 købes", 2000L), q)));

        assertThat(out)
                .extracting(Optional::orElseThrow)
                .extracting(j -> j.verdict())
                .containsExactly(Verdict.RELEVANT, Verdict.ACCESSORY, Verdict.WANTED_AD);
        assertThat(classifier.requests()).isEqualTo(1);
    }
}
