package dk.dealfinder.alertserver.auth;

import dk.dealfinder.alertserver.api.ApiException;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.router.JavalinDefaultRouting;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /api/me}: who is signed in (and, for the dashboard's own scripts, the session's CSRF
 * token); {@code POST /api/tokens}: a new API token for the caller, shown once.
 */
public final class AccountApi {

    private static final int MAX_LABEL = 100;

    private final UserStore users;

    public AccountApi(UserStore users) {
        this.users = users;
    }

    public void routes(JavalinDefaultRouting router) {
        router.get("/api/me", this::me);
        router.post("/api/tokens", this::issueToken);
    }

    private void me(Context ctx) {
        Principal p = AuthGate.principal(ctx);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", p.user().id());
        body.put("name", p.user().name());
        if (p.viaCookie()) {
            body.put("csrfToken", p.csrfToken());
        }
        ctx.json(body);
    }

    private void issueToken(Context ctx) {
        String label = ctx.queryParam("label");
        if (label != null && label.length() > MAX_LABEL) {
            throw ApiException.badField("label", "is longer than " + MAX_LABEL + " characters");
        }
        String token = users.issueToken(AuthGate.principal(ctx).userId(), label);
        ctx.status(HttpStatus.CREATED).json(Map.of("token", token));
    }
}
