package dk.dealfinder.testkit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real Server-Sent Events client over HTTP, as a browser's EventSource would read the stream:
 * parses {@code id:}, {@code event:} and {@code data:} lines into events and keeps them in order.
 */
public final class SseClient implements AutoCloseable {

    /** One event as received, with the wall-clock time its last line arrived. */
    public record Event(String id, String event, String data, long receivedAtMillis) {}

    private final List<Event> events = new CopyOnWriteArrayList<>();
    private final List<String> comments = new CopyOnWriteArrayList<>();
    private final Thread reader;
    private volatile InputStream body;
    private volatile int status;

    private SseClient(URI uri, String lastEventId, String authorization) {
        reader = new Thread(() -> read(uri, lastEventId, authorization), "sse-client " + uri);
        reader.setDaemon(true);
        reader.start();
    }

    /** Connects to {@code uri} and keeps reading in the background until closed. */
    public static SseClient connect(URI uri) {
        return new SseClient(uri, null, null);
    }

    /**
     * Connects with an {@code Authorization} header, e.g. {@code "Bearer " + token} for the
     * alert-server's per-user feed.
     */
    public static SseClient connect(URI uri, String authorization) {
        return new SseClient(uri, null, authorization);
    }

    /** Connects resuming after {@code lastEventId}, as a reconnecting EventSource does. */
    public static SseClient resume(URI uri, String lastEventId) {
        return new SseClient(uri, lastEventId, null);
    }

    /** Resumes with an {@code Authorization} header. */
    public static SseClient resume(URI uri, String lastEventId, String authorization) {
        return new SseClient(uri, lastEventId, authorization);
    }

    public List<Event> events() {
        return List.copyOf(events);
    }

    public List<String> comments() {
        return List.copyOf(comments);
    }

    /** HTTP status of the stream, 0 until the response headers arrived. */
    public int status() {
        return status;
    }

    private void read(URI uri, String lastEventId, String authorization) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(uri).header("Accept", "text/event-stream").GET();
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            HttpResponse<InputStream> response =
                    HttpClient.newHttpClient()
                            .send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            status = response.statusCode();
            body = response.body();
            try (BufferedReader lines =
                    new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
                parse(lines);
            }
        } catch (IOException | InterruptedException e) {
            // closed by the test or by the server; the events read so far stay available
        }
    }

    private void parse(BufferedReader lines) throws IOException {
        String id = null;
        String event = null;
        List<String> data = new ArrayList<>();
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            if (line.isEmpty()) {
                if (!data.isEmpty()) {
                    events.add(
                            new Event(
                                    id,
                                    event == null ? "message" : event,
                                    String.join("\n", data),
                                    System.currentTimeMillis()));
                }
                id = null;
                event = null;
                data.clear();
            } else if (line.startsWith(":")) {
                comments.add(line.substring(1).strip());
            } else if (line.startsWith("id:")) {
                id = line.substring(3).strip();
            } else if (line.startsWith("event:")) {
                event = line.substring(6).strip();
            } else if (line.startsWith("data:")) {
                data.add(line.substring(5).stripLeading());
            }
        }
    }

    @Override
    public void close() {
        InputStream in = body;
        if (in != null) {
            try {
                in.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        reader.interrupt();
    }
}
