package dk.dealfinder.testkit.doubles.openai;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * One chat-completions request the {@link OpenAiDouble} received.
 *
 * @param body the JSON request body
 * @param authorization the {@code Authorization} header, or null
 * @param status the status it was answered with
 */
public record RecordedChat(JsonNode body, String authorization, int status) {

    public String model() {
        return body.path("model").asText();
    }

    /** The text of every message with this role, in order. */
    public List<String> messages(String role) {
        List<String> out = new ArrayList<>();
        for (JsonNode m : body.path("messages")) {
            if (role.equals(m.path("role").asText())) {
                out.add(m.path("content").asText());
            }
        }
        return out;
    }

    /** The last user message: where a prompt puts its listings. */
    public String userText() {
        List<String> user = messages("user");
        return user.isEmpty() ? "" : user.get(user.size() - 1);
    }
}
