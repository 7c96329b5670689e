package dk.dealfinder.udfs.inference.llm;

import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import dk.dealfinder.core.model.Verdict;
import java.util.Arrays;

/** The JSON schema every LLM answer must follow: one result per listing id. */
final class LlmResponseSchema {

    static final ResponseFormat FORMAT =
            ResponseFormat.builder()
                    .type(ResponseFormatType.JSON)
                    .jsonSchema(
                            JsonSchema.builder()
                                    .name("listing_verdicts")
                                    .rootElement(
                                            JsonObjectSchema.builder()
                                                    .addProperty(
                                                            "results",
                                                            JsonArraySchema.builder()
                                                                    .items(result())
                                                                    .build())
                                                    .required("results")
                                                    .additionalProperties(false)
                                                    .build())
                                    .build())
                    .build();

    private LlmResponseSchema() {}

    private static JsonObjectSchema result() {
        return JsonObjectSchema.builder()
                .addStringProperty("id")
                .addEnumProperty(
                        "verdict", Arrays.stream(Verdict.values()).map(Enum::name).toList())
                .addNumberProperty("confidence")
                .addStringProperty("brand")
                .addStringProperty("model")
                .addStringProperty("storage")
                .addStringProperty("size")
                .addStringProperty("condition")
                .addStringProperty("reason")
                .required(
                        "id",
                        "verdict",
                        "confidence",
                        "brand",
                        "model",
                        "storage",
                        "size",
                        "condition",
                        "reason")
                .additionalProperties(false)
                .build();
    }
}
