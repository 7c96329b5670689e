package dk.dealfinder.alertserver;

import dk.dealfinder.alertserver.auth.AuthGate;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.io.IOException;
import java.util.List;

/**
 * {@code GET /api/alerts/stream}: the signed-in user's live alert feed as Server-Sent Events
 * (alerts of their own saved queries and of the operator's shared ones). {@code Last-Event-ID}
 * (header, or {@code ?lastEventId=} for clients reconnecting by hand) resumes right after that
 * entry; otherwise {@code ?replay=N} sends the newest N first; otherwise only new alerts.
 */
final class AlertStreamHandler implements Handler {

    static final int MAX_REPLAY = 1000;
    private static final int RESUME_PAGE = 200;
    private static final long RECONNECT_DELAY_MILLIS = 3000;

    private final RedisAlertStream stream;
    private final AlertFanOut fanOut;
    private final QueryOwners owners;

    AlertStreamHandler(RedisAlertStream stream, AlertFanOut fanOut, QueryOwners owners) {
        this.stream = stream;
        this.fanOut = fanOut;
        this.owners = owners;
    }

    @Override
    public void handle(Context ctx) throws IOException {
        StreamId resumeAfter = resumePoint(ctx);
        Backlog backlog = resumeAfter != null ? resumeBacklog() : replayBacklog(replayCount(ctx));

        ctx.status(200);
        ctx.res().setCharacterEncoding("UTF-8");
        ctx.res().setContentType("text/event-stream");
        ctx.header("Cache-Control", "no-cache");
        // nginx buffers proxied responses unless told not to; that would hold back every event.
        ctx.header("X-Accel-Buffering", "no");

        ServletEventSink sink = new ServletEventSink(ctx.res().getOutputStream());
        String userId = AuthGate.principal(ctx).userId();
        SseSubscriber subscriber =
                fanOut.subscribe(
                        sink,
                        backlog,
                        resumeAfter,
                        event -> owners.visibleTo(event.queryId(), userId));
        try {
            // Sending the headers only now means a client that sees them is already subscribed.
            sink.retry(RECONNECT_DELAY_MILLIS);
        } catch (IOException e) {
            // Gone already: let the writer unregister it rather than leave it collecting alerts.
            subscriber.endWith(SseSubscriber.Ending.CLIENT_GONE);
            subscriber.start();
            throw e;
        }
        ctx.future(
                () -> {
                    subscriber.start();
                    return sink.done();
                });
    }

    private static StreamId resumePoint(Context ctx) {
        String lastEventId = ctx.header("Last-Event-ID");
        if (lastEventId == null || lastEventId.isBlank()) {
            lastEventId = ctx.queryParam("lastEventId");
        }
        if (lastEventId == null || lastEventId.isBlank()) {
            return null;
        }
        try {
            return StreamId.parse(lastEventId);
        } catch (IllegalArgumentException e) {
            throw new BadRequestResponse("Last-Event-ID: " + e.getMessage());
        }
    }

    private static int replayCount(Context ctx) {
        String replay = ctx.queryParam("replay");
        if (replay == null || replay.isBlank()) {
            return 0;
        }
        try {
            int count = Integer.parseInt(replay.trim());
            if (count >= 0 && count <= MAX_REPLAY) {
                return count;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new BadRequestResponse("replay must be an integer 0.." + MAX_REPLAY);
    }

    private Backlog resumeBacklog() {
        return lastDelivered -> stream.after(lastDelivered, RESUME_PAGE);
    }

    private Backlog replayBacklog(int count) {
        if (count == 0) {
            return Backlog.NONE;
        }
        // One page only: after it the live queue (filtered by id) takes over.
        return lastDelivered -> lastDelivered == null ? stream.latest(count) : List.of();
    }
}
