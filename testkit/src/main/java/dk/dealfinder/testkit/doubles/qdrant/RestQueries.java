package dk.dealfinder.testkit.doubles.qdrant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qdrant.client.grpc.JsonWithInt.Value;
import io.qdrant.client.grpc.Points.DenseVector;
import io.qdrant.client.grpc.Points.PayloadIncludeSelector;
import io.qdrant.client.grpc.Points.Query;
import io.qdrant.client.grpc.Points.QueryPoints;
import io.qdrant.client.grpc.Points.ScoredPoint;
import io.qdrant.client.grpc.Points.VectorInput;
import io.qdrant.client.grpc.Points.WithPayloadSelector;
import java.util.List;
import java.util.Map;

/** The REST query API's JSON, to and from the gRPC messages the double answers with. */
final class RestQueries {

    private RestQueries() {}

    static QueryPoints queryPoints(String collection, JsonNode body) {
        if (body.has("prefetch") || body.hasNonNull("using")) {
            throw QdrantDoubleException.unsupported("prefetch and named vectors");
        }
        QueryPoints.Builder query = QueryPoints.newBuilder().setCollectionName(collection);
        JsonNode queryJson = body.path("query");
        if (queryJson.has("nearest")) {
            queryJson = queryJson.path("nearest");
        }
        if (queryJson.isArray()) {
            DenseVector.Builder dense = DenseVector.newBuilder();
            queryJson.forEach(x -> dense.addData((float) x.asDouble()));
            query.setQuery(Query.newBuilder().setNearest(VectorInput.newBuilder().setDense(dense)));
        } else if (queryJson.isTextual() || queryJson.isIntegralNumber()) {
            query.setQuery(
                    Query.newBuilder()
                            .setNearest(
                                    VectorInput.newBuilder()
                                            .setId(RestFilters.pointId(queryJson))));
        } else if (!queryJson.isMissingNode() && !queryJson.isNull()) {
            throw QdrantDoubleException.unsupported("query " + queryJson);
        }
        if (body.has("filter")) {
            query.setFilter(RestFilters.filter(body.path("filter")));
        }
        if (body.has("limit")) {
            query.setLimit(body.path("limit").asLong());
        }
        if (body.has("offset")) {
            query.setOffset(body.path("offset").asLong());
        }
        if (body.hasNonNull("score_threshold")) {
            query.setScoreThreshold((float) body.path("score_threshold").asDouble());
        }
        return query.setWithPayload(withPayload(body.path("with_payload"))).build();
    }

    private static WithPayloadSelector withPayload(JsonNode json) {
        if (json.isBoolean()) {
            return WithPayloadSelector.newBuilder().setEnable(json.asBoolean()).build();
        }
        JsonNode fields = json.isArray() ? json : json.path("include");
        if (fields.isArray()) {
            PayloadIncludeSelector.Builder include = PayloadIncludeSelector.newBuilder();
            fields.forEach(f -> include.addFields(f.asText()));
            return WithPayloadSelector.newBuilder().setInclude(include).build();
        }
        return WithPayloadSelector.newBuilder().setEnable(false).build();
    }

    /** {@code {"result": {"points": [...]}, "status": "ok", "time": ...}}, as Qdrant answers. */
    static ObjectNode response(ObjectMapper mapper, List<ScoredPoint> hits) {
        ObjectNode response = mapper.createObjectNode();
        ArrayNode points = response.putObject("result").putArray("points");
        for (ScoredPoint hit : hits) {
            ObjectNode point = points.addObject();
            if (hit.getId().hasUuid()) {
                point.put("id", hit.getId().getUuid());
            } else {
                point.put("id", hit.getId().getNum());
            }
            point.put("version", 0);
            point.put("score", hit.getScore());
            if (hit.getPayloadCount() > 0) {
                ObjectNode payload = point.putObject("payload");
                hit.getPayloadMap().forEach((k, v) -> payload.set(k, json(mapper, v)));
            }
        }
        response.put("status", "ok");
        response.put("time", 0.0);
        return response;
    }

    private static JsonNode json(ObjectMapper mapper, Value value) {
        switch (value.getKindCase()) {
            case STRING_VALUE:
                return mapper.getNodeFactory().textNode(value.getStringValue());
            case INTEGER_VALUE:
                return mapper.getNodeFactory().numberNode(value.getIntegerValue());
            case DOUBLE_VALUE:
                return mapper.getNodeFactory().numberNode(value.getDoubleValue());
            case BOOL_VALUE:
                return mapper.getNodeFactory().booleanNode(value.getBoolValue());
            case LIST_VALUE:
                ArrayNode list = mapper.createArrayNode();
                value.getListValue().getValuesList().forEach(v -> list.add(json(mapper, v)));
                return list;
            case STRUCT_VALUE:
                ObjectNode struct = mapper.createObjectNode();
                for (Map.Entry<String, Value> field :
                        value.getStructValue().getFieldsMap().entrySet()) {
                    struct.set(field.getKey(), json(mapper, field.getValue()));
                }
                return struct;
            default:
                return mapper.getNodeFactory().nullNode();
        }
    }
}
