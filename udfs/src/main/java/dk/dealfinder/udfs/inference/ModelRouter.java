package dk.dealfinder.udfs.inference;

import dk.dealfinder.core.model.ModelMode;
import dk.dealfinder.udfs.classify.Judgement;
import dk.dealfinder.udfs.classify.LocalClassifier;
import dk.dealfinder.udfs.classify.Provider;
import dk.dealfinder.udfs.match.QueryMatch;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides who judges each listing of a batch, by its saved query's {@link ModelMode} (the query's
 * own, else the configured one, see {@link RoutingSettings#modeOf}): the local model always runs
 * first (on the vectors the matches carry; it is also every fallback). LOCAL stops there; AUTO
 * escalates to the LLM only a non-rule verdict below the confidence band or a long text; LLM and
 * CLIP send everything to their model. Paid answers come from the cache when they can, and are
 * bought only while the daily budget lasts. Of uncertain listings alike each other (reposts, the
 * same product again) only the first is asked about; its answer becomes a labelled example and the
 * local model judges the rest again with it.
 *
 * <p>A match outside its query's price range only feeds the market estimate and is never alerted,
 * so it is never worth paying for: the local verdict stands, whatever the mode.
 */
public final class ModelRouter {

    /** Rough size of a token in Danish and English text, for the long-text threshold. */
    private static final int CHARS_PER_TOKEN = 4;

    private static final String UNCERTAIN = "auto-uncertain";

    private final LocalClassifier local;
    private final Map<ModelMode, RemoteClassifier> remotes;
    private final JudgementCache cache;
    private final DailyBudget budget;
    private final RoutingSettings settings;
    private final RoutingMetrics metrics;
    private final Clock clock;

    /**
     * @param remotes the LLM (key {@link ModelMode#LLM}) and CLIP (key {@link ModelMode#CLIP})
     *     classifiers that are configured
     * @param cache the judgement cache, or null for none
     */
    public ModelRouter(
            LocalClassifier local,
            Map<ModelMode, RemoteClassifier> remotes,
            JudgementCache cache,
            DailyBudget budget,
            RoutingSettings settings,
            RoutingMetrics metrics,
            Clock clock) {
        this.local = local;
        this.remotes = new EnumMap<>(remotes);
        this.cache = cache;
        this.budget = budget;
        this.settings = settings;
        this.metrics = metrics;
        this.clock = clock;
    }

    public List<Classification> route(List<QueryMatch> batch) {
        List<Judgement> locals = local.classifyAll(batch);
        Decision[] decisions = new Decision[batch.size()];
        Map<ModelMode, List<Integer>> escalate = new EnumMap<>(ModelMode.class);
        String[] reasons = new String[batch.size()];
        for (int i = 0; i < batch.size(); i++) {
            QueryMatch m = batch.get(i);
            Judgement l = locals.get(i);
            Route route =
                    m.priceInRange()
                            ? route(settings.modeOf(m.query()), m, l)
                            : Route.local("out-of-price-range");
            if (route.remote() != null) {
                reasons[i] = route.reason();
                escalate.computeIfAbsent(route.remote(), k -> new ArrayList<>()).add(i);
            } else {
                decisions[i] = new Decision(l, route.reason(), false);
            }
        }
        escalate.forEach(
                (mode, indices) -> {
                    List<Integer> twins = twinsOfEarlier(batch, indices, reasons);
                    List<Integer> first = new ArrayList<>(indices);
                    first.removeAll(twins);
                    ask(remotes.get(mode), batch, locals, first, reasons, decisions);
                    List<Integer> unsure = rejudged(batch, twins, decisions);
                    ask(remotes.get(mode), batch, locals, unsure, reasons, decisions);
                });
        List<Classification> out = new ArrayList<>(batch.size());
        long now = clock.millis();
        for (int i = 0; i < batch.size(); i++) {
            Decision d = decisions[i];
            metrics.decided(
                    d.judgement().provider(),
                    d.cacheHit(),
                    d.judgement().costUsd(),
                    d.judgement().latencyMs());
            out.add(Classification.of(batch.get(i), d.judgement(), d.reason(), d.cacheHit(), now));
        }
        return out;
    }

    /** Who decides a listing and why: the local verdict stands unless a remote is named. */
    private Route route(ModelMode mode, QueryMatch m, Judgement l) {
        switch (mode) {
            case LOCAL:
                return Route.local(l.provider() == Provider.RULES ? "rules" : "mode-local");
            case AUTO:
                if (l.provider() == Provider.RULES) {
                    return Route.local("rules");
                }
                if (!remotes.containsKey(ModelMode.LLM)) {
                    return Route.local("auto-no-llm-configured");
                }
                if (l.confidence() < settings.uncertainBelow()) {
                    return new Route(ModelMode.LLM, UNCERTAIN);
                }
                return m.listing().text().length() / CHARS_PER_TOKEN > settings.longTextTokens()
                        ? new Route(ModelMode.LLM, "auto-long-text")
                        : Route.local("auto-confident");
            case LLM:
                return remotes.containsKey(ModelMode.LLM)
                        ? new Route(ModelMode.LLM, "mode-llm")
                        : Route.local("llm-not-configured");
            case CLIP:
                if (!remotes.containsKey(ModelMode.CLIP)) {
                    return Route.local("clip-not-configured");
                }
                return m.listing().firstImageUrl() == null
                        ? Route.local("clip-no-image")
                        : new Route(ModelMode.CLIP, "mode-clip");
            default:
                throw new IllegalStateException("unknown mode " + mode);
        }
    }

    /**
     * The uncertain listings that are alike an earlier one of the same query in the batch (a
     * repost, the same product again): the LLM is asked about the first, and its answer, learned as
     * a labelled example, lets the local model decide the rest.
     */
    private List<Integer> twinsOfEarlier(
            List<QueryMatch> batch, List<Integer> indices, String[] reasons) {
        List<Integer> first = new ArrayList<>();
        List<Integer> twins = new ArrayList<>();
        for (int i : indices) {
            QueryMatch m = batch.get(i);
            boolean twin =
                    UNCERTAIN.equals(reasons[i])
                            && first.stream().anyMatch(f -> local.alike(batch.get(f), m));
            (twin ? twins : first).add(i);
        }
        return twins;
    }

    /**
     * Judges the twins again with the labels just learned; decides those now confident and returns
     * the rest, still to be asked about.
     */
    private List<Integer> rejudged(List<QueryMatch> batch, List<Integer> twins, Decision[] out) {
        if (twins.isEmpty()) {
            return twins;
        }
        List<Judgement> again = local.classifyAll(twins.stream().map(batch::get).toList());
        List<Integer> unsure = new ArrayList<>();
        for (int n = 0; n < twins.size(); n++) {
            if (again.get(n).confidence() >= settings.uncertainBelow()) {
                out[twins.get(n)] = new Decision(again.get(n), "auto-learned-from-twin", false);
            } else {
                unsure.add(twins.get(n));
            }
        }
        return unsure;
    }

    /** Answers escalated listings from the cache, then buys the rest within the budget. */
    private void ask(
            RemoteClassifier remote,
            List<QueryMatch> batch,
            List<Judgement> locals,
            List<Integer> indices,
            String[] reasons,
            Decision[] decisions) {
        List<String> keys = indices.stream().map(i -> cacheKey(remote, batch.get(i))).toList();
        List<Optional<Judgement>> cached =
                cache == null
                        ? indices.stream().map(i -> Optional.<Judgement>empty()).toList()
                        : cache.getAll(keys);
        List<Integer> asked = new ArrayList<>();
        List<String> askedKeys = new ArrayList<>();
        double reserved = 0;
        int hits = 0;
        for (int n = 0; n < indices.size(); n++) {
            int i = indices.get(n);
            if (cached.get(n).isPresent()) {
                hits++;
                Judgement hit = cached.get(n).get();
                decisions[i] = new Decision(free(hit, locals.get(i)), reasons[i], true);
                local.learnIfLabel(batch.get(i), hit);
                continue;
            }
            double estimate = remote.estimatedCost(batch.get(i));
            if (estimate > 0 && !budget.tryReserve(estimate)) {
                metrics.budgetRefused();
                decisions[i] = new Decision(locals.get(i), "budget-exhausted", false);
                continue;
            }
            reserved += estimate;
            asked.add(i);
            askedKeys.add(keys.get(n));
        }
        if (cache != null) {
            metrics.cacheLookups(hits, indices.size() - hits);
        }
        if (!asked.isEmpty()) {
            Escalated escalated = new Escalated(asked, askedKeys, reserved);
            buy(remote, batch, locals, escalated, reasons, decisions);
        }
    }

    /**
     * One remote call for the listings the cache did not answer; failures keep the local verdict.
     */
    private void buy(
            RemoteClassifier remote,
            List<QueryMatch> batch,
            List<Judgement> locals,
            Escalated escalated,
            String[] reasons,
            Decision[] decisions) {
        List<Integer> asked = escalated.indices();
        List<Optional<Judgement>> answers =
                remote.classifyAll(asked.stream().map(batch::get).toList());
        double spent = 0;
        List<String> putKeys = new ArrayList<>();
        List<Judgement> putValues = new ArrayList<>();
        for (int n = 0; n < asked.size(); n++) {
            int i = asked.get(n);
            Optional<Judgement> answer = answers.get(n);
            if (answer.isEmpty()) {
                metrics.remoteFellBack();
                String reason = remote.provider().id() + "-failed-fallback";
                decisions[i] = new Decision(locals.get(i), reason, false);
                continue;
            }
            Judgement j = answer.get().withSimilarity(locals.get(i).similarity());
            spent += j.costUsd();
            decisions[i] = new Decision(j, reasons[i], false);
            local.learnIfLabel(batch.get(i), j);
            putKeys.add(escalated.cacheKeys().get(n));
            putValues.add(j);
        }
        budget.settle(escalated.reservedUsd(), spent);
        if (cache != null) {
            cache.putAll(putKeys, putValues);
        }
    }

    private String cacheKey(RemoteClassifier remote, QueryMatch m) {
        return cache == null
                ? ""
                : cache.keyOf(remote.provider().id(), remote.modelId(), remote.promptVersion(), m);
    }

    /** A cached answer: nothing paid, nothing waited for, the local similarity kept. */
    private static Judgement free(Judgement hit, Judgement local) {
        return new Judgement(
                hit.verdict(),
                hit.confidence(),
                local.similarity(),
                hit.attributes(),
                hit.reason(),
                hit.provider(),
                hit.modelId(),
                hit.promptVersion(),
                0,
                0,
                0,
                0);
    }

    private record Decision(Judgement judgement, String reason, boolean cacheHit) {}

    /** The listings sent to a remote, their cache keys and the budget reserved for them. */
    private record Escalated(List<Integer> indices, List<String> cacheKeys, double reservedUsd) {}

    /** A routing decision: {@code remote} is null when the local verdict stands. */
    private record Route(ModelMode remote, String reason) {
        static Route local(String reason) {
            return new Route(null, reason);
        }
    }
}
