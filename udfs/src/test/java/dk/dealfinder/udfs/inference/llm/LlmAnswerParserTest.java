package dk.dealfinder.udfs.inference.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dk.dealfinder.core.model.Verdict;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Model output is untrusted input: only well-formed answers to asked ids count. */
class LlmAnswerParserTest {

    private static String result(String id, String verdict, String confidence, String reason) {
        return "{\"id\":\""
                + id
                + "\",\"verdict\":\""
                + verdict
                + "\",\"confidence\":"
                + confidence
                + ",\"brand\":\"\",\"model\":\"\",\"storage\":\"128GB\",\"size\":\"\",\"condition\":\"\","
                + "\"reason\":"
                + reason
                + "}";
    }

    @Test
    void keepsValidAnswersToAskedIdsOnly() {
        String content =
                "{\"results\":["
                        + result("L1", "RELEVANT", "0.9", "\"the phone\"")
                        + ","
                        + result("L2", "MAYBE", "0.9", "\"unknown verdict\"")
                        + ","
                        + result("L3", "BROKEN", "1.5", "\"confidence out of range\"")
                        + ","
                        + result("L4", "SWAP", "\"high\"", "\"confidence not a number\"")
                        + ","
                        + result("L5", "SWAP", "0.8", "\"\"")
                        + ","
                        + result("L9", "RELEVANT", "0.9", "\"never asked\"")
                        + ","
                        + result("L1", "IRRELEVANT", "0.9", "\"second answer ignored\"")
                        + "]}";

        var answers = LlmAnswerParser.parse(content, Set.of("L1", "L2", "L3", "L4", "L5"));

        assertThat(answers).containsOnlyKeys("L1");
        assertThat(answers.get("L1").verdict()).isEqualTo(Verdict.RELEVANT);
        assertThat(answers.get("L1").attributes().storage()).isEqualTo("128GB");
        assertThat(answers.get("L1").attributes().brand()).isNull();
    }

    @Test
    void stripsControlCharactersAndCutsLongReasons() {
        String longReason = "\"" + "x".repeat(500) + "\"";
        var answers =
                LlmAnswerParser.parse(
                        "{\"results\":["
                                + result("L1", "ACCESSORY", "0.7", "\"a\\u0007case\\n<b>\"")
                                + ","
                                + result("L2", "ACCESSORY", "0.7", longReason)
                                + "]}",
                        Set.of("L1", "L2"));

        assertThat(answers.get("L1").reason()).isEqualTo("a case <b>");
        assertThat(answers.get("L2").reason()).hasSize(200);
    }

    @Test
    void anythingButTheExpectedJsonIsNoAnswer() {
        assertThat(LlmAnswerParser.parse("Sure! Here are the verdicts:", Set.of("L1"))).isEmpty();
        assertThat(LlmAnswerParser.parse("[1,2,3]", Set.of("L1"))).isEmpty();
        assertThat(LlmAnswerParser.parse(null, Set.of("L1"))).isEmpty();
    }
}
