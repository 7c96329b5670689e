package dk.dealfinder.udfs.market;

import static dk.dealfinder.udfs.Listings.classified;
import static dk.dealfinder.udfs.Listings.query;
import static io.qdrant.client.PointIdFactory.id;
import static io.qdrant.client.ValueFactory.list;
import static io.qdrant.client.ValueFactory.value;
import static io.qdrant.client.VectorsFactory.vectors;
import static org.assertj.core.api.Assertions.assertThat;

import dk.dealfinder.core.model.EmbeddedListing;
import dk.dealfinder.core.model.Listing;
import dk.dealfinder.core.model.ListingPointFields;
import dk.dealfinder.core.model.MarketEstimate;
import dk.dealfinder.core.model.SavedQuery;
import dk.dealfinder.core.model.SellerType;
import dk.dealfinder.core.model.Verdict;
import dk.dealfinder.testkit.Await;
import dk.dealfinder.testkit.doubles.qdrant.QdrantDouble;
import dk.dealfinder.udfs.score.DealScorer;
import dk.dealfinder.udfs.score.ScoringPolicy;
import io.grpc.Status;
import io.qdrant.client.QdrantClient;
import io.qdrant.client.QdrantGrpcClient;
import io.qdrant.client.grpc.Collections.Distance;
import io.qdrant.client.grpc.JsonWithInt.Value;
import io.qdrant.client.grpc.Points.PointStruct;
import io.qdrant.client.grpc.PointsGrpc;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.AsyncDataStream;
import org.apache.flink.streaming.api.operators.async.AsyncWaitOperatorFactory;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.apache.flink.util.function.SerializableSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The comparables fallback against the Qdrant double, through Flink's async operator. */
class ComparablesFallbackTest {

    private static final String COLLECTION = "listings";
    private static final int MIN_COMPARABLES = 5;
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final SavedQuery BIKES = query("bikes", "racercykel", 5000L, List.of());

    private QdrantDouble qdrant;
    private QdrantClient client;

    @BeforeEach
    void start() throws Exception {
        qdrant = QdrantDouble.start();
        qdrant.createCollection(COLLECTION, 2, Distance.Cosine);
        client = qdrant.newClient();
        List<PointStruct> points = new ArrayList<>();
        points.add(point("me", 0f, 4000, "Cykler", "DKK", true, NOW, List.of("bikes")));
        // Six comparables, 1000..1500 kr.
        for (int i = 0; i < 6; i++) {
            points.add(
                    point(
                            "c" + i,
                            0.1f * i,
                            1000 + 100 * i,
                            "Cykler",
                            "DKK",
                            true,
                            NOW,
                            List.of("q" + i)));
        }
        // Closer than any comparable, but each fails one condition.
        points.add(point("inactive", 0f, 10, "Cykler", "DKK", false, NOW, List.of("bikes")));
        points.add(point("other-category", 0f, 10, "Møbler", "DKK", true, NOW, List.of("bikes")));
        points.add(point("other-currency", 0f, 10, "Cykler", "SEK", true, NOW, List.of("bikes")));
        points.add(point("judged-irrelevant", 0f, 10, "Cykler", "DKK", true, NOW, List.of()));
        points.add(
                point(
                        "too-old",
                        0f,
                        10,
                        "Cykler",
                        "DKK",
                        true,
                        NOW.minus(Duration.ofDays(31)),
                        List.of("bikes")));
        client.upsertAsync(COLLECTION, points).get();
    }

    @AfterEach
    void stop() {
        client.close();
        qdrant.close();
    }

    @Test
    void aQueryWithTooFewPricesIsPricedAgainstTheNearestRelevantListings() throws Exception {
        PricedMatch out = single(priced("me", "Cykler", Verdict.RELEVANT, 3));

        MarketEstimate market = out.market();
        assertThat(market.source()).isEqualTo(MarketEstimate.Source.SIMILAR_LISTINGS);
        assertThat(market.n()).isEqualTo(6);
        assertThat(market.median()).isEqualTo(1200.0);
        assertThat(market.queryId()).isEqualTo("bikes");
        assertThat(market.horizonDays()).isEqualTo(30);

        var scored =
                new DealScorer(new ScoringPolicy(0.4, 0.4, 0.1, 0.1, MIN_COMPARABLES, 3_600_000))
                        .map(out);
        assertThat(scored.explanation())
                .contains("over the median of 6 similar listings in Qdrant");
    }

    @Test
    void aQueryWithEnoughPricesOrAListingNotRelevantIsLeftAlone() throws Exception {
        PricedMatch enough = priced("me", "Cykler", Verdict.RELEVANT, MIN_COMPARABLES);
        PricedMatch accessory = priced("me", "Cykler", Verdict.ACCESSORY, 0);

        assertThat(run(enough, accessory)).containsExactly(enough, accessory);
        assertThat(qdrant.requests(PointsGrpc.getQueryMethod())).isEmpty();
    }

    @Test
    void tooFewComparablesKeepTheQuerysOwnEstimate() throws Exception {
        PricedMatch unusual = priced("me", "Tandems", Verdict.RELEVANT, 3);

        assertThat(single(unusual)).isEqualTo(unusual);
        assertThat(qdrant.requests(PointsGrpc.getQueryMethod())).hasSize(1);
    }

    @Test
    void aListingWhoseEmbeddingNeverReachesQdrantKeepsTheQuerysOwnEstimate() throws Exception {
        PricedMatch unseen = priced("not-embedded", "Cykler", Verdict.RELEVANT, 3);

        assertThat(run(Duration.ofSeconds(1), unseen)).containsExactly(unseen);
        // Asked again while the wait lasted.
        assertThat(qdrant.requests(PointsGrpc.getQueryMethod()))
                .hasSizeGreaterThan(1)
                .allMatch(r -> r.outcome() == Status.Code.NOT_FOUND);
    }

