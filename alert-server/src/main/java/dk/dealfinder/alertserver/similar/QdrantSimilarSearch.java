package dk.dealfinder.alertserver.similar;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs similar-listing queries through Qdrant's REST query API. The alert server speaks REST rather
 * than gRPC so it needs no Qdrant client library; the API key, if any, is read from the environment
 * once, at start.
 */
final class QdrantSimilarSearch {

    /** Qdrant could not answer; the caller gets 502 or 503, never Qdrant's raw error. */
    static final class UnavailableException extends Exception {
        UnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The listing asked about is not in the collection (yet). */
    static final class UnknownListingException extends Exception {
        UnknownListingException(String listingKey) {
            super("listing " + listingKey + " is not in the search index");
        }
    }

    private final SimilarSearchSettings settings;
    private final ObjectMapper mapper;
    private final HttpClient http;
    private final URI queryUri;
    private final String apiKey;

    QdrantSimilarSearch(SimilarSearchSettings settings, ObjectMapper mapper) {
        this.settings = settings;
        this.mapper = mapper;
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout()).build();
        this.queryUri =
                settings.qdrantUrl()
                        .resolve("/collections/" + settings.collection() + "/points/query");
        this.apiKey =
                settings.apiKeyEnvVar() == null ? null : System.getenv(settings.apiKeyEnvVar());
    }

    List<SimilarListing> likeListing(SimilarQuery query)
            throws UnavailableException, UnknownListingException {
        HttpResponse<String> response = post(QdrantQueryBody.likeListing(mapper, query));
        if (response.statusCode() == 404 && response.body().contains("No point with id")) {
            throw new UnknownListingException(query.listingKey());
        }
        return hits(response);
    }

    List<SimilarListing> likeVector(SimilarQuery query, float[] vector)
            throws UnavailableException {
        return hits(post(QdrantQueryBody.likeVector(mapper, query, vector)));
    }

    private HttpResponse<String> post(ObjectNode body) throws UnavailableException {
        try {
            HttpRequest.Builder request =
                    HttpRequest.newBuilder(queryUri)
                            .timeout(settings.timeout())
                            .header("Content-Type", "application/json")
                            .POST(
                                    HttpRequest.BodyPublishers.ofString(
                                            mapper.writeValueAsString(body)));
            if (apiKey != null && !apiKey.isEmpty()) {
                request.header("api-key", apiKey);
            }
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UnavailableException("Qdrant at " + settings.qdrantUrl() + " unreachable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnavailableException("interrupted while querying Qdrant", e);
        }
    }

    private List<SimilarListing> hits(HttpResponse<String> response) throws UnavailableException {
        if (response.statusCode() != 200) {
            throw new UnavailableException(
                    "Qdrant answered "
                            + response.statusCode()
                            + ": "
                            + abbreviated(response.body()),
                    null);
        }
        try {
            JsonNode points = mapper.readTree(response.body()).path("result").path("points");
            List<SimilarListing> hits = new ArrayList<>();
            points.forEach(p -> hits.add(SimilarListing.fromPoint(p)));
            return hits;
        } catch (IOException e) {
            throw new UnavailableException("Qdrant answered with unreadable JSON", e);
        }
    }

    private static String abbreviated(String body) {
        return body.length() <= 300 ? body : body.substring(0, 300) + "...";
    }
}
