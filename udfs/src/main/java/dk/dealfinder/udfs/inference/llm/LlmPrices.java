package dk.dealfinder.udfs.inference.llm;

import java.io.Serializable;
import org.apache.flink.util.Preconditions;

/** What the LLM provider charges, in US dollars per million tokens. */
public record LlmPrices(double inputPerMillion, double outputPerMillion) implements Serializable {

    public LlmPrices {
        Preconditions.checkArgument(
                inputPerMillion >= 0 && outputPerMillion >= 0, "prices must not be negative");
    }

    public double cost(long inputTokens, long outputTokens) {
        return (inputTokens * inputPerMillion + outputTokens * outputPerMillion) / 1_000_000;
    }
}
