package dk.dealfinder.udfs.classify;

import dk.dealfinder.core.embedding.TextEmbedder;
import dk.dealfinder.core.model.Verdict;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Listings of each saved query whose verdict is known (from the LLM or from a user), with their
 * title embeddings, for k-nearest-neighbour voting: the path by which the local model learns what
 * the cloud model decided, one product at a time. Thread-safe; the oldest examples of a query are
 * forgotten first.
 */
public final class LabelledExamples {

    /** How fast a neighbour's weight falls with its distance: 1/e at similarity 0.95. */
    static final double KERNEL_WIDTH = 0.05;

    private final int capacityPerQuery;
    private final Map<String, Deque<Example>> byQuery = new ConcurrentHashMap<>();

    public LabelledExamples(int capacityPerQuery) {
        this.capacityPerQuery = capacityPerQuery;
    }

    public void add(String queryId, float[] titleVector, Verdict verdict) {
        Deque<Example> examples = byQuery.computeIfAbsent(queryId, q -> new ArrayDeque<>());
        synchronized (examples) {
            examples.addLast(new Example(titleVector, verdict));
            while (examples.size() > capacityPerQuery) {
                examples.removeFirst();
            }
        }
    }

    public int count(String queryId) {
        Deque<Example> examples = byQuery.get(queryId);
        if (examples == null) {
            return 0;
        }
        synchronized (examples) {
            return examples.size();
        }
    }

    /**
     * The vote of the {@code k} examples nearest to {@code vector}, or empty when the query has
     * fewer than {@code minExamples}. Each neighbour weighs {@code exp(-(1 - similarity) /} {@link
     * #KERNEL_WIDTH}{@code )}: a near-identical listing outweighs many that are merely of the same
     * kind, so a repost or the same product sold again takes the verdict of its twin.
     */
    public Optional<Vote> vote(String queryId, float[] vector, int k, int minExamples) {
        Deque<Example> examples = byQuery.get(queryId);
        if (examples == null) {
            return Optional.empty();
        }
        List<Example> snapshot;
        synchronized (examples) {
            if (examples.isEmpty() || examples.size() < minExamples) {
                return Optional.empty();
            }
            snapshot = List.copyOf(examples);
        }
        record Scored(Verdict verdict, double similarity) {}
        List<Scored> nearest =
                snapshot.stream()
                        .map(e -> new Scored(e.verdict(), TextEmbedder.cosine(vector, e.vector())))
                        .sorted(Comparator.comparingDouble(Scored::similarity).reversed())
                        .limit(k)
                        .toList();
        Map<Verdict, Double> weights = new EnumMap<>(Verdict.class);
        double total = 0;
        for (Scored s : nearest) {
            double w = Math.exp(-(1 - s.similarity()) / KERNEL_WIDTH);
            weights.merge(s.verdict(), w, Double::sum);
            total += w;
        }
        var best = weights.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow();
        return Optional.of(
                new Vote(
                        best.getKey(),
                        best.getValue() / total,
                        nearest.size(),
                        nearest.get(0).similarity()));
    }

    /**
     * The winning verdict, its share of the neighbours' weight (0..1), how many neighbours voted
     * and the similarity of the nearest one.
     */
    public record Vote(Verdict verdict, double share, int neighbours, double nearest) {}

    private record Example(float[] vector, Verdict verdict) {}
}
