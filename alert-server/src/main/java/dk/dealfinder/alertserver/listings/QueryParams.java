package dk.dealfinder.alertserver.listings;

import dk.dealfinder.alertserver.api.ApiException;
import io.javalin.http.Context;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A request's query parameters, read strictly: an unknown, repeated, malformed or out-of-range
 * parameter is a 400 that names it, so a typo like {@code ?minprice=} is never silently ignored.
 */
final class QueryParams {

    private final Map<String, List<String>> values;

    private QueryParams(Map<String, List<String>> values) {
        this.values = values;
    }

    /** The request's parameters; 400 when one is not in {@code known} or is given twice. */
    static QueryParams of(Context ctx, Set<String> known) {
        Map<String, List<String>> values = ctx.queryParamMap();
        for (Map.Entry<String, List<String>> e : values.entrySet()) {
            if (!known.contains(e.getKey())) {
                throw ApiException.badField(
                        e.getKey(),
                        "is not a known parameter; known: "
                                + known.stream().sorted().collect(Collectors.joining(", ")));
            }
            if (e.getValue().size() > 1) {
                throw ApiException.badField(e.getKey(), "is given more than once");
            }
        }
        return new QueryParams(values);
    }

    /** The trimmed value, or null when absent or blank. */
    String text(String name, int maxLength) {
        List<String> given = values.get(name);
        if (given == null || given.get(0).isBlank()) {
            return null;
        }
        String value = given.get(0).strip();
        if (value.length() > maxLength) {
            throw ApiException.badField(name, "must be at most " + maxLength + " characters");
        }
        // PostgreSQL text cannot hold NUL: refuse it here rather than fail in the database.
        if (value.indexOf('\0') >= 0) {
            throw ApiException.badField(name, "must not contain NUL characters");
        }
        return value;
    }

    Long wholeNumber(String name, long min, long max) {
        String raw = text(name, 20);
        if (raw == null) {
            return null;
        }
        long value;
        try {
            value = Long.parseLong(raw);
        } catch (NumberFormatException e) {
            throw ApiException.badField(name, "must be a whole number, got '" + raw + "'");
        }
        return inRange(name, value, min, max);
    }

    int wholeNumber(String name, int defaultValue, int min, int max) {
        Long value = wholeNumber(name, min, max);
        return value == null ? defaultValue : value.intValue();
    }

    Double number(String name, double min, double max) {
        String raw = text(name, 30);
        if (raw == null) {
            return null;
        }
        double value;
        try {
            value = Double.parseDouble(raw);
        } catch (NumberFormatException e) {
            throw ApiException.badField(name, "must be a number, got '" + raw + "'");
        }
        if (!(value >= min && value <= max)) {
            throw ApiException.badField(name, "must be between " + min + " and " + max);
        }
        return value;
    }

    /** One of the enum's constants, case-insensitive; the default when absent. */
    <E extends Enum<E>> E oneOf(String name, Class<E> type, E defaultValue) {
        String raw = text(name, 40);
        if (raw == null) {
            return defaultValue;
        }
        try {
            return Enum.valueOf(type, raw.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badField(
                    name,
                    "must be one of "
                            + Arrays.toString(type.getEnumConstants())
                            + ", got '"
                            + raw
                            + "'");
        }
    }

    private static long inRange(String name, long value, long min, long max) {
        if (value < min || value > max) {
            throw ApiException.badField(name, "must be between " + min + " and " + max);
        }
        return value;
    }
}
