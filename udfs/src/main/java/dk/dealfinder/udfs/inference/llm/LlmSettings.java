package dk.dealfinder.udfs.inference.llm;

import java.io.Serializable;
import java.time.Duration;
import org.apache.flink.util.Preconditions;

/**
 * The cloud LLM: any OpenAI-compatible chat-completions endpoint (OpenAI, Azure, vLLM, Ollama).
 *
 * @param baseUrl e.g. {@code https://api.openai.com/v1}
 * @param model model name sent with each request
 * @param apiKeyEnv name of the environment variable that holds the API key (never the key)
 * @param listingsPerPrompt most listings judged in one request
 * @param requestTimeout per request
 * @param maxAttempts attempts per request on 429, 5xx and timeouts
 * @param maxRetryAfter the longest {@code Retry-After} obeyed; longer means fall back now
 */
public record LlmSettings(
        String baseUrl,
        String model,
        String apiKeyEnv,
        int listingsPerPrompt,
        Duration requestTimeout,
        int maxAttempts,
        Duration maxRetryAfter,
        LlmPrices prices)
        implements Serializable {

    public LlmSettings {
        Preconditions.checkArgument(
                baseUrl != null && baseUrl.startsWith("http"),
                "llm.baseUrl must be an http(s) URL");
        Preconditions.checkArgument(model != null && !model.isBlank(), "llm.model must be set");
        Preconditions.checkArgument(listingsPerPrompt >= 1, "llm.listingsPerPrompt must be >= 1");
        Preconditions.checkArgument(maxAttempts >= 1, "llm.maxAttempts must be >= 1");
    }

    /** The API key from the environment; "none" for local endpoints that need no key. */
    String apiKey() {
        String key = apiKeyEnv == null ? null : System.getenv(apiKeyEnv);
        return key == null || key.isBlank() ? "none" : key;
    }
}
