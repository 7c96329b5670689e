package dk.dealfinder.udfs.inference;

import dk.dealfinder.udfs.classify.Judgement;
import dk.dealfinder.udfs.classify.Provider;
import dk.dealfinder.udfs.match.QueryMatch;
import java.util.List;
import java.util.Optional;

/** A model behind the network (the cloud LLM, CLIP on Triton) that answers batches of matches. */
public interface RemoteClassifier extends AutoCloseable {

    Provider provider();

    String modelId();

    /** Part of the cache key: answers to another prompt version are not reused. */
    String promptVersion();

    /** What judging this match is expected to cost in USD, before asking (0 when self-hosted). */
    double estimatedCost(QueryMatch match);

    /** One answer per match, in order; empty where no valid answer came (the caller falls back). */
    List<Optional<Judgement>> classifyAll(List<QueryMatch> batch);

    @Override
    default void close() {}
}
