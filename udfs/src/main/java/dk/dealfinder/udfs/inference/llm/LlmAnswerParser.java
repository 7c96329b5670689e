package dk.dealfinder.udfs.inference.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.dealfinder.core.model.Verdict;
import dk.dealfinder.udfs.classify.ListingAttributes;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads an LLM's JSON answer strictly: model output is untrusted input. A result counts only when
 * its id was asked for, its verdict is one of ours, its confidence a number in 0..1 and its reason
 * a non-empty string; text fields are stripped of control characters and cut to length. Anything
 * else is left out, so the caller retries or falls back for exactly those listings.
 */
final class LlmAnswerParser {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_REASON = 200;
    private static final int MAX_ATTRIBUTE = 60;

    private LlmAnswerParser() {}

    /** The valid results by listing id; empty when the content is not the expected JSON. */
    static Map<String, LlmAnswer> parse(String content, Set<String> askedIds) {
        Map<String, LlmAnswer> out = new HashMap<>();
        JsonNode root;
        try {
            root = JSON.readTree(content == null ? "" : content);
        } catch (Exception e) {
            return out;
        }
        if (root == null || !root.path("results").isArray()) {
            return out;
        }
        for (JsonNode r : root.path("results")) {
            String id = r.path("id").asText("");
            if (askedIds.contains(id) && !out.containsKey(id)) {
                valid(r).ifPresent(a -> out.put(id, a));
            }
        }
        return out;
    }

    private static Optional<LlmAnswer> valid(JsonNode r) {
        Verdict verdict;
        try {
            verdict = Verdict.valueOf(r.path("verdict").asText(""));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        JsonNode c = r.path("confidence");
        String reason = clean(r.path("reason"), MAX_REASON);
        if (!c.isNumber() || c.asDouble() < 0 || c.asDouble() > 1 || reason == null) {
            return Optional.empty();
        }
        ListingAttributes attributes =
                new ListingAttributes(
                        clean(r.path("brand"), MAX_ATTRIBUTE),
                        clean(r.path("model"), MAX_ATTRIBUTE),
                        clean(r.path("storage"), MAX_ATTRIBUTE),
                        clean(r.path("size"), MAX_ATTRIBUTE),
                        clean(r.path("condition"), MAX_ATTRIBUTE));
        return Optional.of(new LlmAnswer(verdict, c.asDouble(), attributes, reason));
    }

    private static String clean(JsonNode node, int maxLength) {
        if (!node.isTextual()) {
            return null;
        }
        String s = node.asText().replaceAll("\\p{Cntrl}", " ").strip();
        if (s.isEmpty()) {
            return null;
        }
        return s.length() > maxLength ? s.substring(0, maxLength) : s;
    }
}
