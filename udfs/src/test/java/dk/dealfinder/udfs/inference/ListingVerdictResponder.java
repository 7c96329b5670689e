package dk.dealfinder.udfs.inference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.dealfinder.testkit.doubles.openai.RecordedChat;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.function.Function;

/**
 * A scripted "model" for the OpenAI double: reads the listings from our prompt and calls a title
 * with "cover" or "skal" an ACCESSORY and anything else RELEVANT; can skip ids or answer them
 * invalidly.
 */
public final class ListingVerdictResponder implements Function<RecordedChat, String> {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Set<String> skippedTitles;
    private final Set<String> invalidTitles;

    public ListingVerdictResponder(Set<String> skippedTitles, Set<String> invalidTitles) {
        this.skippedTitles = skippedTitles;
        this.invalidTitles = invalidTitles;
    }

    public static ListingVerdictResponder honest() {
        return new ListingVerdictResponder(Set.of(), Set.of());
    }

    public static JsonNode listings(RecordedChat chat) {
        String text = chat.userText();
        try {
            return JSON.readTree(text.substring(text.indexOf('[')));
        } catch (Exception e) {
            throw new IllegalStateException("no listings in prompt: " + text, e);
        }
    }

    @Override
    public String apply(RecordedChat chat) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode results = root.putArray("results");
        for (JsonNode l : listings(chat)) {
            String title = l.path("title").asText();
            if (skippedTitles.contains(title)) {
                continue;
            }
            String lower = title.toLowerCase();
            boolean accessory = lower.contains("cover") || lower.contains("skal ");
            results.addObject()
                    .put("id", l.path("id").asText())
                    .put("verdict", accessory ? "ACCESSORY" : "RELEVANT")
                    .put("confidence", invalidTitles.contains(title) ? 1.7 : 0.95)
                    .put("brand", "Apple")
                    .put("model", "iPhone 13")
                    .put("storage", title.contains("128") ? "128GB" : "")
                    .put("size", "")
                    .put("condition", "")
                    .put("reason", accessory ? "a case, not the phone" : "the phone itself");
        }
        try {
            return JSON.writeValueAsString(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
