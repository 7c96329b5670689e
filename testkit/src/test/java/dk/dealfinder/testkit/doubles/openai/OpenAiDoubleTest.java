package dk.dealfinder.testkit.doubles.openai;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The double speaks the chat-completions wire format, records requests and injects faults. */
class OpenAiDoubleTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BODY =
            "{\"model\":\"m1\",\"messages\":[{\"role\":\"system\",\"content\":\"be brief\"},"
                    + "{\"role\":\"user\",\"content\":\"hej\"}]}";

    private final OpenAiDouble llm = OpenAiDouble.start(chat -> "echo: " + chat.userText());
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        llm.close();
    }

    private HttpResponse<String> post(String body) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(llm.baseUrl() + "/chat/completions"))
                        .header("Authorization", "Bearer sk-test")
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void answersWithACompletionAndUsageAndRecordsTheRequest() throws Exception {
        HttpResponse<String> response = post(BODY);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode json = JSON.readTree(response.body());
        assertThat(json.at("/choices/0/message/content").asText()).isEqualTo("echo: hej");
        assertThat(json.at("/choices/0/message/role").asText()).isEqualTo("assistant");
        assertThat(json.at("/model").asText()).isEqualTo("m1");
        assertThat(json.at("/usage/prompt_tokens").asLong()).isPositive();
        assertThat(json.at("/usage/total_tokens").asLong())
                .isEqualTo(
                        json.at("/usage/prompt_tokens").asLong()
                                + json.at("/usage/completion_tokens").asLong());
        assertThat(llm.requests())
                .singleElement()
                .satisfies(
                        r -> {
                            assertThat(r.model()).isEqualTo("m1");
                            assertThat(r.messages("system")).containsExactly("be brief");
                            assertThat(r.authorization()).isEqualTo("Bearer sk-test");
                        });
    }

    @Test
    void injectsRateLimitsServerErrorsAndGarbageInOrder() throws Exception {
        llm.inject(
                OpenAiFault.rateLimited(7),
                OpenAiFault.serverError(503),
                OpenAiFault.garbage("{not json"));

        HttpResponse<String> limited = post(BODY);
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).contains("7");
        assertThat(post(BODY).statusCode()).isEqualTo(503);
        HttpResponse<String> garbage = post(BODY);
        assertThat(JSON.readTree(garbage.body()).at("/choices/0/message/content").asText())
                .isEqualTo("{not json");
        assertThat(JSON.readTree(post(BODY).body()).at("/choices/0/message/content").asText())
                .isEqualTo("echo: hej");
        assertThat(llm.requests())
                .extracting(RecordedChat::status)
                .containsExactly(429, 503, 200, 200);
    }

    @Test
    void rejectsABodyThatIsNotJson() throws Exception {
        assertThat(post("hello").statusCode()).isEqualTo(400);
    }
}
