package dk.dealfinder.alertserver.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.dealfinder.alertserver.AlertServer;
import dk.dealfinder.alertserver.AlertServerHttp;
import dk.dealfinder.alertserver.TestBackends;
import dk.dealfinder.alertserver.similar.SimilarSearchSettings;
import java.net.URI;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The served OpenAPI document describes exactly the API routes the server really has. */
class OpenApiDocumentTest {

    private static final Set<String> HTTP_METHODS =
            Set.of("get", "put", "post", "delete", "patch", "head", "options");

    @Test
    void documentedOperationsAreTheRealRoutes() throws Exception {
        // Similar search on (its route exists only then); nothing is asked of Qdrant here.
        try (AlertServer server =
                AlertServer.start(
                        TestBackends.settings()
                                .withSimilarSearch(
                                        SimilarSearchSettings.qdrant(
                                                URI.create("http://127.0.0.1:1"), "listings")))) {
            var response =
                    new AlertServerHttp()
                            .get(server, "/openapi.json", TestBackends.sharedUser().bearer());
            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode doc = new ObjectMapper().readTree(response.body());
            assertThat(doc.path("openapi").asText()).startsWith("3.1");

            Set<String> documented = new TreeSet<>();
            doc.path("paths")
                    .properties()
                    .forEach(
                            path ->
                                    path.getValue()
                                            .fieldNames()
                                            .forEachRemaining(
                                                    method -> {
                                                        if (HTTP_METHODS.contains(method)) {
                                                            documented.add(
                                                                    method.toUpperCase()
                                                                            + " "
                                                                            + path.getKey());
                                                        }
                                                    }));
            Set<String> real = new TreeSet<>();
            for (String route : server.routes()) {
                String path = route.substring(route.indexOf(' ') + 1);
                if (path.startsWith("/api/")
                        || Set.of("/health", "/ready", "/openapi.json", "/login", "/logout")
                                .contains(path)) {
                    real.add(route);
                }
            }
            assertThat(documented).isEqualTo(real);
            for (JsonNode ref : doc.findValues("$ref")) {
                assertThat(doc.at(ref.asText().substring(1)).isMissingNode())
                        .as("%s resolves", ref.asText())
                        .isFalse();
            }
        }
    }
}
