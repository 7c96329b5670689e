package dk.dealfinder.udfs.inference;

import dk.dealfinder.core.model.ModelMode;
import dk.dealfinder.core.model.SavedQuery;
import java.io.Serializable;
import java.time.Duration;
import java.util.Map;
import org.apache.flink.util.Preconditions;

/**
 * How listings are routed between the local model and the paid ones.
 *
 * @param modes model mode per saved query id (from the config file), for queries that do not name
 *     their own {@link SavedQuery#modelMode()}; queries in neither get {@code defaultMode}
 * @param uncertainBelow in AUTO mode, a local verdict with lower confidence goes to the LLM
 * @param longTextTokens in AUTO mode, a listing whose text is longer (≈ 4 characters a token) goes
 *     to the LLM
 * @param dailyBudgetUsd the job's LLM spending limit per UTC day: one counter in Redis for every
 *     subtask and replica when {@code redisUri} is set, else {@code dailyBudgetUsd / parallelism}
 *     per subtask
 * @param redisUri Redis for the judgement cache and the shared budget, or null for neither
 * @param cacheTtl how long a paid answer is reused
 */
public record RoutingSettings(
        Map<String, ModelMode> modes,
        ModelMode defaultMode,
        double uncertainBelow,
        int longTextTokens,
        double dailyBudgetUsd,
        String redisUri,
        Duration cacheTtl)
        implements Serializable {

    public RoutingSettings {
        modes = Map.copyOf(modes);
        Preconditions.checkNotNull(defaultMode, "defaultMode");
        Preconditions.checkArgument(
                uncertainBelow >= 0.5 && uncertainBelow <= 1, "uncertainBelow must be in 0.5..1");
        Preconditions.checkArgument(longTextTokens > 0, "longTextTokens must be positive");
        Preconditions.checkArgument(dailyBudgetUsd >= 0, "dailyBudgetUsd must not be negative");
        Preconditions.checkArgument(
                cacheTtl != null && !cacheTtl.isNegative() && !cacheTtl.isZero(),
                "cacheTtl must be positive");
    }

    /** The query's own mode, else the one configured for its id, else the default. */
    public ModelMode modeOf(SavedQuery query) {
        return query.modelMode() != null
                ? query.modelMode()
                : modes.getOrDefault(query.id(), defaultMode);
    }
}
