package dk.dealfinder.udfs.inference.llm;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends chat requests with retries: a 429 waits what its {@code Retry-After} asks (up to a limit),
 * 5xx answers and timeouts back off exponentially, other client errors are not retried. Runs on a
 * batching worker thread, where waiting blocks nothing but this batch.
 */
final class LlmCalls {

    private static final Logger LOG = LoggerFactory.getLogger(LlmCalls.class);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(200);

    private final ChatModel model;
    private final LlmSettings settings;

    LlmCalls(ChatModel model, LlmSettings settings) {
        this.model = model;
        this.settings = settings;
    }

    /** The response, or empty when every attempt failed. */
    Optional<ChatResponse> chat(ChatRequest request) {
        for (int attempt = 1; ; attempt++) {
            try {
                return Optional.of(model.chat(request));
            } catch (RuntimeException e) {
                Optional<Duration> wait = waitBeforeRetry(e, attempt);
                if (wait.isEmpty() || attempt >= settings.maxAttempts()) {
                    LOG.warn("LLM request failed after {} attempt(s): {}", attempt, e.toString());
                    return Optional.empty();
                }
                LOG.info("LLM request failed ({}), retrying in {}", e.toString(), wait.get());
                if (!pause(wait.get())) {
                    return Optional.empty();
                }
            }
        }
    }

    private Optional<Duration> waitBeforeRetry(RuntimeException e, int attempt) {
        Duration backoff = FIRST_BACKOFF.multipliedBy(1L << Math.min(attempt - 1, 6));
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof RetryAfterHttpClient.RetryAfterException http) {
                int status = http.statusCode();
                if (status == 429) {
                    Duration asked = http.retryAfter().orElse(backoff);
                    return asked.compareTo(settings.maxRetryAfter()) <= 0
                            ? Optional.of(asked)
                            : Optional.empty();
                }
                return status >= 500 ? Optional.of(backoff) : Optional.empty();
            }
        }
        // No HTTP status: a timeout or a dropped connection.
        return Optional.of(backoff);
    }

    private static boolean pause(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
            return true;
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
