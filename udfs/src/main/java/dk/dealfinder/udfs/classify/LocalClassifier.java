package dk.dealfinder.udfs.classify;

import dk.dealfinder.core.embedding.TextEmbedder;
import dk.dealfinder.core.model.EmbeddedListing;
import dk.dealfinder.core.model.Verdict;
import dk.dealfinder.udfs.embed.ListingEmbedder;
import dk.dealfinder.udfs.match.QueryMatch;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The local provider: Danish markers first, then zero-shot similarity of the listing title to the
 * query and to {@link VerdictPrototypes}, then a k-nearest-neighbour vote over the query's labelled
 * examples that confirms or overrules the zero-shot verdict as far as the neighbours are alike. A
 * match carries its listing's title vector (see {@link ListingEmbedder}); only a listing without
 * one from this classifier's model is embedded here, all of a batch's in one {@code embedAll} call.
 * Confidence falls towards 0.5 near the relevance threshold, which is where routing sends a listing
 * on to the LLM.
 */
public final class LocalClassifier {

    /** Similarity distance from the threshold at which zero-shot confidence reaches its top. */
    private static final double CONFIDENCE_SPAN = 0.3;

    private static final double MAX_CONFIDENCE = 0.99;
    private static final double MARKER_CONFIDENCE = 0.9;

    /** A labelled neighbour this similar (or less) says nothing about a listing. */
    private static final double UNLIKE = 0.5;

    /** A labelled neighbour this similar (or more) is the same product, as good as a label. */
    private static final double ALIKE = 0.85;

    private final TextEmbedder embedder;
    private final LocalSettings settings;
    private final LabelledExamples examples;
    private final Map<Verdict, float[]> prototypes = new EnumMap<>(Verdict.class);
    private final Map<String, float[]> queryVectors = new ConcurrentHashMap<>();
    private final AtomicLong listingsEmbedded = new AtomicLong();

    public LocalClassifier(TextEmbedder embedder, LocalSettings settings) {
        this.embedder = embedder;
        this.settings = settings;
        this.examples = new LabelledExamples(settings.examplesPerQuery());
        VerdictPrototypes.SENTENCES.forEach(
                (v, s) -> prototypes.put(v, mean(embedder.embedAll(s))));
    }

    public String modelId() {
        return embedder.modelId();
    }

