package dk.dealfinder.alertserver;

import java.nio.charset.StandardCharsets;

/**
 * One alert as it sits in the Redis stream: its entry id (the SSE event id), the alert JSON exactly
 * as the server stored it (the SSE data) and the saved query it is for (who may see it). The SSE
 * frame is built once per alert and shared by every client that receives it.
 */
final class AlertEvent {

    private final StreamId id;
    private final String json;
    private final String queryId;
    private volatile byte[] frame;

    AlertEvent(StreamId id, String json, String queryId) {
        this.id = id;
        this.json = json;
        this.queryId = queryId;
    }

    StreamId id() {
        return id;
    }

    String json() {
        return json;
    }

    String queryId() {
        return queryId;
    }

    /**
     * The complete {@code alert} event as UTF-8 bytes; built on first use (a race builds it twice,
     * harmlessly).
     */
    byte[] frame() {
        byte[] f = frame;
        if (f == null) {
            f =
                    SseFrames.event(SseSubscriber.ALERT_EVENT, id.toString(), json)
                            .getBytes(StandardCharsets.UTF_8);
            frame = f;
        }
        return f;
    }

    @Override
    public String toString() {
        return "AlertEvent[" + id + ", query=" + queryId + "]";
    }
}
