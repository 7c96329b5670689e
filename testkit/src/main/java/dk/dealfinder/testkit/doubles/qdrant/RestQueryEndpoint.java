package dk.dealfinder.testkit.doubles.qdrant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.grpc.Status;
import io.qdrant.client.grpc.Points.QueryPoints;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Qdrant's REST query endpoint, {@code POST /collections/{name}/points/query}, answered from the
 * same storage and search as the gRPC services. Other REST paths answer 404.
 */
final class RestQueryEndpoint implements HttpHandler {

    static final String METHOD = "REST POST /collections/{collection}/points/query";

    private static final Pattern QUERY_PATH = Pattern.compile("/collections/([^/]+)/points/query");

    private final DoubleStorage storage;
    private final RecordingInterceptor log;
    private final ObjectMapper mapper = new ObjectMapper();

    RestQueryEndpoint(DoubleStorage storage, RecordingInterceptor log) {
        this.storage = storage;
        this.log = log;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Matcher path = QUERY_PATH.matcher(exchange.getRequestURI().getPath());
            if (!path.matches() || !"POST".equals(exchange.getRequestMethod())) {
                send(exchange, 404, error("Not found: " + exchange.getRequestURI().getPath()));
                return;
            }
            answer(exchange, path.group(1));
        }
    }

    private void answer(HttpExchange exchange, String collection) throws IOException {
        QueryPoints query = null;
        try (InputStream body = exchange.getRequestBody()) {
            JsonNode json = mapper.readTree(body);
            query = RestQueries.queryPoints(collection, json);
            log.pause();
            Optional<Status.Code> fault = log.faults().take(METHOD);
            if (fault.isPresent()) {
                log.record(METHOD, query, fault.get());
                send(exchange, httpStatus(fault.get()), error("injected by the Qdrant double"));
                return;
            }
            ObjectNode response = RestQueries.response(mapper, NearestSearch.query(storage, query));
            log.record(METHOD, query, Status.Code.OK);
            send(exchange, 200, response);
        } catch (QdrantDoubleException e) {
            Status status = e.toStatus();
            log.record(METHOD, query, status.getCode());
            send(exchange, httpStatus(status.getCode()), error(e.getMessage()));
        } catch (IOException e) {
            log.record(METHOD, query, Status.Code.INVALID_ARGUMENT);
            send(exchange, 400, error("Format error in JSON body: " + e.getMessage()));
        }
    }

    private ObjectNode error(String message) {
        ObjectNode error = mapper.createObjectNode();
        error.putObject("status").put("error", message);
        error.put("time", 0.0);
        return error;
    }

    private void send(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = mapper.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** The HTTP status Qdrant's REST API answers where its gRPC API answers {@code code}. */
    private static int httpStatus(Status.Code code) {
        switch (code) {
            case INVALID_ARGUMENT:
                return 400;
            case NOT_FOUND:
                return 404;
            case RESOURCE_EXHAUSTED:
                return 429;
            case UNAVAILABLE:
                return 503;
            case UNIMPLEMENTED:
                return 501;
            case DEADLINE_EXCEEDED:
                return 504;
            default:
                return 500;
        }
    }
}
