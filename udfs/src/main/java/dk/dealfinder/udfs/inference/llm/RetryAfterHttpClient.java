package dk.dealfinder.udfs.inference.llm;

import dev.langchain4j.exception.HttpException;
import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.HttpClientBuilderLoader;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * LangChain4j's HTTP client with one difference: an error response keeps its {@code Retry-After}
 * header ({@link RetryAfterException}), which the stock client drops, so that a 429 waits exactly
 * as long as the provider asks. Streaming (not used here) goes to the stock client.
 */
final class RetryAfterHttpClient implements HttpClient {

    private final java.net.http.HttpClient http;
    private final Duration readTimeout;
    private final HttpClient streaming;

    private RetryAfterHttpClient(Duration timeout) {
        this.http = java.net.http.HttpClient.newBuilder().connectTimeout(timeout).build();
        this.readTimeout = timeout;
        this.streaming =
                HttpClientBuilderLoader.loadHttpClientBuilder()
                        .connectTimeout(timeout)
                        .readTimeout(timeout)
                        .build();
    }

    static HttpClientBuilder builder(Duration timeout) {
        return new HttpClientBuilder() {
            @Override
            public Duration connectTimeout() {
                return timeout;
            }

            @Override
            public HttpClientBuilder connectTimeout(Duration ignored) {
                return this;
            }

            @Override
            public Duration readTimeout() {
                return timeout;
            }

            @Override
            public HttpClientBuilder readTimeout(Duration ignored) {
                return this;
            }

            @Override
            public HttpClient build() {
                return new RetryAfterHttpClient(timeout);
            }
        };
    }

    @Override
    public SuccessfulHttpResponse execute(HttpRequest request) {
        var builder =
                java.net.http.HttpRequest.newBuilder(URI.create(request.url()))
                        .timeout(readTimeout)
                        .method(
                                request.method().name(),
                                request.body() == null
                                        ? java.net.http.HttpRequest.BodyPublishers.noBody()
                                        : java.net.http.HttpRequest.BodyPublishers.ofString(
                                                request.body()));
        request.headers().forEach((name, values) -> values.forEach(v -> builder.header(name, v)));
        HttpResponse<String> response;
        try {
            response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        if (response.statusCode() / 100 != 2) {
            throw new RetryAfterException(
                    response.statusCode(),
                    response.body(),
                    response.headers()
                            .firstValue("Retry-After")
                            .flatMap(RetryAfterHttpClient::seconds));
        }
        return SuccessfulHttpResponse.builder()
                .statusCode(response.statusCode())
                .headers(response.headers().map())
                .body(response.body())
                .build();
    }

    @Override
    public void execute(
            HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
        streaming.execute(request, parser, listener);
    }

    private static Optional<Duration> seconds(String value) {
        try {
            return Optional.of(Duration.ofSeconds(Long.parseLong(value.strip())));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** An HTTP error that remembers how long the server asked us to wait. */
    static final class RetryAfterException extends HttpException {
        private final transient Optional<Duration> retryAfter;

        RetryAfterException(int status, String body, Optional<Duration> retryAfter) {
            super(status, body);
            this.retryAfter = retryAfter;
        }

        Optional<Duration> retryAfter() {
            return retryAfter;
        }
    }
}
