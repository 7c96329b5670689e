package dk.dealfinder.alertserver.dashboard;

import dk.dealfinder.alertserver.web.ClasspathText;
import io.javalin.http.Context;

/**
 * The dashboard's one stylesheet and one script, read once from the class path. Served by our own
 * routes so the server needs no static-file handler.
 */
final class StaticAssets {

    static final String CSS = "/static/dashboard.css";
    static final String SCRIPT = "/static/dashboard.js";

    private final String css = ClasspathText.read(CSS);
    private final String script = ClasspathText.read(SCRIPT);

    void css(Context ctx) {
        send(ctx, "text/css; charset=utf-8", css);
    }

    void script(Context ctx) {
        send(ctx, "text/javascript; charset=utf-8", script);
    }

    private static void send(Context ctx, String type, String body) {
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Cache-Control", "no-cache");
        ctx.contentType(type).result(body);
    }
}
