package dk.dealfinder.testkit.doubles.qdrant;

import static io.qdrant.client.ConditionFactory.datetimeRange;
import static io.qdrant.client.ConditionFactory.geoRadius;
import static io.qdrant.client.ConditionFactory.match;
import static io.qdrant.client.ConditionFactory.matchKeyword;
import static io.qdrant.client.ConditionFactory.range;
import static io.qdrant.client.PointIdFactory.id;
import static io.qdrant.client.QueryFactory.nearest;
import static io.qdrant.client.ValueFactory.value;
import static io.qdrant.client.VectorsFactory.vectors;
import static io.qdrant.client.WithPayloadSelectorFactory.enable;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Timestamp;
import io.grpc.Status;
import io.qdrant.client.QdrantClient;
import io.qdrant.client.grpc.Collections.Distance;
import io.qdrant.client.grpc.Collections.VectorParams;
import io.qdrant.client.grpc.Common.DatetimeRange;
import io.qdrant.client.grpc.Common.Filter;
import io.qdrant.client.grpc.Common.Range;
import io.qdrant.client.grpc.Points.PointStruct;
import io.qdrant.client.grpc.Points.QueryPoints;
import io.qdrant.client.grpc.Points.ScoredPoint;
import io.qdrant.client.grpc.Points.SearchPoints;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Nearest search in the Qdrant double with the payload filters dealfinder's search uses. */
class QdrantDoubleSearchTest {

    private static final String COLLECTION = "listings";

    private static QdrantDouble qdrant;
    private static QdrantClient client;

    @BeforeAll
    static void start() throws Exception {
        qdrant = QdrantDouble.start();
        client = qdrant.newClient();
        client.createCollectionAsync(
                        COLLECTION,
                        VectorParams.newBuilder().setSize(2).setDistance(Distance.Cosine).build())
                .get();
        client.upsertAsync(
                        COLLECTION,
                        List.of(
                                // Copenhagen, Aarhus, Odense: vectors at growing angles from (1,
                                // 0).
                                listing(
                                        1,
                                        1f,
                                        0f,
                                        "dba.dk",
                                        1000,
                                        true,
                                        55.676,
                                        12.568,
                                        "2026-01-10T10:00:00Z"),
                                listing(
                                        2,
                                        1f,
                                        0.5f,
                                        "dba.dk",
                                        3000,
                                        true,
                                        56.157,
                                        10.211,
                                        "2026-02-10T10:00:00Z"),
                                listing(
                                        3,
                                        1f,
                                        1f,
                                        "guloggratis.dk",
                                        2000,
                                        false,
                                        55.403,
                                        10.402,
                                        "2026-03-10T10:00:00Z"),
                                listing(
                                        4,
                                        0f,
                                        1f,
                                        "dba.dk",
                                        500,
                                        true,
                                        55.680,
                                        12.570,
                                        "2026-03-20T10:00:00Z")))
                .get();
    }

    @AfterAll
    static void stop() {
        client.close();
        qdrant.close();
    }

    @Test
    void ranksByCosineSimilarityAndReturnsPayloadWhenAsked() throws Exception {
        List<ScoredPoint> hits = query(Filter.getDefaultInstance(), 3);
        assertThat(ids(hits)).containsExactly(1L, 2L, 3L);
        assertThat(hits.get(0).getScore())
                .isCloseTo(1f, org.assertj.core.data.Offset.offset(1e-5f));
        assertThat(hits.get(0).getPayloadMap().get("site").getStringValue()).isEqualTo("dba.dk");
    }

    @Test
    void filtersByKeywordBooleanAndPriceRange() throws Exception {
        Filter filter =
                Filter.newBuilder()
                        .addMust(matchKeyword("site", "dba.dk"))
                        .addMust(match("active", true))
                        .addMust(
                                range("price", Range.newBuilder().setGte(600).setLte(5000).build()))
                        .build();
        assertThat(ids(query(filter, 10))).containsExactly(1L, 2L);
        Filter notDba = Filter.newBuilder().addMustNot(matchKeyword("site", "dba.dk")).build();
        assertThat(ids(query(notDba, 10))).containsExactly(3L);
    }

    @Test
    void filtersByDistanceFromAPoint() throws Exception {
        // 10 km around Copenhagen city hall.
        Filter nearCopenhagen =
                Filter.newBuilder()
                        .addMust(geoRadius("location", 55.6761, 12.5683, 10_000f))
                        .build();
        assertThat(ids(query(nearCopenhagen, 10))).containsExactlyInAnyOrder(1L, 4L);
    }

    @Test
    void filtersByPublicationTime() throws Exception {
        Instant from = Instant.parse("2026-02-01T00:00:00Z");
        Filter recent =
                Filter.newBuilder()
                        .addMust(
                                datetimeRange(
                                        "published_at",
                                        DatetimeRange.newBuilder()
                                                .setGte(
                                                        Timestamp.newBuilder()
                                                                .setSeconds(from.getEpochSecond()))
                                                .build()))
                        .build();
        assertThat(ids(query(recent, 10))).containsExactly(2L, 3L, 4L);
    }

    @Test
    void queryByPointIdUsesItsVectorAndLeavesItOut() throws Exception {
        List<ScoredPoint> hits =
                client.queryAsync(
                                QueryPoints.newBuilder()
                                        .setCollectionName(COLLECTION)
                                        .setQuery(nearest(id(1)))
                                        .setLimit(2)
                                        .build())
                        .get();
        assertThat(ids(hits)).containsExactly(2L, 3L);
        assertThat(
                        QdrantDoubleTest.statusOf(
                                client.queryAsync(
                                        QueryPoints.newBuilder()
                                                .setCollectionName(COLLECTION)
                                                .setQuery(nearest(id(99)))
                                                .build())))
                .isEqualTo(Status.Code.NOT_FOUND);
    }

    @Test
    void legacySearchAndCountApplyTheSameFilter() throws Exception {
        Filter inactive = Filter.newBuilder().addMust(match("active", false)).build();
        List<ScoredPoint> hits =
                client.searchAsync(
                                SearchPoints.newBuilder()
                                        .setCollectionName(COLLECTION)
                                        .addAllVector(List.of(0f, 1f))
                                        .setFilter(inactive)
                                        .setLimit(5)
                                        .build())
                        .get();
        assertThat(ids(hits)).containsExactly(3L);
        assertThat(client.countAsync(COLLECTION, inactive, true).get()).isEqualTo(1);
    }

    private static List<ScoredPoint> query(Filter filter, int limit) throws Exception {
        return client.queryAsync(
                        QueryPoints.newBuilder()
                                .setCollectionName(COLLECTION)
                                .setQuery(nearest(1f, 0f))
                                .setFilter(filter)
                                .setLimit(limit)
                                .setWithPayload(enable(true))
                                .build())
                .get();
    }

    private static List<Long> ids(List<ScoredPoint> hits) {
        return hits.stream().map(h -> h.getId().getNum()).toList();
    }

    private static PointStruct listing(
            long pointId,
            float x,
            float y,
            String site,
            long price,
            boolean active,
            double lat,
            double lon,
            String publishedAt) {
        return PointStruct.newBuilder()
                .setId(id(pointId))
                .setVectors(vectors(x, y))
                .putPayload("site", value(site))
                .putPayload("price", value(price))
                .putPayload("active", value(active))
                .putPayload("location", value(Map.of("lat", value(lat), "lon", value(lon))))
                .putPayload("published_at", value(publishedAt))
                .build();
    }
}
