package dk.dealfinder.alertserver.auth;

import dk.dealfinder.alertserver.AlertMetrics;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Runs before every route: finds who is calling (an API token in {@code Authorization: Bearer}, or
 * the dashboard's session cookie), refuses everyone else, checks the CSRF token on writes made with
 * the cookie, and applies the per-user rate limit.
 *
 * <p>Open without signing in: {@code /health}, {@code /ready}, the sign-in page and the static
 * assets it needs. {@code /internal/*} and {@code /metrics} take the service token instead (checked
 * by their handlers).
 */
public final class AuthGate implements Handler {

    public static final String SESSION_COOKIE = "df_session";
    public static final String CSRF_HEADER = "X-CSRF-Token";
    public static final String CSRF_FIELD = "_csrf";

    private static final String PRINCIPAL = "dealfinder.principal";
    private static final Set<String> OPEN = Set.of("/health", "/ready", "/login", "/favicon.ico");
    private static final Set<HandlerType> WRITES =
            Set.of(HandlerType.POST, HandlerType.PUT, HandlerType.PATCH, HandlerType.DELETE);

    private final UserStore users;
    private final RateLimiter rateLimiter;
    private final AlertMetrics metrics;

    public AuthGate(UserStore users, RateLimiter rateLimiter, AlertMetrics metrics) {
        this.users = users;
        this.rateLimiter = rateLimiter;
        this.metrics = metrics;
    }

    /** The caller of a route behind the gate. */
    public static Principal principal(Context ctx) {
        Principal p = ctx.attribute(PRINCIPAL);
        if (p == null) {
            throw new IllegalStateException("route " + ctx.path() + " is not behind the AuthGate");
        }
        return p;
    }

    /** The caller if signed in; for pages that look different to guests (the sign-in page). */
    public static Optional<Principal> maybePrincipal(Context ctx) {
        return Optional.ofNullable(ctx.attribute(PRINCIPAL));
    }

    @Override
    public void handle(Context ctx) {
        String path = ctx.path();
        if (ctx.method() == HandlerType.OPTIONS || path.startsWith("/internal/")) {
            return; // CORS preflight; service routes check their own token
        }
        Optional<Principal> caller = identify(ctx);
        caller.ifPresent(p -> ctx.attribute(PRINCIPAL, p));
        if (OPEN.contains(path) || path.startsWith("/static/") || path.equals("/metrics")) {
            return;
        }
        if (caller.isEmpty()) {
            metrics.authFailures.increment();
            refuseGuest(ctx);
            return;
        }
        Principal p = caller.get();
        if (p.viaCookie() && WRITES.contains(ctx.method()) && !csrfMatches(ctx, p)) {
            metrics.csrfRejected.increment();
            stop(ctx, HttpStatus.FORBIDDEN, "missing or wrong CSRF token");
            return;
        }
        long retryAfter = rateLimiter.acquire(p.userId());
        if (retryAfter > 0) {
            metrics.rateLimited.increment();
            ctx.header("Retry-After", Long.toString(retryAfter));
            stop(ctx, HttpStatus.TOO_MANY_REQUESTS, "rate limit exceeded, retry later");
        }
    }

    private Optional<Principal> identify(Context ctx) {
        String authorization = ctx.header("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return users.byToken(authorization.substring(7))
                    .map(user -> new Principal(user, null, null));
        }
        return users.bySession(ctx.cookie(SESSION_COOKIE));
    }

    private static boolean csrfMatches(Context ctx, Principal p) {
        String presented = ctx.header(CSRF_HEADER);
        if (presented == null && isForm(ctx)) {
            presented = ctx.formParam(CSRF_FIELD);
        }
        return Secrets.same(presented, p.csrfToken());
    }

    private static boolean isForm(Context ctx) {
        String type = ctx.contentType();
        return type != null
                && (type.startsWith("application/x-www-form-urlencoded")
                        || type.startsWith("multipart/form-data"));
    }

    /** Browsers asking for a page go to the sign-in form; API clients get a 401. */
    private static void refuseGuest(Context ctx) {
        String accept = ctx.header("Accept");
        boolean page =
                ctx.method() == HandlerType.GET
                        && accept != null
                        && accept.contains("text/html")
                        && ctx.header("HX-Request") == null;
        if (page) {
            ctx.redirect("/login");
            ctx.skipRemainingHandlers();
            return;
        }
        ctx.header("WWW-Authenticate", "Bearer");
        stop(ctx, HttpStatus.UNAUTHORIZED, "sign in: an API token as 'Authorization: Bearer'");
    }

    private static void stop(Context ctx, HttpStatus status, String message) {
        ctx.status(status).json(Map.of("error", message));
        ctx.skipRemainingHandlers();
    }
}
