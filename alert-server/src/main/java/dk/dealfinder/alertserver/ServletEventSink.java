package dk.dealfinder.alertserver;

import jakarta.servlet.ServletOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

/**
 * Writes SSE frames straight to the servlet response and flushes each one, so an alert reaches the
 * browser the moment it is written rather than when a buffer fills.
 */
final class ServletEventSink implements EventSink {

    private final ServletOutputStream out;
    private final CompletableFuture<Void> done = new CompletableFuture<>();

    ServletEventSink(ServletOutputStream out) {
        this.out = out;
    }

    /** Completes when the stream is over; Javalin then finishes the async response. */
    CompletableFuture<Void> done() {
        return done;
    }

    @Override
    public void event(String name, String id, String data) throws IOException {
        StringBuilder frame = new StringBuilder(data.length() + 64);
        if (id != null) {
            frame.append("id: ").append(id).append('\n');
        }
        frame.append("event: ").append(name).append('\n');
        // A newline inside data would end the field early; SSE rejoins data lines with '\n'.
        for (String line : data.split("\r\n|\r|\n", -1)) {
            frame.append("data: ").append(line).append('\n');
        }
        write(frame.append('\n'));
    }

    @Override
    public void comment(String text) throws IOException {
        write(new StringBuilder(": ").append(text).append("\n\n"));
    }

    /** Sent before the first event: EventSource's reconnect delay. */
    void retry(long millis) throws IOException {
        write(new StringBuilder("retry: ").append(millis).append("\n\n"));
    }

    @Override
    public void end() {
        done.complete(null);
    }

    private void write(CharSequence frame) throws IOException {
        out.write(frame.toString().getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
