package dk.dealfinder.udfs.classify;

import java.io.Serializable;
import org.apache.flink.util.Preconditions;

/**
 * Tuning of the local classifier.
 *
 * @param relevanceThreshold query/title cosine similarity at or above which a listing is RELEVANT
 * @param neighbours k of the k-nearest-neighbour vote over labelled examples
 * @param minExamples labelled examples a saved query needs before its kNN vote counts (the vote
 *     weighs its neighbours by how alike they are, so one near-identical example is evidence)
 * @param examplesPerQuery most labelled examples remembered per saved query
 */
public record LocalSettings(
        double relevanceThreshold, int neighbours, int minExamples, int examplesPerQuery)
        implements Serializable {

    public static LocalSettings defaults(double relevanceThreshold) {
        return new LocalSettings(relevanceThreshold, 7, 1, 2000);
    }

    public LocalSettings {
        Preconditions.checkArgument(
                relevanceThreshold > 0 && relevanceThreshold < 1,
                "relevanceThreshold must be in (0, 1)");
        Preconditions.checkArgument(neighbours >= 1, "neighbours must be at least 1");
        Preconditions.checkArgument(minExamples >= 1, "minExamples must be at least 1");
        Preconditions.checkArgument(
                examplesPerQuery >= minExamples, "examplesPerQuery must be >= minExamples");
    }
}
