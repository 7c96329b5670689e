package dk.dealfinder.alertserver;

import java.io.IOException;

/** Where one SSE client's frames go; each call writes and flushes one complete frame. */
interface EventSink {

    void event(String name, String id, String data) throws IOException;

    void comment(String text) throws IOException;

    /** Ends the response; called once, after the last frame. */
    void end();
}
