package dk.dealfinder.alertserver;

import java.io.IOException;

/**
 * Where one SSE client's frames go. Writes may sit in a buffer until {@link #flush}, so a client
 * that is behind gets its pending alerts in one write instead of one per alert.
 */
interface EventSink {

    /** Writes an alert's ready-made frame. */
    void alert(AlertEvent event) throws IOException;

    /** Writes any other event (such as {@code error}). */
    void event(String name, String id, String data) throws IOException;

    void comment(String text) throws IOException;

    /** Sends everything written so far to the client. */
    void flush() throws IOException;

    /** Ends the response; called once, after the last frame. */
    void end();
}
