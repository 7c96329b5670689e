package dk.dealfinder.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.dealfinder.testkit.doubles.openai.RecordedChat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Function;

/**
 * The "model" behind the OpenAI double in the benchmarks: one valid RELEVANT result for every
 * listing id in our prompt, so every listing is answered and the figures count requests, not
 * retries. The listings are the JSON array that ends the user message.
 */
final class VerdictScript implements Function<RecordedChat, String> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String apply(RecordedChat chat) {
        String text = chat.userText();
        JsonNode listings;
        try {
            listings = JSON.readTree(text.substring(text.lastIndexOf("\n[") + 1));
        } catch (IOException | IndexOutOfBoundsException e) {
            throw new IllegalStateException("no listing array in the prompt", e);
        }
        ObjectNode root = JSON.createObjectNode();
        ArrayNode results = root.putArray("results");
        for (JsonNode listing : listings) {
            results.addObject()
                    .put("id", listing.path("id").asText())
                    .put("verdict", "RELEVANT")
                    .put("confidence", 0.9)
                    .put("brand", "")
                    .put("model", "")
                    .put("storage", "")
                    .put("size", "")
                    .put("condition", "")
                    .put("reason", "the item searched for");
        }
        try {
            return JSON.writeValueAsString(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
