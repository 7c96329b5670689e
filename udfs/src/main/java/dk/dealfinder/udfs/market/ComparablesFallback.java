package dk.dealfinder.udfs.market;

import static dk.dealfinder.core.model.ListingPointFields.ACTIVE;
import static dk.dealfinder.core.model.ListingPointFields.CATEGORY;
import static dk.dealfinder.core.model.ListingPointFields.CURRENCY;
import static dk.dealfinder.core.model.ListingPointFields.PRICE;
import static dk.dealfinder.core.model.ListingPointFields.PUBLISHED_AT;
import static dk.dealfinder.core.model.ListingPointFields.RELEVANT_FOR;
import static io.qdrant.client.ConditionFactory.datetimeRange;
import static io.qdrant.client.ConditionFactory.hasId;
import static io.qdrant.client.ConditionFactory.isEmpty;
import static io.qdrant.client.ConditionFactory.match;
import static io.qdrant.client.ConditionFactory.matchKeyword;
import static io.qdrant.client.ConditionFactory.range;
import static io.qdrant.client.QueryFactory.nearest;
import static io.qdrant.client.WithPayloadSelectorFactory.include;

import com.google.common.util.concurrent.FutureCallback;
import com.google.common.util.concurrent.Futures;
import com.google.common.util.concurrent.MoreExecutors;
import com.google.protobuf.Timestamp;
import dk.dealfinder.core.model.EmbeddedListing;
import dk.dealfinder.core.model.Listing;
import dk.dealfinder.core.model.MarketEstimate;
import dk.dealfinder.core.model.Verdict;
import io.grpc.Status;
import io.qdrant.client.PointIdFactory;
import io.qdrant.client.QdrantClient;
import io.qdrant.client.grpc.Common.DatetimeRange;
import io.qdrant.client.grpc.Common.Filter;
import io.qdrant.client.grpc.Common.PointId;
import io.qdrant.client.grpc.Common.Range;
import io.qdrant.client.grpc.JsonWithInt.Value;
import io.qdrant.client.grpc.Points.QueryPoints;
import io.qdrant.client.grpc.Points.ScoredPoint;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.streaming.api.functions.async.ResultFuture;
import org.apache.flink.streaming.api.functions.async.RichAsyncFunction;
import org.apache.flink.util.Preconditions;
import org.apache.flink.util.function.SerializableSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prices a RELEVANT listing whose saved query has too few prices of its own (fewer than {@code
 * minComparables}) against its nearest listings in Qdrant that some saved query judged RELEVANT:
 * active, priced in the same currency, of the same category when the listing has one, and published
 * within the estimate's horizon. Their prices replace the query's estimate, marked {@link
 * MarketEstimate.Source#SIMILAR_LISTINGS} so the explanation can say where they came from, but only
 * when there are at least {@code minComparables} of them.
 *
 * <p>Qdrant is asked by the listing's point id ({@link EmbeddedListing#pointIdOf}), the point the
 * sink writes. A new listing's embedding travels apart from its classification and may not be in
 * Qdrant yet, so a missing point is asked for again every {@link #POINT_RETRY} within {@code
 * callTimeout}. When it is still missing then, or Qdrant fails or does not answer in time, the
 * query's own estimate stays: a price is never worth failing the job.
 */
public class ComparablesFallback extends RichAsyncFunction<PricedMatch, PricedMatch> {

    private static final Logger LOG = LoggerFactory.getLogger(ComparablesFallback.class);

    /** How soon a listing whose point is not in Qdrant yet is asked for again. */
    static final Duration POINT_RETRY = Duration.ofMillis(200);

    /** The shortest deadline a Qdrant call is given. */
    private static final Duration MIN_CALL = Duration.ofMillis(10);

    private final SerializableSupplier<QdrantClient> qdrant;
    private final String collection;
    private final int comparables;
    private final int minComparables;
    private final Duration callTimeout;

    private transient QdrantClient client;
    private transient ScheduledExecutorService retries;
    private transient volatile boolean failing;
    private transient Counter queries;
    private transient Counter used;
    private transient Counter tooFew;
    private transient Counter pointMissing;
    private transient Counter failures;
    private transient Counter timeouts;

    /**
     * @param qdrant opens a client on the task manager
     * @param collection the listing collection the sink writes
     * @param comparables how many nearest listings to ask for
     * @param minComparables fewest prices an estimate must rest on to be used (the scorer's)
     * @param callTimeout how long a match may wait for Qdrant, waits for a missing point included;
     *     give the async operator the same timeout
     */
    public ComparablesFallback(
            SerializableSupplier<QdrantClient> qdrant,
            String collection,
            int comparables,
            int minComparables,
            Duration callTimeout) {
        Preconditions.checkArgument(
                minComparables >= 1, "minComparables must be at least 1, got %s", minComparables);
        Preconditions.checkArgument(
                comparables >= minComparables,
                "asking for %s comparables can never reach minComparables (%s)",
                comparables,
                minComparables);
        this.qdrant = Preconditions.checkNotNull(qdrant, "qdrant");
        this.collection = Preconditions.checkNotNull(collection, "collection");
        this.comparables = comparables;
        this.minComparables = minComparables;
        this.callTimeout = Preconditions.checkNotNull(callTimeout, "callTimeout");
    }

    @Override
    public void open(OpenContext openContext) {
        client = qdrant.get();
        retries =
                Executors.newSingleThreadScheduledExecutor(
                        r -> {
                            Thread thread = new Thread(r, "comparables-retries");
                            thread.setDaemon(true);
                            return thread;
                        });
        MetricGroup metrics = getRuntimeContext().getMetricGroup();
        queries = metrics.counter("comparablesQueries");
        used = metrics.counter("comparablesUsed");
        tooFew = metrics.counter("comparablesTooFew");
        pointMissing = metrics.counter("comparablesPointMissing");
        failures = metrics.counter("comparablesFailures");
        timeouts = metrics.counter("comparablesTimeouts");
    }

    @Override
    public void close() {
        if (retries != null) {
            retries.shutdownNow();
        }
        if (client != null) {
            client.close();
        }
    }

    @Override
    public void asyncInvoke(PricedMatch priced, ResultFuture<PricedMatch> result) {
        if (!needsComparables(priced)) {
            result.complete(List.of(priced));
            return;
        }
        queries.inc();
        query(priced, result, System.nanoTime() + callTimeout.toNanos());
    }

    /**
     * Asks Qdrant, again every {@link #POINT_RETRY} while the listing's point is missing and time
     * is left before {@code deadlineNanos}.
     */
    private void query(PricedMatch priced, ResultFuture<PricedMatch> result, long deadlineNanos) {
        Listing listing = priced.match().listing();
        long leftNanos = deadlineNanos - System.nanoTime();
        Futures.addCallback(
                client.queryAsync(
                        request(collection, comparables, listing, priced.market().horizonDays()),
                        Duration.ofNanos(Math.max(leftNanos, MIN_CALL.toNanos()))),
                new FutureCallback<List<ScoredPoint>>() {
                    @Override
                    public void onSuccess(List<ScoredPoint> points) {
                        recovered();
                        result.complete(List.of(withComparables(priced, points)));
                    }

                    @Override
                    public void onFailure(Throwable failure) {
                        if (isPointMissing(failure)
                                && deadlineNanos - System.nanoTime() > POINT_RETRY.toNanos()) {
                            retries.schedule(
                                    () -> query(priced, result, deadlineNanos),
                                    POINT_RETRY.toMillis(),
                                    TimeUnit.MILLISECONDS);
                            return;
                        }
                        failed(listing, failure);
                        result.complete(List.of(priced));
                    }
                },
                MoreExecutors.directExecutor());
    }

    @Override
    public void timeout(PricedMatch priced, ResultFuture<PricedMatch> result) {
        timeouts.inc();
        result.complete(List.of(priced));
    }

    /** Only RELEVANT listings are scored against the market; the rest need no price. */
    private boolean needsComparables(PricedMatch priced) {
        Listing listing = priced.match().listing();
        return priced.match().verdict() == Verdict.RELEVANT
                && priced.market() != null
                && priced.market().n() < minComparables
                && listing.price() != null
                && listing.price() > 0;
    }

    /** The comparables of {@code listing}: nearest to its point, filtered as the class says. */
    static QueryPoints request(String collection, int limit, Listing listing, int horizonDays) {
        PointId self =
                PointIdFactory.id(UUID.fromString(EmbeddedListing.pointIdOf(listing.listingKey())));
        Instant since =
                Instant.ofEpochMilli(listing.fetchedAt()).minus(Duration.ofDays(horizonDays));
        Filter.Builder filter =
                Filter.newBuilder()
                        .addMust(match(ACTIVE, true))
                        .addMust(range(PRICE, Range.newBuilder().setGt(0).build()))
                        .addMust(
                                datetimeRange(
                                        PUBLISHED_AT,
                                        DatetimeRange.newBuilder()
                                                .setGte(
                                                        Timestamp.newBuilder()
                                                                .setSeconds(since.getEpochSecond()))
                                                .build()))
                        .addMustNot(isEmpty(RELEVANT_FOR))
                        .addMustNot(hasId(self));
        if (listing.currency() != null) {
            filter.addMust(matchKeyword(CURRENCY, listing.currency()));
        }
        if (listing.category() != null) {
            filter.addMust(matchKeyword(CATEGORY, listing.category()));
        }
        return QueryPoints.newBuilder()
                .setCollectionName(collection)
                .setQuery(nearest(self))
                .setFilter(filter)
                .setLimit(limit)
                .setWithPayload(include(List.of(PRICE)))
                .build();
    }

    private PricedMatch withComparables(PricedMatch priced, List<ScoredPoint> points) {
        List<Double> prices =
                points.stream()
                        .map(p -> p.getPayloadMap().get(PRICE))
                        .filter(ComparablesFallback::isNumber)
                        .map(v -> v.hasDoubleValue() ? v.getDoubleValue() : v.getIntegerValue())
                        .filter(price -> price > 0)
                        .toList();
        if (prices.size() < minComparables) {
            tooFew.inc();
            return priced;
        }
        used.inc();
        MarketEstimate own = priced.market();
        MarketEstimate similar =
                MarketSketch.estimate(
                        own.queryId(),
                        prices,
                        own.horizonDays(),
                        priced.match().listing().fetchedAt(),
                        MarketEstimate.Source.SIMILAR_LISTINGS);
        return new PricedMatch(priced.match(), similar);
    }

    private static boolean isNumber(Value value) {
        return value != null && (value.hasDoubleValue() || value.hasIntegerValue());
    }

    private void recovered() {
        if (failing) {
            failing = false;
            LOG.info("Qdrant answers comparables queries again");
        }
    }

    /** Qdrant's answer when the point queried by id does not exist (yet). */
    private static boolean isPointMissing(Throwable failure) {
        Status status = Status.fromThrowable(failure);
        return status.getCode() == Status.Code.NOT_FOUND
                && status.getDescription() != null
                && status.getDescription().contains("No point");
    }

    private void failed(Listing listing, Throwable failure) {
        if (isPointMissing(failure)) {
            // The listing's embedding did not reach Qdrant in time.
            pointMissing.inc();
            return;
        }
        failures.inc();
        if (!failing) {
            failing = true;
            LOG.warn(
                    "Qdrant comparables query for {} failed ({}); keeping the saved queries' own"
                            + " estimates until it answers again",
                    listing.listingKey(),
                    describe(failure));
        }
    }

    private static String describe(Throwable failure) {
        Status status = Status.fromThrowable(failure);
        return status.getDescription() == null
                ? status.getCode().toString()
                : status.getCode() + ": " + status.getDescription();
    }
}
