package dk.dealfinder.testkit.doubles.qdrant;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.Timestamp;
import io.qdrant.client.grpc.Common.Condition;
import io.qdrant.client.grpc.Common.DatetimeRange;
import io.qdrant.client.grpc.Common.FieldCondition;
import io.qdrant.client.grpc.Common.Filter;
import io.qdrant.client.grpc.Common.GeoBoundingBox;
import io.qdrant.client.grpc.Common.GeoPoint;
import io.qdrant.client.grpc.Common.GeoRadius;
import io.qdrant.client.grpc.Common.HasIdCondition;
import io.qdrant.client.grpc.Common.IsEmptyCondition;
import io.qdrant.client.grpc.Common.IsNullCondition;
import io.qdrant.client.grpc.Common.Match;
import io.qdrant.client.grpc.Common.MinShould;
import io.qdrant.client.grpc.Common.PointId;
import io.qdrant.client.grpc.Common.Range;
import io.qdrant.client.grpc.Common.RepeatedIntegers;
import io.qdrant.client.grpc.Common.RepeatedStrings;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/**
 * Qdrant's REST filter JSON, translated to the gRPC messages the double evaluates, so both APIs
 * share one implementation of the filter semantics.
 */
final class RestFilters {

    private RestFilters() {}

    static Filter filter(JsonNode json) {
        Filter.Builder filter = Filter.newBuilder();
        json.path("must").forEach(c -> filter.addMust(condition(c)));
        json.path("should").forEach(c -> filter.addShould(condition(c)));
        json.path("must_not").forEach(c -> filter.addMustNot(condition(c)));
        if (json.has("min_should")) {
            MinShould.Builder minShould =
                    MinShould.newBuilder()
                            .setMinCount(json.path("min_should").path("min_count").asLong());
            json.path("min_should")
                    .path("conditions")
                    .forEach(c -> minShould.addConditions(condition(c)));
            filter.setMinShould(minShould);
        }
        return filter.build();
    }

    static PointId pointId(JsonNode json) {
        if (json.isIntegralNumber()) {
            return PointId.newBuilder().setNum(json.asLong()).build();
        }
        try {
            return PointId.newBuilder().setUuid(UUID.fromString(json.asText()).toString()).build();
        } catch (IllegalArgumentException e) {
            throw QdrantDoubleException.invalid("Unable to parse point id: " + json);
        }
    }

    private static Condition condition(JsonNode json) {
        if (json.has("has_id")) {
            HasIdCondition.Builder ids = HasIdCondition.newBuilder();
            json.path("has_id").forEach(id -> ids.addHasId(pointId(id)));
            return Condition.newBuilder().setHasId(ids).build();
        }
        if (json.has("is_empty")) {
            return Condition.newBuilder()
                    .setIsEmpty(
                            IsEmptyCondition.newBuilder()
                                    .setKey(json.path("is_empty").path("key").asText()))
                    .build();
        }
        if (json.has("is_null")) {
            return Condition.newBuilder()
                    .setIsNull(
                            IsNullCondition.newBuilder()
                                    .setKey(json.path("is_null").path("key").asText()))
                    .build();
        }
        if (json.has("must") || json.has("should") || json.has("must_not")) {
            return Condition.newBuilder().setFilter(filter(json)).build();
        }
        if (!json.has("key")) {
            throw QdrantDoubleException.unsupported("filter condition " + json);
        }
        return Condition.newBuilder().setField(field(json)).build();
    }

