package dk.dealfinder.udfs.inference.triton;

import dk.dealfinder.core.embedding.TextEmbedder;
import dk.dealfinder.core.model.Verdict;
import dk.dealfinder.udfs.classify.Judgement;
import dk.dealfinder.udfs.classify.ListingAttributes;
import dk.dealfinder.udfs.classify.Provider;
import dk.dealfinder.udfs.inference.RemoteClassifier;
import dk.dealfinder.udfs.match.QueryMatch;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The CLIP provider: judges a listing by its first photo, zero-shot against text prompts built from
 * the saved query (the photo of the item, of an accessory, of a broken one, of something else).
 * Prompt embeddings are computed once per query; the photos of a batch go to Triton in one call. A
 * photo that is refused or unreadable, and every listing while the circuit breaker is open, gets no
 * answer, so the router falls back to the local text model.
 */
public final class ClipClassifier implements RemoteClassifier {

    private static final Logger LOG = LoggerFactory.getLogger(ClipClassifier.class);

    /** CLIP's logit scale: cosine similarities are multiplied by it before the softmax. */
    private static final double LOGIT_SCALE = 100;

    private static final List<Verdict> PROMPT_VERDICTS =
            List.of(
                    Verdict.RELEVANT,
                    Verdict.ACCESSORY,
                    Verdict.ACCESSORY,
                    Verdict.BROKEN,
                    Verdict.IRRELEVANT);

    private final ClipSettings settings;
    private final TritonClipClient client;
    private final ImageFetcher images;
    private final CircuitBreaker breaker;
    private final Map<String, List<float[]>> prompts = new ConcurrentHashMap<>();

    public ClipClassifier(ClipSettings settings, Clock clock) {
        this.settings = settings;
        this.client = new TritonClipClient(settings);
        this.images =
                new ImageFetcher(
                        settings.allowedImageHosts(), settings.maxImageBytes(), settings.timeout());
        this.breaker = new CircuitBreaker(settings.failuresToOpen(), settings.openFor(), clock);
    }

    /** The zero-shot prompts for a query, in the order of {@link #PROMPT_VERDICTS}. */
    static List<String> promptsFor(String terms) {
        return List.of(
                "a photo of " + terms,
                "a photo of a case, cover or charger for " + terms,
                "a photo of an empty box",
                "a photo of a broken " + terms + " with a cracked screen",
                "a photo of something else");
    }

    @Override
    public Provider provider() {
        return Provider.CLIP;
    }

    @Override
    public String modelId() {
        return settings.imageModel();
    }

    @Override
    public String promptVersion() {
        return "clip-prompts-v1";
    }

    @Override
    public double estimatedCost(QueryMatch match) {
        return 0;
    }

    /** Whether Triton and both models are ready (a health check; also closes the breaker). */
    public boolean ready() {
        try {
            boolean ready = client.ready();
            if (ready) {
                breaker.succeeded();
            }
            return ready;
        } catch (RuntimeException e) {
            LOG.warn("Triton not ready at {}: {}", settings.target(), e.toString());
            return false;
        }
    }

    public boolean circuitOpen() {
        return breaker.isOpen();
    }

    @Override
    public List<Optional<Judgement>> classifyAll(List<QueryMatch> batch) {
        List<Optional<Judgement>> out = new ArrayList<>();
        batch.forEach(m -> out.add(Optional.empty()));
        if (!breaker.allowsCall()) {
            return out;
        }
        List<Integer> withImage = new ArrayList<>();
        List<float[]> pixels = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            String url = batch.get(i).listing().firstImageUrl();
            try {
                pixels.add(images.fetch(url));
                withImage.add(i);
            } catch (ImageFetcher.ImageRejectedException e) {
                LOG.info(
                        "no CLIP verdict for {}: {}",
                        batch.get(i).listing().listingKey(),
                        e.getMessage());
            }
        }
        if (withImage.isEmpty()) {
            return out;
        }
        long start = System.nanoTime();
        List<float[]> embeddings;
        try {
            embeddings = client.embedImages(pixels);
            for (int i : withImage) {
                promptVectors(batch.get(i).query().terms());
            }
            breaker.succeeded();
        } catch (RuntimeException e) {
            breaker.failed();
            LOG.warn(
                    "Triton CLIP call failed ({}); circuit open: {}",
                    e.toString(),
                    breaker.isOpen());
            return out;
        }
        long latencyMs = (System.nanoTime() - start) / 1_000_000;
        for (int n = 0; n < withImage.size(); n++) {
            int i = withImage.get(n);
            out.set(
                    i,
                    Optional.of(
                            judge(
                                    embeddings.get(n),
                                    prompts.get(batch.get(i).query().terms()),
                                    latencyMs)));
        }
        return out;
    }

    private List<float[]> promptVectors(String terms) {
        List<float[]> cached = prompts.get(terms);
        if (cached == null) {
            cached = client.embedTexts(promptsFor(terms));
            prompts.put(terms, cached);
        }
        return cached;
    }

    private Judgement judge(float[] image, List<float[]> promptVectors, long latencyMs) {
        double[] logits = new double[promptVectors.size()];
        double max = Double.NEGATIVE_INFINITY;
        for (int p = 0; p < logits.length; p++) {
            logits[p] = LOGIT_SCALE * TextEmbedder.cosine(image, promptVectors.get(p));
            max = Math.max(max, logits[p]);
        }
        double sum = 0;
        for (int p = 0; p < logits.length; p++) {
            logits[p] = Math.exp(logits[p] - max);
            sum += logits[p];
        }
        int best = 0;
        for (int p = 1; p < logits.length; p++) {
            if (logits[p] > logits[best]) {
                best = p;
            }
        }
        double probability = logits[best] / sum;
        return Judgement.free(
                PROMPT_VERDICTS.get(best),
                Math.min(1, probability),
                Double.NaN,
                ListingAttributes.NONE,
                String.format(
                        "the photo looks like \"%s\" (p=%.2f)",
                        promptsFor("the item").get(best), probability),
                Provider.CLIP,
                settings.imageModel(),
                latencyMs);
    }

    @Override
    public void close() {
        client.close();
    }
}
