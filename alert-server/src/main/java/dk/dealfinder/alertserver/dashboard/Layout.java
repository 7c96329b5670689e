package dk.dealfinder.alertserver.dashboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.dealfinder.alertserver.auth.AuthGate;
import dk.dealfinder.alertserver.auth.Principal;
import dk.dealfinder.alertserver.web.Html;
import dk.dealfinder.alertserver.web.SecurityHeaders;
import io.javalin.http.Context;
import java.util.Map;

/**
 * The frame every dashboard page shares, and the headers every dashboard answer carries. The policy
 * itself is {@link SecurityHeaders#POLICY}.
 */
final class Layout {

    static final String HTMX = "/webjars/htmx.org/2.0.4/dist/htmx.min.js";

    /**
     * HTMX would otherwise add an inline style element (blocked by the policy) and keep page
     * snapshots, CSRF token included, in localStorage.
     */
    private static final String HTMX_CONFIG =
            "{\"includeIndicatorStyles\":false,\"allowEval\":false,\"historyCacheSize\":0,"
                    + "\"refreshOnHistoryMiss\":true}";

    private static final ObjectMapper JSON = new ObjectMapper();

    private Layout() {}

    /** Sends a whole page or a fragment with the security headers. */
    static void send(Context ctx, String html) {
        SecurityHeaders.apply(ctx);
        ctx.header("Vary", "HX-Request");
        ctx.contentType("text/html; charset=utf-8").result(html);
    }

    /** Whether HTMX asked for a fragment (a history restore wants the whole page). */
    static boolean wantsFragment(Context ctx) {
        return ctx.header("HX-Request") != null && ctx.header("HX-History-Restore-Request") == null;
    }

    /**
     * A whole page.
     *
     * @param section which navigation entry is current: "search" or "preferences"
     * @param main markup built from escaped values only
     */
    static String page(Principal caller, String title, String section, String main) {
        String csrf = caller.csrfToken() == null ? "" : caller.csrfToken();
        return """
        <!doctype html>
        <html lang="da">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="csrf-token" content="%s">
        <meta name="htmx-config" content="%s">
        <title>%s · dealfinder</title>
        <link rel="stylesheet" href="/static/dashboard.css">
        <script src="%s" defer></script>
        <script src="/static/dashboard.js" defer></script>
        </head>
        <body hx-headers="%s">
        <a class="skip" href="#main">Spring til indhold</a>
        <header class="top">
        <a class="brand" href="/">dealfinder</a>
        <nav aria-label="Hovedmenu">
        <a href="/"%s>Søg</a>
        <a href="/preferences"%s>Søgeagenter</a>
        </nav>
        <span id="live-status" class="live" role="status">forbinder…</span>
        <span class="who">%s</span>
        <form method="post" action="/logout" class="logout">
        <input type="hidden" name="%s" value="%s">
        <button type="submit">Log ud</button>
        </form>
        </header>
        <main id="main">
        %s
        </main>
        <div id="toasts" class="toasts" aria-live="polite" aria-label="Nye tilbud"></div>
        </body>
        </html>
        """
                .formatted(
                        Html.escape(csrf),
                        Html.escape(HTMX_CONFIG),
                        Html.escape(title),
                        HTMX,
                        Html.escape(csrfHeaders(csrf)),
                        current(section, "search"),
                        current(section, "preferences"),
                        Html.escape(caller.user().name()),
                        AuthGate.CSRF_FIELD,
                        Html.escape(csrf),
                        main);
    }

    /** A hidden form field with the caller's CSRF token, for plain form posts. */
    static String csrfField(Principal caller) {
        return "<input type=\"hidden\" name=\""
                + AuthGate.CSRF_FIELD
                + "\" value=\""
                + Html.escape(caller.csrfToken() == null ? "" : caller.csrfToken())
                + "\">";
    }

    /**
     * The JSON HTMX adds as headers to every request it makes (escaped again for the attribute).
     */
    private static String csrfHeaders(String csrf) {
        try {
            return JSON.writeValueAsString(Map.of(AuthGate.CSRF_HEADER, csrf));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a one-entry string map always serializes", e);
        }
    }

    private static String current(String section, String entry) {
        return section.equals(entry) ? " aria-current=\"page\"" : "";
    }
}