    @Test
    void aListingWhoseEmbeddingArrivesWhileItWaitsIsPricedAgainstItsComparables() throws Exception {
        PricedMatch late = priced("late", "Cykler", Verdict.RELEVANT, 3);

        try (var h = harness(Duration.ofSeconds(60))) {
            h.open();
            h.processElement(late, 0);
            Await.until(
                    Duration.ofSeconds(30),
                    "Qdrant asked for the point before it exists",
                    () -> !qdrant.requests(PointsGrpc.getQueryMethod()).isEmpty());
            client.upsertAsync(
                            COLLECTION,
                            List.of(point("late", 0f, 4000, "Cykler", "DKK", true, NOW, List.of())))
                    .get();
            h.endInput();

            assertThat(h.extractOutputValues())
                    .singleElement()
                    .extracting(m -> m.market().source(), m -> m.market().n())
                    // The six comparables and "me", a RELEVANT listing itself.
                    .containsExactly(MarketEstimate.Source.SIMILAR_LISTINGS, 7L);
        }
        assertThat(qdrant.requests(PointsGrpc.getQueryMethod()).get(0).outcome())
                .isEqualTo(Status.Code.NOT_FOUND);
    }

    @Test
    void aFailingQdrantKeepsTheQuerysOwnEstimate() throws Exception {
        qdrant.failNext(PointsGrpc.getQueryMethod(), Status.Code.UNAVAILABLE, 1);
        PricedMatch priced = priced("me", "Cykler", Verdict.RELEVANT, 3);

        assertThat(single(priced)).isEqualTo(priced);
    }

    @Test
    void aQdrantTooSlowToAnswerKeepsTheQuerysOwnEstimate() throws Exception {
        qdrant.setLatency(Duration.ofSeconds(2));
        PricedMatch priced = priced("me", "Cykler", Verdict.RELEVANT, 3);

        Duration wait = Duration.ofSeconds(30);
        try (var h = harness(wait)) {
            h.open();
            h.processElement(priced, 0);
            // The async operator's timeout fires (the harness's clock is Flink's processing time).
            h.setProcessingTime(wait.toMillis() + 1);
            h.endInput();
            assertThat(h.extractOutputValues()).containsExactly(priced);
        }
    }

    private PricedMatch single(PricedMatch in) throws Exception {
        List<PricedMatch> out = run(in);
        assertThat(out).hasSize(1);
        return out.get(0);
    }

    private List<PricedMatch> run(PricedMatch... in) throws Exception {
        return run(Duration.ofSeconds(30), in);
    }

    private List<PricedMatch> run(Duration callTimeout, PricedMatch... in) throws Exception {
        try (var h = harness(callTimeout)) {
            h.open();
            for (PricedMatch m : in) {
                h.processElement(m, 0);
            }
            h.endInput();
            return h.extractOutputValues();
        }
    }

    /**
     * The fallback in an async operator whose timeout is the fallback's own wait, as in the job.
     */
    private OneInputStreamOperatorTestHarness<PricedMatch, PricedMatch> harness(
            Duration callTimeout) throws Exception {
        int port = qdrant.port();
        SerializableSupplier<QdrantClient> clients =
                () ->
                        new QdrantClient(
                                QdrantGrpcClient.newBuilder(QdrantDouble.HOST, port, false)
                                        .build());
        ComparablesFallback fallback =
                new ComparablesFallback(clients, COLLECTION, 10, MIN_COMPARABLES, callTimeout);
        return new OneInputStreamOperatorTestHarness<>(
                new AsyncWaitOperatorFactory<>(
                        fallback, callTimeout.toMillis(), 10, AsyncDataStream.OutputMode.ORDERED),
                TypeInformation.of(PricedMatch.class).createSerializer(new SerializerConfigImpl()));
    }

    /** A match of listing {@code adId} whose query's own estimate rests on {@code n} prices. */
    private static PricedMatch priced(String adId, String category, Verdict verdict, long n) {
        Listing listing =
                new Listing(
                        Listing.keyOf("dba.dk", adId),
                        "dba.dk",
                        adId,
                        "https://www.dba.dk/recommerce/forsale/item/" + adId,
                        "Racercykel",
                        "",
                        4000L,
                        "DKK",
                        "København",
                        "2100",
                        List.of(),
                        NOW.toEpochMilli(),
                        NOW.toEpochMilli(),
                        1,
                        SellerType.PRIVATE,
                        category);
        MarketEstimate own =
                new MarketEstimate("bikes", n, 3000, 2500, 3500, 30, NOW.toEpochMilli() - 1000);
        return new PricedMatch(classified(listing, BIKES, verdict, 0.9), own);
    }

    private static PointStruct point(
            String adId,
            float angle,
            double price,
            String category,
            String currency,
            boolean active,
            Instant publishedAt,
            List<String> relevantFor) {
        Map<String, Value> payload =
                Map.of(
                        ListingPointFields.PRICE, value(price),
                        ListingPointFields.CATEGORY, value(category),
                        ListingPointFields.CURRENCY, value(currency),
                        ListingPointFields.ACTIVE, value(active),
                        ListingPointFields.PUBLISHED_AT, value(publishedAt.toString()),
                        ListingPointFields.RELEVANT_FOR,
                                list(relevantFor.stream().map(q -> value(q)).toList()));
        return PointStruct.newBuilder()
                .setId(
                        id(
                                UUID.fromString(
                                        EmbeddedListing.pointIdOf(Listing.keyOf("dba.dk", adId)))))
                .setVectors(vectors(1f, angle))
                .putAllPayload(payload)
                .build();
    }
}
