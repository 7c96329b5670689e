package dk.dealfinder.testkit.doubles.qdrant;

import static io.qdrant.client.PointIdFactory.id;
import static io.qdrant.client.ValueFactory.value;
import static io.qdrant.client.VectorsFactory.vectors;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.grpc.Status;
import io.qdrant.client.QdrantClient;
import io.qdrant.client.grpc.Collections.Distance;
import io.qdrant.client.grpc.Collections.VectorParams;
import io.qdrant.client.grpc.Points.PointStruct;
import io.qdrant.client.grpc.Points.QueryPoints;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The double's REST query endpoint answers Qdrant's JSON from the data written over gRPC. */
class QdrantDoubleRestTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final UUID BIKE = UUID.randomUUID();
    private static final UUID SOFA = UUID.randomUUID();
    private static final UUID OLD_BIKE = UUID.randomUUID();

    private static QdrantDouble qdrant;

    @BeforeAll
    static void start() throws Exception {
        qdrant = QdrantDouble.start();
        try (QdrantClient client = qdrant.newClient()) {
            client.createCollectionAsync(
                            "listings",
                            VectorParams.newBuilder()
                                    .setSize(2)
                                    .setDistance(Distance.Cosine)
                                    .build())
                    .get();
            client.upsertAsync(
                            "listings",
                            List.of(
                                    point(BIKE, 1f, 0f, 1500, true, "2026-03-01T00:00:00Z"),
                                    point(OLD_BIKE, 1f, 0.1f, 900, false, "2025-03-01T00:00:00Z"),
                                    point(SOFA, 0f, 1f, 2500, true, "2026-03-02T00:00:00Z")))
                    .get();
        }
    }

    @AfterAll
    static void stop() {
        qdrant.close();
    }

    @Test
    void answersAVectorQueryWithFiltersInQdrantsJson() throws Exception {
        HttpResponse<String> response =
                query(
                        "{\"query\": [1.0, 0.0], \"limit\": 5, \"with_payload\": [\"price\"],"
                            + " \"filter\": {\"must\": [{\"key\": \"active\", \"match\":"
                            + " {\"value\": true}},{\"key\": \"site\", \"match\": {\"any\":"
                            + " [\"dba.dk\"]}},{\"key\": \"price\", \"range\": {\"gte\": 1000,"
                            + " \"lte\": 3000}},{\"key\": \"published_at\", \"range\": {\"gte\":"
                            + " \"2026-01-01T00:00:00Z\"}}]}}");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode points = JSON.readTree(response.body()).path("result").path("points");
        assertThat(ids(points)).containsExactly(BIKE.toString(), SOFA.toString());
        assertThat(points.get(0).path("payload").path("price").asDouble()).isEqualTo(1500.0);
        assertThat(points.get(0).path("payload").has("site")).isFalse();
        QueryPoints recorded =
                (QueryPoints) qdrant.requests(QdrantDouble.REST_QUERY).get(0).request();
        assertThat(recorded.getFilter().getMustCount()).isEqualTo(4);
    }

    @Test
    void queriesByPointIdAndReportsErrorsWithHttpStatuses() throws Exception {
        HttpResponse<String> byId = query("{\"query\": \"" + BIKE + "\", \"limit\": 1}");
        assertThat(ids(JSON.readTree(byId.body()).path("result").path("points")))
                .containsExactly(OLD_BIKE.toString());

        assertThat(query("{\"query\": [1.0]}").statusCode()).isEqualTo(400);
        assertThat(query("{\"query\": \"" + UUID.randomUUID() + "\"}").statusCode()).isEqualTo(404);
        qdrant.failNextRestQueries(Status.Code.UNAVAILABLE, 1);
        assertThat(query("{\"query\": [1.0, 0.0]}").statusCode()).isEqualTo(503);
        assertThat(query("{\"query\": [1.0, 0.0]}").statusCode()).isEqualTo(200);
    }

    private static HttpResponse<String> query(String body) throws Exception {
        URI uri = qdrant.restUrl().resolve("/collections/listings/points/query");
        return HTTP.send(
                HttpRequest.newBuilder(uri)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static List<String> ids(JsonNode points) {
        List<String> ids = new ArrayList<>();
        points.forEach(p -> ids.add(p.path("id").asText()));
        return ids;
    }

    private static PointStruct point(
            UUID pointId, float x, float y, double price, boolean active, String publishedAt) {
        return PointStruct.newBuilder()
                .setId(id(pointId))
                .setVectors(vectors(x, y))
                .putAllPayload(
                        Map.of(
                                "site", value("dba.dk"),
                                "price", value(price),
                                "active", value(active),
                                "published_at", value(publishedAt)))
                .build();
    }
}