    private static FieldCondition field(JsonNode json) {
        FieldCondition.Builder field =
                FieldCondition.newBuilder().setKey(json.path("key").asText());
        if (json.has("match")) {
            return field.setMatch(match(json.path("match"))).build();
        }
        if (json.has("range")) {
            JsonNode range = json.path("range");
            boolean datetime = false;
            for (JsonNode bound : range) {
                datetime |= bound.isTextual();
            }
            return datetime
                    ? field.setDatetimeRange(datetimeRange(range)).build()
                    : field.setRange(numberRange(range)).build();
        }
        if (json.has("geo_radius")) {
            JsonNode radius = json.path("geo_radius");
            return field.setGeoRadius(
                            GeoRadius.newBuilder()
                                    .setCenter(geoPoint(radius.path("center")))
                                    .setRadius((float) radius.path("radius").asDouble()))
                    .build();
        }
        if (json.has("geo_bounding_box")) {
            JsonNode box = json.path("geo_bounding_box");
            return field.setGeoBoundingBox(
                            GeoBoundingBox.newBuilder()
                                    .setTopLeft(geoPoint(box.path("top_left")))
                                    .setBottomRight(geoPoint(box.path("bottom_right"))))
                    .build();
        }
        throw QdrantDoubleException.unsupported("field condition " + json);
    }

    private static Match match(JsonNode json) {
        Match.Builder match = Match.newBuilder();
        if (json.has("value")) {
            JsonNode value = json.path("value");
            if (value.isBoolean()) {
                return match.setBoolean(value.asBoolean()).build();
            }
            return value.isIntegralNumber()
                    ? match.setInteger(value.asLong()).build()
                    : match.setKeyword(value.asText()).build();
        }
        if (json.has("any") || json.has("except")) {
            boolean any = json.has("any");
            JsonNode values = json.path(any ? "any" : "except");
            if (values.size() > 0 && values.get(0).isIntegralNumber()) {
                RepeatedIntegers.Builder integers = RepeatedIntegers.newBuilder();
                values.forEach(v -> integers.addIntegers(v.asLong()));
                return any
                        ? match.setIntegers(integers).build()
                        : match.setExceptIntegers(integers).build();
            }
            RepeatedStrings.Builder strings = RepeatedStrings.newBuilder();
            values.forEach(v -> strings.addStrings(v.asText()));
            return any
                    ? match.setKeywords(strings).build()
                    : match.setExceptKeywords(strings).build();
        }
        if (json.has("text")) {
            return match.setText(json.path("text").asText()).build();
        }
        throw QdrantDoubleException.unsupported("match " + json);
    }

    private static Range numberRange(JsonNode json) {
        Range.Builder range = Range.newBuilder();
        if (json.hasNonNull("gt")) {
            range.setGt(json.path("gt").asDouble());
        }
        if (json.hasNonNull("gte")) {
            range.setGte(json.path("gte").asDouble());
        }
        if (json.hasNonNull("lt")) {
            range.setLt(json.path("lt").asDouble());
        }
        if (json.hasNonNull("lte")) {
            range.setLte(json.path("lte").asDouble());
        }
        return range.build();
    }

    private static DatetimeRange datetimeRange(JsonNode json) {
        DatetimeRange.Builder range = DatetimeRange.newBuilder();
        if (json.hasNonNull("gt")) {
            range.setGt(timestamp(json.path("gt")));
        }
        if (json.hasNonNull("gte")) {
            range.setGte(timestamp(json.path("gte")));
        }
        if (json.hasNonNull("lt")) {
            range.setLt(timestamp(json.path("lt")));
        }
        if (json.hasNonNull("lte")) {
            range.setLte(timestamp(json.path("lte")));
        }
        return range.build();
    }

    private static Timestamp timestamp(JsonNode json) {
        try {
            Instant instant = OffsetDateTime.parse(json.asText()).toInstant();
            return Timestamp.newBuilder()
                    .setSeconds(instant.getEpochSecond())
                    .setNanos(instant.getNano())
                    .build();
        } catch (DateTimeParseException e) {
            throw QdrantDoubleException.invalid("cannot parse datetime " + json.asText());
        }
    }

    private static GeoPoint geoPoint(JsonNode json) {
        return GeoPoint.newBuilder()
                .setLat(json.path("lat").asDouble())
                .setLon(json.path("lon").asDouble())
                .build();
    }
}
