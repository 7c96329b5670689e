package dk.dealfinder.alertserver.auth;

import dk.dealfinder.alertserver.AlertMetrics;
import dk.dealfinder.alertserver.web.Html;
import dk.dealfinder.alertserver.web.SecurityHeaders;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HttpStatus;
import io.javalin.http.SameSite;
import java.time.Duration;
import java.util.Optional;

/**
 * The dashboard's sign-in: the user pastes an API token once, and gets an HttpOnly, SameSite
 * session cookie (the token never lives in the browser's script-readable storage).
 */
public final class SignInHandlers {

    private final UserStore users;
    private final Duration sessionTtl;
    private final boolean secureCookies;
    private final AlertMetrics metrics;

    public SignInHandlers(
            UserStore users, Duration sessionTtl, boolean secureCookies, AlertMetrics metrics) {
        this.users = users;
        this.sessionTtl = sessionTtl;
        this.secureCookies = secureCookies;
        this.metrics = metrics;
    }

    /** GET /login */
    public void form(Context ctx) {
        if (AuthGate.maybePrincipal(ctx).isPresent()) {
            ctx.redirect("/");
            return;
        }
        SecurityHeaders.apply(ctx);
        ctx.html(page(ctx.queryParam("error") != null));
    }

    /** POST /login with the form field {@code token}. */
    public void signIn(Context ctx) {
        String token = ctx.formParam("token");
        Optional<User> user = users.byToken(token);
        if (user.isEmpty()) {
            metrics.authFailures.increment();
            SecurityHeaders.apply(ctx);
            ctx.status(HttpStatus.UNAUTHORIZED).html(page(true));
            return;
        }
        UserStore.NewSession session = users.startSession(user.get().id(), sessionTtl);
        Cookie cookie = new Cookie(AuthGate.SESSION_COOKIE, session.id());
        cookie.setHttpOnly(true);
        cookie.setSecure(secureCookies);
        cookie.setSameSite(SameSite.LAX);
        cookie.setPath("/");
        cookie.setMaxAge((int) sessionTtl.toSeconds());
        ctx.cookie(cookie);
        ctx.redirect("/");
    }

    /** POST /logout (behind the gate, so it needs the CSRF token). */
    public void signOut(Context ctx) {
        Principal p = AuthGate.principal(ctx);
        if (p.viaCookie()) {
            users.endSession(p.sessionHash());
        }
        ctx.removeCookie(AuthGate.SESSION_COOKIE, "/");
        ctx.redirect("/login");
    }

    private static String page(boolean failed) {
        String error =
                failed
                        ? "<p class=\"error\" role=\"alert\">"
                                + Html.escape("That token was not recognised.")
                                + "</p>"
                        : "";
        return """
        <!doctype html>
        <html lang="da">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>dealfinder: log ind</title>
        <link rel="stylesheet" href="/static/dashboard.css">
        </head>
        <body class="signin">
        <main>
        <h1>dealfinder</h1>
        <form method="post" action="/login">
        <label for="token">API token</label>
        <input id="token" name="token" type="password" autocomplete="current-password"
               required autofocus>
        <button type="submit">Log ind</button>
        </form>
        %s
        </main>
        </body>
        </html>
        """
                .formatted(error);
    }
}
