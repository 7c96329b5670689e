package dk.dealfinder.alertserver.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The API's OpenAPI 3.1 description, served at {@code /openapi.json}. It is written by hand, one
 * fragment per feature under {@code openapi/} on the class path ({@code paths} and {@code
 * components.schemas} merged into {@code base.json}); a test holds it to the routes the server
 * really has.
 */
public final class OpenApiDocument {

    /** The fragments, in the order their paths appear. */
    static final List<String> FRAGMENTS =
            List.of("alerts.json", "queries.json", "listings.json", "similar.json", "account.json");

    private OpenApiDocument() {}

    public static String render(ObjectMapper mapper) {
        ObjectNode doc = (ObjectNode) read(mapper, "base.json");
        ObjectNode paths = doc.withObject("/paths");
        ObjectNode schemas = doc.withObject("/components").withObject("/schemas");
        for (String fragment : FRAGMENTS) {
            JsonNode part = read(mapper, fragment);
            if (part == null) {
                continue;
            }
            part.path("paths").properties().forEach(e -> paths.set(e.getKey(), e.getValue()));
            part.path("components")
                    .path("schemas")
                    .properties()
                    .forEach(e -> schemas.set(e.getKey(), e.getValue()));
        }
        try {
            return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode read(ObjectMapper mapper, String name) {
        try (InputStream in = OpenApiDocument.class.getResourceAsStream("/openapi/" + name)) {
            return in == null ? null : mapper.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("openapi/" + name + " is not valid JSON", e);
        }
    }
}
