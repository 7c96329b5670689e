package dk.dealfinder.udfs.inference;

import dk.dealfinder.testkit.doubles.openai.OpenAiDouble;
import dk.dealfinder.udfs.inference.llm.LlmClassifier;
import dk.dealfinder.udfs.inference.llm.LlmPrices;
import dk.dealfinder.udfs.inference.llm.LlmSettings;
import dk.dealfinder.udfs.inference.llm.PromptTemplate;
import java.time.Duration;

/** The LLM classifier the routing tests use: the OpenAI double, one attempt, gpt-4o-mini prices. */
final class DoubleLlm {

    private DoubleLlm() {}

    static LlmClassifier classifier(OpenAiDouble llm) {
        return new LlmClassifier(
                new LlmSettings(
                        llm.baseUrl(),
                        "gpt-4o-mini",
                        "NO_SUCH_KEY_VARIABLE",
                        20,
                        Duration.ofSeconds(10),
                        1,
                        Duration.ofSeconds(1),
                        new LlmPrices(0.15, 0.6)),
                PromptTemplate.load(PromptTemplate.CURRENT));
    }
}
