package dk.dealfinder.testkit.doubles.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * A protocol double of an OpenAI-compatible chat-completions endpoint ({@code POST
 * /v1/chat/completions}), for tests and benchmarks that cannot reach a real LLM. It is not a model:
 * a {@code responder} supplied by the test turns each request into the assistant's message. It
 * records every request, can add latency, and injects faults (429 with {@code Retry-After}, 5xx,
 * garbage output) for the next requests. Token usage is estimated as one token per four characters.
 */
public final class OpenAiDouble implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Queue<OpenAiFault> faults = new ConcurrentLinkedQueue<>();
    private final List<RecordedChat> requests = new CopyOnWriteArrayList<>();
    private final AtomicLong ids = new AtomicLong();
    private volatile Function<RecordedChat, String> responder;
    private volatile Duration latency = Duration.ZERO;

    private OpenAiDouble(Function<RecordedChat, String> responder) throws IOException {
        this.responder = responder;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/chat/completions", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    /** Starts a double on a free local port; {@code responder} writes each assistant message. */
    public static OpenAiDouble start(Function<RecordedChat, String> responder) {
        try {
            return new OpenAiDouble(responder);
        } catch (IOException e) {
            throw new UncheckedIOException("OpenAI double did not start", e);
        }
    }

    /** The base URL a client is configured with, ending in {@code /v1}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    public void respondWith(Function<RecordedChat, String> newResponder) {
        this.responder = newResponder;
    }

    /** Delays every answer by {@code delay} (a slow model). */
    public void setLatency(Duration delay) {
        this.latency = delay;
    }

    /** The next requests get these faults, one each, in order. */
    public void inject(OpenAiFault... next) {
        faults.addAll(List.of(next));
    }

    /** Every request received so far, in arrival order. */
    public List<RecordedChat> requests() {
        return List.copyOf(requests);
    }

    static long tokensEstimate(String text) {
        return (text.length() + 3) / 4;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                send(exchange, 405, "{\"error\":{\"message\":\"POST only\"}}");
                return;
            }
            JsonNode body;
            try {
                body = JSON.readTree(exchange.getRequestBody());
            } catch (IOException e) {
                send(exchange, 400, "{\"error\":{\"message\":\"request body is not JSON\"}}");
                return;
            }
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            pause();
            OpenAiFault fault = faults.poll();
            if (fault != null && fault.status() != 0) {
                requests.add(new RecordedChat(body, auth, fault.status()));
                if (fault.retryAfterSeconds() >= 0) {
                    exchange.getResponseHeaders()
                            .set("Retry-After", Integer.toString(fault.retryAfterSeconds()));
                }
                send(exchange, fault.status(), "{\"error\":{\"message\":\"injected fault\"}}");
                return;
            }
            RecordedChat recorded = new RecordedChat(body, auth, 200);
            requests.add(recorded);
            String content = fault != null ? fault.content() : responder.apply(recorded);
            send(exchange, 200, JSON.writeValueAsString(completion(body, content)));
        }
    }

    private ObjectNode completion(JsonNode request, String content) {
        long prompt = 0;
        for (JsonNode m : request.path("messages")) {
            prompt += tokensEstimate(m.path("content").asText());
        }
        long completion = tokensEstimate(content);
        ObjectNode out = JSON.createObjectNode();
        out.put("id", "chatcmpl-double-" + ids.incrementAndGet());
        out.put("object", "chat.completion");
        out.put("created", System.currentTimeMillis() / 1000);
        out.put("model", request.path("model").asText());
        ObjectNode choice = out.putArray("choices").addObject();
        choice.put("index", 0);
        choice.putObject("message").put("role", "assistant").put("content", content);
        choice.put("finish_reason", "stop");
        out.putObject("usage")
                .put("prompt_tokens", prompt)
                .put("completion_tokens", completion)
                .put("total_tokens", prompt + completion);
        return out;
    }

    private void pause() {
        if (!latency.isZero()) {
            try {
                Thread.sleep(latency.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
