package dk.dealfinder.alertserver;

import jakarta.servlet.ServletOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

/**
 * Writes SSE frames to the servlet response. The subscriber flushes after each batch of pending
 * frames, so an alert reaches the browser the moment it is written, with one write per batch.
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
    public void alert(AlertEvent event) throws IOException {
        out.write(event.frame());
    }

    @Override
    public void event(String name, String id, String data) throws IOException {
        write(SseFrames.event(name, id, data));
    }

    @Override
    public void comment(String text) throws IOException {
        write(SseFrames.comment(text));
    }

    /** Sent before the first event: EventSource's reconnect delay. */
    void retry(long millis) throws IOException {
        write("retry: " + millis + "\n\n");
        flush();
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void end() {
        done.complete(null);
    }

    private void write(String frame) throws IOException {
        out.write(frame.getBytes(StandardCharsets.UTF_8));
    }
}
