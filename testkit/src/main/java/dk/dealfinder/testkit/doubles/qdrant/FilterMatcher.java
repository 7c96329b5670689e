package dk.dealfinder.testkit.doubles.qdrant;

import com.google.protobuf.Timestamp;
import io.qdrant.client.grpc.Common.Condition;
import io.qdrant.client.grpc.Common.DatetimeRange;
import io.qdrant.client.grpc.Common.FieldCondition;
import io.qdrant.client.grpc.Common.Filter;
import io.qdrant.client.grpc.Common.GeoPoint;
import io.qdrant.client.grpc.Common.Match;
import io.qdrant.client.grpc.Common.Range;
import io.qdrant.client.grpc.JsonWithInt.Value;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Qdrant's filter semantics over a payload: {@code must} all, {@code must_not} none, {@code should}
 * at least one (or {@code min_should}); a condition on an array field matches when any element
 * matches; a missing field matches no field condition.
 */
final class FilterMatcher {

    private static final double EARTH_RADIUS_METERS = 6_371_008.8;

    private FilterMatcher() {}

    static boolean matches(Filter filter, StoredPoint point) {
        for (Condition condition : filter.getMustList()) {
            if (!matches(condition, point)) {
                return false;
            }
        }
        for (Condition condition : filter.getMustNotList()) {
            if (matches(condition, point)) {
                return false;
            }
        }
        if (filter.getShouldCount() > 0
                && filter.getShouldList().stream().noneMatch(c -> matches(c, point))) {
            return false;
        }
        if (filter.hasMinShould()) {
            long matching =
                    filter.getMinShould().getConditionsList().stream()
                            .filter(c -> matches(c, point))
                            .count();
            return matching >= filter.getMinShould().getMinCount();
        }
        return true;
    }

    private static boolean matches(Condition condition, StoredPoint point) {
        switch (condition.getConditionOneOfCase()) {
            case FIELD:
                return matchesField(condition.getField(), point.payload());
            case FILTER:
                return matches(condition.getFilter(), point);
            case HAS_ID:
                String key = PointKeys.keyOf(point.id());
                return condition.getHasId().getHasIdList().stream()
                        .anyMatch(id -> PointKeys.keyOf(id).equals(key));
            case IS_EMPTY:
                return valuesAt(point.payload(), condition.getIsEmpty().getKey()).stream()
                        .allMatch(v -> v.getKindCase() == Value.KindCase.NULL_VALUE);
            case IS_NULL:
                return valuesAt(point.payload(), condition.getIsNull().getKey()).stream()
                        .anyMatch(v -> v.getKindCase() == Value.KindCase.NULL_VALUE);
            default:
                throw QdrantDoubleException.unsupported(
                        "condition " + condition.getConditionOneOfCase());
        }
    }

    private static boolean matchesField(FieldCondition field, Map<String, Value> payload) {
        List<Value> values = valuesAt(payload, field.getKey());
        if (field.hasMatch()) {
            return matchesValue(field.getMatch(), values);
        }
        if (field.hasRange()) {
            return values.stream()
                    .map(FilterMatcher::number)
                    .flatMap(Optional::stream)
                    .anyMatch(n -> inRange(field.getRange(), n));
        }
        if (field.hasDatetimeRange()) {
            return values.stream()
                    .map(FilterMatcher::instant)
                    .flatMap(Optional::stream)
                    .anyMatch(t -> inRange(field.getDatetimeRange(), t));
        }
        if (field.hasGeoRadius()) {
            GeoPoint center = field.getGeoRadius().getCenter();
            return values.stream()
                    .map(FilterMatcher::geoPoint)
                    .flatMap(Optional::stream)
                    .anyMatch(p -> metersBetween(center, p) <= field.getGeoRadius().getRadius());
        }
        if (field.hasGeoBoundingBox()) {
            GeoPoint topLeft = field.getGeoBoundingBox().getTopLeft();
            GeoPoint bottomRight = field.getGeoBoundingBox().getBottomRight();
            return values.stream()
                    .map(FilterMatcher::geoPoint)
                    .flatMap(Optional::stream)
                    .anyMatch(
                            p ->
                                    p.getLat() <= topLeft.getLat()
                                            && p.getLat() >= bottomRight.getLat()
                                            && p.getLon() >= topLeft.getLon()
                                            && p.getLon() <= bottomRight.getLon());
        }
        throw QdrantDoubleException.unsupported("field condition on " + field.getKey());
    }

