package dk.dealfinder.alertserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real SSE client over {@link HttpClient}: lines are pumped into a queue by a background thread
 * so the test can wait for each one with a deadline instead of sleeping.
 */
final class SseConnection implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(10);

    record Event(String id, String name, String data) {}

    /** One line of the body; {@code text == null} marks its end. */
    private record Line(String text) {}

    private final HttpResponse<Stream<String>> response;
    private final BlockingQueue<Line> lines = new LinkedBlockingQueue<>();

    private SseConnection(HttpResponse<Stream<String>> response) {
        this.response = response;
        Thread pump =
                new Thread(
                        () -> {
                            try {
                                response.body().map(Line::new).forEach(lines::add);
                            } catch (RuntimeException e) {
                                // closed by the test or the server; END marks it below
                            } finally {
                                lines.add(new Line(null));
                            }
                        },
                        "sse-test-client");
        pump.setDaemon(true);
        pump.start();
    }

    /** Opens the stream and returns once the server has sent its headers. */
    static SseConnection open(HttpClient http, URI uri, String lastEventId, String authorization)
            throws IOException, InterruptedException {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(uri)
                        .header("Accept", "text/event-stream")
                        .header("Authorization", authorization)
                        .GET();
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        HttpResponse<Stream<String>> response =
                http.send(request.build(), HttpResponse.BodyHandlers.ofLines());
        assertThat(response.statusCode()).as("SSE status").isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));
        return new SseConnection(response);
    }

    /** The next raw line, or null when the server ended the stream. */
    String nextLine() throws InterruptedException {
        Line line = lines.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(line).as("an SSE line within %s", WAIT).isNotNull();
        return line.text();
    }

    /** The next event, skipping comments and the retry field; null when the stream ended. */
    Event nextEvent() throws InterruptedException {
        String id = null;
        String name = null;
        StringBuilder data = null;
        for (String line = nextLine(); line != null; line = nextLine()) {
            if (line.isEmpty()) {
                if (data != null) {
                    return new Event(id, name, data.toString());
                }
            } else if (line.startsWith("id: ")) {
                id = line.substring(4);
            } else if (line.startsWith("event: ")) {
                name = line.substring(7);
            } else if (line.startsWith("data: ")) {
                data = data == null ? new StringBuilder() : data.append('\n');
                data.append(line.substring(6));
            }
        }
        return null;
    }

    /** Reads lines until one equals {@code expected}; fails if the stream ends first. */
    void awaitLine(String expected) throws InterruptedException {
        for (String line = nextLine(); line != null; line = nextLine()) {
            if (line.equals(expected)) {
                return;
            }
        }
        throw new AssertionError("stream ended before line '" + expected + "'");
    }

    @Override
    public void close() {
        response.body().close();
    }
}
