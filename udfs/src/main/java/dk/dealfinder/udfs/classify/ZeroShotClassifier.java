package dk.dealfinder.udfs.classify;

import dk.dealfinder.core.embedding.TextEmbedder;
import dk.dealfinder.core.model.Verdict;
import dk.dealfinder.udfs.match.QueryMatch;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.metrics.Counter;

/**
 * The local classifier: Danish markers first (wanted, swap, broken, accessory, sibling model), then
 * zero-shot similarity between the query and the listing title with the in-process ONNX embedding
 * model. A listing at or above the threshold is RELEVANT.
 */
public class ZeroShotClassifier extends RichMapFunction<QueryMatch, ClassifiedMatch> {

    private final double relevanceThreshold;
    private transient TextEmbedder embedder;
    private transient Map<String, float[]> queryVectors;
    private transient Map<Verdict, Counter> verdicts;

    public ZeroShotClassifier(double relevanceThreshold) {
        this.relevanceThreshold = relevanceThreshold;
    }

    @Override
    public void open(OpenContext openContext) {
        embedder = TextEmbedder.shared();
        queryVectors = new HashMap<>();
        verdicts = new HashMap<>();
        for (Verdict v : Verdict.values()) {
            verdicts.put(
                    v,
                    getRuntimeContext()
                            .getMetricGroup()
                            .addGroup("verdict", v.name())
                            .counter("classified"));
        }
    }

    @Override
    public ClassifiedMatch map(QueryMatch m) {
        ClassifiedMatch result = classify(m);
        verdicts.get(result.verdict()).inc();
        return result;
    }

    private ClassifiedMatch classify(QueryMatch m) {
        String terms = m.query().terms();
        float[] query = queryVectors.computeIfAbsent(terms, embedder::embed);
        double similarity = TextEmbedder.cosine(query, embedder.embed(m.listing().title()));
        Optional<DanishMarkers.Marked> marked =
                DanishMarkers.judge(m.listing().title(), m.listing().description(), terms);
        if (marked.isPresent()) {
            return new ClassifiedMatch(
                    m.listing(),
                    m.query(),
                    marked.get().verdict(),
                    0.9,
                    similarity,
                    marked.get().reason(),
                    "rules");
        }
        boolean relevant = similarity >= relevanceThreshold;
        String reason =
                String.format(
                        "%s '%s' (similarity %.2f)",
                        relevant ? "matches" : "does not match", terms, similarity);
        return new ClassifiedMatch(
                m.listing(),
                m.query(),
                relevant ? Verdict.RELEVANT : Verdict.IRRELEVANT,
                relevant ? similarity : 1 - similarity,
                similarity,
                reason,
                embedder.modelId());
    }
}