    /** Judges a batch, one result per match in order. */
    public List<Judgement> classifyAll(List<QueryMatch> batch) {
        long start = System.nanoTime();
        List<float[]> titles = vectorsOf(batch);
        long latencyMs = (System.nanoTime() - start) / 1_000_000 / Math.max(1, batch.size());
        List<Judgement> out = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            out.add(classify(batch.get(i), titles.get(i), latencyMs));
        }
        return out;
    }

    /** Remembers a known verdict (from the LLM or a user) as a labelled example of its query. */
    public void learn(QueryMatch match, Verdict verdict) {
        examples.add(match.query().id(), vectorsOf(List.of(match)).get(0), verdict);
    }

    /**
     * Whether two matches of the same query are listings so alike (by the vectors they carry) that
     * a label of one decides the other.
     */
    public boolean alike(QueryMatch a, QueryMatch b) {
        EmbeddedListing x = a.embedded();
        EmbeddedListing y = b.embedded();
        return a.query().id().equals(b.query().id())
                && ListingEmbedder.isEmbedded(x)
                && ListingEmbedder.isEmbedded(y)
                && x.modelId().equals(y.modelId())
                && TextEmbedder.cosine(x.vector(), y.vector()) >= ALIKE;
    }

    /**
     * Listings this classifier had to embed itself because their match carried no vector of its
     * model (the embedder fell back, or the vector store uses another model).
     */
    public long listingsEmbedded() {
        return listingsEmbedded.get();
    }

    /** The carried title vectors, and one {@code embedAll} call for the matches without one. */
    private List<float[]> vectorsOf(List<QueryMatch> batch) {
        List<float[]> vectors = new ArrayList<>(batch.size());
        List<Integer> missing = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            EmbeddedListing e = batch.get(i).embedded();
            boolean usable =
                    ListingEmbedder.isEmbedded(e) && e.modelId().equals(embedder.modelId());
            vectors.add(usable ? e.vector() : null);
            if (!usable) {
                missing.add(i);
            }
        }
        if (!missing.isEmpty()) {
            List<float[]> embedded =
                    embedder.embedAll(
                            missing.stream()
                                    .map(i -> ListingEmbedder.textOf(batch.get(i).listing()))
                                    .toList());
            for (int n = 0; n < missing.size(); n++) {
                vectors.set(missing.get(n), embedded.get(n));
            }
            listingsEmbedded.addAndGet(missing.size());
        }
        return vectors;
    }

    /**
     * Remembers many labelled examples at once (one {@code embedAll}): a restart's warm start.
     *
     * @param queryIds, titles, verdicts three lists of the same length
     */
    public void learnAll(List<String> queryIds, List<String> titles, List<Verdict> verdicts) {
        List<float[]> vectors = embedder.embedAll(titles);
        for (int i = 0; i < vectors.size(); i++) {
            examples.add(queryIds.get(i), vectors.get(i), verdicts.get(i));
        }
    }

    /** Learns from a judgement when it is a label: an LLM verdict (CLIP sees only the photo). */
    public void learnIfLabel(QueryMatch match, Judgement judgement) {
        if (judgement.provider() == Provider.LLM) {
            learn(match, judgement.verdict());
        }
    }

    public int examplesOf(String queryId) {
        return examples.count(queryId);
    }

    private Judgement classify(QueryMatch m, float[] title, long latencyMs) {
        String terms = m.query().terms();
        double similarity =
                TextEmbedder.cosine(queryVectors.computeIfAbsent(terms, this::queryVector), title);
        ListingAttributes attributes =
                AttributeReader.read(m.listing().title(), m.listing().description());
        Optional<DanishMarkers.Marked> marked =
                DanishMarkers.judge(m.listing().title(), m.listing().description(), terms);
        if (marked.isPresent()) {
            return Judgement.free(
                    marked.get().verdict(),
                    MARKER_CONFIDENCE,
                    similarity,
                    attributes,
                    marked.get().reason(),
                    Provider.RULES,
                    "rules",
                    latencyMs);
        }
        Judgement zeroShot = zeroShot(terms, title, similarity, attributes, latencyMs);
        return examples.vote(m.query().id(), title, settings.neighbours(), settings.minExamples())
                .map(vote -> withVote(zeroShot, vote))
                .orElse(zeroShot);
    }

    private Judgement zeroShot(
            String terms, float[] title, double similarity, ListingAttributes attributes, long ms) {
        Verdict prototype = null;
        double prototypeSimilarity = 0;
        for (var e : prototypes.entrySet()) {
            double s = TextEmbedder.cosine(e.getValue(), title);
            if (s > prototypeSimilarity) {
                prototype = e.getKey();
                prototypeSimilarity = s;
            }
        }
        if (prototype != null
                && prototypeSimilarity >= settings.relevanceThreshold()
                && prototypeSimilarity > similarity) {
            return Judgement.free(
                    prototype,
                    confidence(prototypeSimilarity - similarity),
                    similarity,
                    attributes,
                    String.format(
                            "reads like %s (similarity %.2f vs %.2f to '%s')",
                            prototype.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '),
                            prototypeSimilarity,
                            similarity,
                            terms),
                    Provider.LOCAL,
                    embedder.modelId(),
                    ms);
        }
        boolean relevant = similarity >= settings.relevanceThreshold();
        return Judgement.free(
                relevant ? Verdict.RELEVANT : Verdict.IRRELEVANT,
                confidence(similarity - settings.relevanceThreshold()),
                similarity,
                attributes,
                String.format(
                        "%s '%s' (similarity %.2f)",
                        relevant ? "matches" : "does not match", terms, similarity),
                Provider.LOCAL,
                embedder.modelId(),
                ms);
    }

    /**
     * Combines the zero-shot verdict with the labelled neighbours' vote. Each is evidence for its
     * verdict between 0 (none) and 1: the zero-shot's is {@code 2 * (confidence - 0.5)}; the vote's
     * is its share, scaled by how close the nearest neighbour is ({@link #UNLIKE} and below counts
     * nothing, {@link #ALIKE} and above fully). Agreeing evidence adds up; disagreeing evidence
     * cancels, and the stronger side keeps what is left. Confidence is {@code 0.5 + evidence / 2},
     * so a split that cancels out lands where routing asks the LLM.
     */
    private static Judgement withVote(Judgement zeroShot, LabelledExamples.Vote vote) {
        String votes =
                String.format(
                        "%.0f%% of %d labelled neighbours say %s (nearest %.2f)",
                        vote.share() * 100, vote.neighbours(), vote.verdict(), vote.nearest());
        double closeness = Math.min(1, Math.max(0, (vote.nearest() - UNLIKE) / (ALIKE - UNLIKE)));
        double voteEvidence = vote.share() * closeness;
        double zeroShotEvidence = 2 * (zeroShot.confidence() - 0.5);
        Verdict verdict = zeroShot.verdict();
        double evidence;
        if (vote.verdict() == verdict) {
            evidence = 1 - (1 - zeroShotEvidence) * (1 - voteEvidence);
        } else if (voteEvidence > zeroShotEvidence) {
            verdict = vote.verdict();
            evidence = voteEvidence - zeroShotEvidence;
        } else {
            evidence = zeroShotEvidence - voteEvidence;
        }
        return new Judgement(
                verdict,
                Math.min(MAX_CONFIDENCE, 0.5 + evidence / 2),
                zeroShot.similarity(),
                zeroShot.attributes(),
                zeroShot.reason() + "; " + votes,
                Provider.LOCAL,
                zeroShot.modelId(),
                "",
                zeroShot.latencyMs(),
                0,
                0,
                0);
    }

    /** The query's terms in every {@link VerdictPrototypes#QUERY_TEMPLATES}, averaged. */
    private float[] queryVector(String terms) {
        return mean(
                embedder.embedAll(
                        VerdictPrototypes.QUERY_TEMPLATES.stream()
                                .map(t -> t.replace("{}", terms))
                                .toList()));
    }

    private static double confidence(double distance) {
        return Math.min(MAX_CONFIDENCE, 0.5 + Math.abs(distance) / CONFIDENCE_SPAN * 0.5);
    }

    private static float[] mean(List<float[]> vectors) {
        float[] sum = new float[vectors.get(0).length];
        for (float[] v : vectors) {
            for (int i = 0; i < sum.length; i++) {
                sum[i] += v[i];
            }
        }
        double norm = 0;
        for (float x : sum) {
            norm += x * x;
        }
        float scale = (float) (1 / Math.sqrt(norm));
        for (int i = 0; i < sum.length; i++) {
            sum[i] *= scale;
        }
        return sum;
    }
}
