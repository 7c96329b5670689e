package dk.dealfinder.testkit.doubles.openai;

/**
 * What the {@link OpenAiDouble} does to one request instead of answering it normally.
 *
 * @param status HTTP status to answer with (0 to answer 200)
 * @param retryAfterSeconds value of the {@code Retry-After} header, or -1 for none
 * @param content assistant message content to send instead of the responder's (garbage output), or
 *     null
 */
public record OpenAiFault(int status, int retryAfterSeconds, String content) {

    /** 429 Too Many Requests with a {@code Retry-After} header. */
    public static OpenAiFault rateLimited(int retryAfterSeconds) {
        return new OpenAiFault(429, retryAfterSeconds, null);
    }

    /** A server error such as 500 or 503. */
    public static OpenAiFault serverError(int status) {
        return new OpenAiFault(status, -1, null);
    }

    /** A well-formed 200 response whose message content is {@code content}, e.g. broken JSON. */
    public static OpenAiFault garbage(String content) {
        return new OpenAiFault(0, -1, content);
    }
}
