package dk.dealfinder.udfs.inference.llm;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dk.dealfinder.core.model.Listing;
import dk.dealfinder.udfs.classify.Judgement;
import dk.dealfinder.udfs.classify.Provider;
import dk.dealfinder.udfs.inference.RemoteClassifier;
import dk.dealfinder.udfs.match.QueryMatch;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

/**
 * The cloud provider: judges many listings of one saved query per chat request through
 * LangChain4j's OpenAI-compatible model, with a JSON-schema response format and strict parsing. A
 * listing missing from the answer or answered with invalid fields is asked about alone once more;
 * if that fails too its answer stays empty and the caller falls back to the local model. Each
 * listing carries its share of the request's tokens and cost.
 */
public final class LlmClassifier implements RemoteClassifier {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_DESCRIPTION = 500;
    private static final long OUTPUT_TOKENS_PER_LISTING = 60;

    private final LlmSettings settings;
    private final PromptTemplate prompt;
    private final LlmCalls calls;
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong failedRequests = new AtomicLong();

    public LlmClassifier(LlmSettings settings, PromptTemplate prompt) {
        this.settings = settings;
        this.prompt = prompt;
        ChatModel model =
                OpenAiChatModel.builder()
                        .httpClientBuilder(RetryAfterHttpClient.builder(settings.requestTimeout()))
                        .baseUrl(settings.baseUrl())
                        .apiKey(settings.apiKey())
                        .modelName(settings.model())
                        .temperature(0.0)
                        .strictJsonSchema(true)
                        .supportedCapabilities(Capability.RESPONSE_FORMAT_JSON_SCHEMA)
                        .maxRetries(0)
                        .build();
        this.calls = new LlmCalls(model, settings);
    }

    @Override
    public Provider provider() {
        return Provider.LLM;
    }

    @Override
    public String modelId() {
        return settings.model();
    }

    @Override
    public String promptVersion() {
        return prompt.version();
    }

    /** Chat requests sent so far, retries of single listings included. */
    public long requests() {
        return requests.get();
    }

    /** Chat requests that failed after all their attempts. */
    public long failedRequests() {
        return failedRequests.get();
    }

    @Override
    public double estimatedCost(QueryMatch match) {
        long input =
                (prompt.system().length() / settings.listingsPerPrompt()
                                + listingsJson(List.of(match)).length())
                        / 4;
        return settings.prices().cost(input, OUTPUT_TOKENS_PER_LISTING);
    }

    /**
     * Asks about the batch in prompts of up to {@code listingsPerPrompt} listings. Each listing
     * carries its own saved search, so listings of different queries share a prompt: a batch of
     * mixed queries costs as few requests as a batch of one.
     */
    @Override
    public List<Optional<Judgement>> classifyAll(List<QueryMatch> batch) {
        List<Optional<Judgement>> out = new ArrayList<>();
        batch.forEach(m -> out.add(Optional.empty()));
        List<Integer> indices = IntStream.range(0, batch.size()).boxed().toList();
        for (int from = 0; from < indices.size(); from += settings.listingsPerPrompt()) {
            int to = Math.min(indices.size(), from + settings.listingsPerPrompt());
            ask(batch, indices.subList(from, to), out);
        }
        return out;
    }

    /** Asks about one chunk, then about each listing it left unanswered alone. */
    private void ask(List<QueryMatch> batch, List<Integer> chunk, List<Optional<Judgement>> out) {
        answer(batch, chunk, out);
        if (chunk.size() > 1) {
            for (int i : chunk) {
                if (out.get(i).isEmpty()) {
                    answer(batch, List.of(i), out);
                }
            }
        }
    }

    /** One chat request; fills {@code out} for the valid answers. */
    private void answer(
            List<QueryMatch> batch, List<Integer> chunk, List<Optional<Judgement>> out) {
        Map<String, Integer> ids = new LinkedHashMap<>();
        List<QueryMatch> matches = new ArrayList<>();
        for (int i : chunk) {
            ids.put("L" + (ids.size() + 1), i);
            matches.add(batch.get(i));
        }
        String user = prompt.render(Map.of("listings", listingsJson(matches)));
        requests.incrementAndGet();
        long start = System.nanoTime();
        Optional<ChatResponse> response =
                calls.chat(
                        ChatRequest.builder()
                                .messages(
                                        SystemMessage.from(prompt.system()), UserMessage.from(user))
                                .responseFormat(LlmResponseSchema.FORMAT)
                                .build());
        if (response.isEmpty()) {
            failedRequests.incrementAndGet();
            return;
        }
        long latencyMs = (System.nanoTime() - start) / 1_000_000;
        var usage = response.get().tokenUsage();
        long input = usage == null || usage.inputTokenCount() == null ? 0 : usage.inputTokenCount();
        long output =
                usage == null || usage.outputTokenCount() == null ? 0 : usage.outputTokenCount();
        int n = chunk.size();
        Map<String, LlmAnswer> answers =
                LlmAnswerParser.parse(response.get().aiMessage().text(), ids.keySet());
        answers.forEach(
                (id, a) ->
                        out.set(
                                ids.get(id),
                                Optional.of(
                                        new Judgement(
                                                a.verdict(),
                                                a.confidence(),
                                                Double.NaN,
                                                a.attributes(),
                                                a.reason(),
                                                Provider.LLM,
                                                settings.model(),
                                                prompt.version(),
                                                latencyMs,
                                                input / n,
                                                output / n,
                                                settings.prices().cost(input, output) / n))));
    }

    private static String listingsJson(List<QueryMatch> matches) {
        ArrayNode array = JSON.createArrayNode();
        for (int i = 0; i < matches.size(); i++) {
            Listing l = matches.get(i).listing();
            String description = l.description() == null ? "" : l.description();
            var node =
                    array.addObject()
                            .put("id", "L" + (i + 1))
                            .put("search", matches.get(i).query().terms())
                            .put("title", l.title())
                            .put(
                                    "description",
                                    description.length() > MAX_DESCRIPTION
                                            ? description.substring(0, MAX_DESCRIPTION)
                                            : description);
            if (l.price() != null) {
                node.put("price", l.price() + " " + l.currency());
            }
        }
        return array.toString();
    }
}