    private static boolean matchesValue(Match match, List<Value> values) {
        switch (match.getMatchValueCase()) {
            case KEYWORD:
                return values.stream().anyMatch(v -> match.getKeyword().equals(v.getStringValue()));
            case KEYWORDS:
                return values.stream()
                        .anyMatch(
                                v ->
                                        match.getKeywords()
                                                .getStringsList()
                                                .contains(v.getStringValue()));
            case EXCEPT_KEYWORDS:
                return values.stream()
                        .noneMatch(
                                v ->
                                        match.getExceptKeywords()
                                                .getStringsList()
                                                .contains(v.getStringValue()));
            case INTEGER:
                return values.stream()
                        .anyMatch(
                                v ->
                                        v.hasIntegerValue()
                                                && v.getIntegerValue() == match.getInteger());
            case INTEGERS:
                return values.stream()
                        .anyMatch(
                                v ->
                                        v.hasIntegerValue()
                                                && match.getIntegers()
                                                        .getIntegersList()
                                                        .contains(v.getIntegerValue()));
            case BOOLEAN:
                return values.stream()
                        .anyMatch(v -> v.hasBoolValue() && v.getBoolValue() == match.getBoolean());
            case TEXT:
                // Without a full-text index Qdrant matches text as a substring.
                return values.stream()
                        .anyMatch(
                                v ->
                                        v.hasStringValue()
                                                && v.getStringValue().contains(match.getText()));
            default:
                throw QdrantDoubleException.unsupported("match " + match.getMatchValueCase());
        }
    }

    /** The values at a dotted key path, with arrays flattened as Qdrant does. */
    static List<Value> valuesAt(Map<String, Value> payload, String key) {
        List<Value> current = new ArrayList<>();
        String[] parts = key.split("\\.");
        Value head = payload.get(parts[0]);
        if (head == null) {
            return List.of();
        }
        current.add(head);
        for (int i = 1; i < parts.length; i++) {
            List<Value> next = new ArrayList<>();
            for (Value value : flatten(current)) {
                if (value.hasStructValue() && value.getStructValue().containsFields(parts[i])) {
                    next.add(value.getStructValue().getFieldsOrThrow(parts[i]));
                }
            }
            current = next;
        }
        return flatten(current);
    }

    private static List<Value> flatten(List<Value> values) {
        List<Value> flat = new ArrayList<>();
        for (Value value : values) {
            if (value.hasListValue()) {
                flat.addAll(value.getListValue().getValuesList());
            } else {
                flat.add(value);
            }
        }
        return flat;
    }

    private static Optional<Double> number(Value value) {
        if (value.hasIntegerValue()) {
            return Optional.of((double) value.getIntegerValue());
        }
        return value.hasDoubleValue() ? Optional.of(value.getDoubleValue()) : Optional.empty();
    }

    private static boolean inRange(Range range, double n) {
        return (!range.hasLt() || n < range.getLt())
                && (!range.hasLte() || n <= range.getLte())
                && (!range.hasGt() || n > range.getGt())
                && (!range.hasGte() || n >= range.getGte());
    }

    /** RFC 3339, with or without an offset (Qdrant reads a missing offset as UTC). */
    private static Optional<Instant> instant(Value value) {
        if (!value.hasStringValue()) {
            return Optional.empty();
        }
        String text = value.getStringValue().replace(' ', 'T');
        try {
            return Optional.of(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException withoutOffset) {
            try {
                return Optional.of(LocalDateTime.parse(text).toInstant(ZoneOffset.UTC));
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
    }

    private static boolean inRange(DatetimeRange range, Instant t) {
        return (!range.hasLt() || t.isBefore(instant(range.getLt())))
                && (!range.hasLte() || !t.isAfter(instant(range.getLte())))
                && (!range.hasGt() || t.isAfter(instant(range.getGt())))
                && (!range.hasGte() || !t.isBefore(instant(range.getGte())));
    }

    private static Instant instant(Timestamp timestamp) {
        return Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos());
    }

    private static Optional<GeoPoint> geoPoint(Value value) {
        if (!value.hasStructValue()) {
            return Optional.empty();
        }
        Map<String, Value> fields = value.getStructValue().getFieldsMap();
        Optional<Double> lat =
                Optional.ofNullable(fields.get("lat")).flatMap(FilterMatcher::number);
        Optional<Double> lon =
                Optional.ofNullable(fields.get("lon")).flatMap(FilterMatcher::number);
        if (lat.isEmpty() || lon.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(GeoPoint.newBuilder().setLat(lat.get()).setLon(lon.get()).build());
    }

    /** Haversine distance: what Qdrant's geo radius condition measures. */
    static double metersBetween(GeoPoint a, GeoPoint b) {
        double dLat = Math.toRadians(b.getLat() - a.getLat());
        double dLon = Math.toRadians(b.getLon() - a.getLon());
        double h =
                Math.pow(Math.sin(dLat / 2), 2)
                        + Math.cos(Math.toRadians(a.getLat()))
                                * Math.cos(Math.toRadians(b.getLat()))
                                * Math.pow(Math.sin(dLon / 2), 2);
        return 2 * EARTH_RADIUS_METERS * Math.asin(Math.sqrt(h));
    }
}
