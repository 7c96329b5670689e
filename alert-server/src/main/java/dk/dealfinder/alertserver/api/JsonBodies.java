package dk.dealfinder.alertserver.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.javalin.http.Context;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Reads API request bodies strictly: unknown fields, wrong types and bad enum values are 400s that
 * name the field, never 500s.
 */
public final class JsonBodies {

    private final ObjectMapper mapper;

    public JsonBodies(ObjectMapper base) {
        this.mapper = base.copy().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    public <T> T read(Context ctx, Class<T> type) {
        String body = ctx.body();
        if (body.isBlank()) {
            throw ApiException.badField("body", "a JSON object is required");
        }
        try {
            T value = mapper.readValue(body, type);
            if (value == null) {
                throw ApiException.badField("body", "a JSON object is required, got null");
            }
            return value;
        } catch (UnrecognizedPropertyException e) {
            throw ApiException.badField(fieldOf(e), "is not a known field");
        } catch (InvalidFormatException e) {
            Class<?> target = e.getTargetType();
            String expected =
                    target != null && target.isEnum()
                            ? "must be one of "
                                    + Arrays.stream(target.getEnumConstants())
                                            .map(String::valueOf)
                                            .collect(Collectors.joining(", ", "[", "]"))
                            : "must be " + describe(target);
            throw ApiException.badField(fieldOf(e), expected + ", got " + shortened(e.getValue()));
        } catch (JsonMappingException e) {
            String field = fieldOf(e);
            throw ApiException.badField(
                    field.isEmpty() ? "body" : field, "has the wrong type or shape");
        } catch (JsonProcessingException e) {
            throw ApiException.badField(
                    "body",
                    "is not valid JSON (line "
                            + e.getLocation().getLineNr()
                            + ", column "
                            + e.getLocation().getColumnNr()
                            + ")");
        }
    }

    private static String fieldOf(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** Echoes a rejected value, but never a megabyte of it. */
    private static String shortened(Object value) {
        String text = String.valueOf(value);
        return text.length() <= 60 ? "'" + text + "'" : "'" + text.substring(0, 60) + "…'";
    }

    private static String describe(Class<?> type) {
        if (type == null) {
            return "a different type";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        if (type == Boolean.class) {
            return "true or false";
        }
        return "a " + type.getSimpleName();
    }
}
