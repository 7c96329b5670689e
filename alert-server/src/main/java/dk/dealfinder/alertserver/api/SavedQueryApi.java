package dk.dealfinder.alertserver.api;

import dk.dealfinder.alertserver.auth.AuthGate;
import dk.dealfinder.core.model.SavedQuery;
import dk.dealfinder.core.query.FieldProblem;
import dk.dealfinder.core.query.SavedQueryRules;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.router.JavalinDefaultRouting;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * {@code /api/queries}: a user's saved queries. The Flink job re-reads the table on its poll
 * interval, so a change reaches matching and scraping within seconds.
 */
public final class SavedQueryApi {

    /** A user with more standing searches than this is more likely a script gone wrong. */
    public static final int MAX_QUERIES_PER_USER = 100;

    private final SavedQueryRepository queries;
    private final JsonBodies bodies;
    private final Set<String> sites;

    public SavedQueryApi(SavedQueryRepository queries, JsonBodies bodies, Set<String> sites) {
        this.queries = queries;
        this.bodies = bodies;
        this.sites = Set.copyOf(sites);
    }

    public void routes(JavalinDefaultRouting router) {
        router.get("/api/queries", this::list);
        router.post("/api/queries", this::create);
        router.get("/api/queries/{id}", this::get);
        router.put("/api/queries/{id}", this::replace);
        router.delete("/api/queries/{id}", this::delete);
    }

    private void list(Context ctx) {
        String owner = AuthGate.principal(ctx).userId();
        ctx.json(queries.ownedBy(owner).stream().map(SavedQueryInput::of).toList());
    }

    private void get(Context ctx) {
        String owner = AuthGate.principal(ctx).userId();
        SavedQuery q =
                queries.find(ctx.pathParam("id"), owner)
                        .orElseThrow(() -> ApiException.notFound("saved query"));
        ctx.json(SavedQueryInput.of(q));
    }

    private void create(Context ctx) {
        String owner = AuthGate.principal(ctx).userId();
        SavedQueryInput input = bodies.read(ctx, SavedQueryInput.class);
        if (input.id() != null) {
            throw ApiException.badField("id", "is assigned by the server; leave it out");
        }
        SavedQuery q = valid(input.toSavedQuery("q-" + UUID.randomUUID(), owner));
        if (queries.countOwnedBy(owner) >= MAX_QUERIES_PER_USER) {
            throw new ApiException(
                    409, "at most " + MAX_QUERIES_PER_USER + " saved queries per user", List.of());
        }
        queries.save(q);
        ctx.header("Location", "/api/queries/" + q.id());
        ctx.status(HttpStatus.CREATED).json(SavedQueryInput.of(q));
    }

    private void replace(Context ctx) {
        String owner = AuthGate.principal(ctx).userId();
        String id = ctx.pathParam("id");
        queries.find(id, owner).orElseThrow(() -> ApiException.notFound("saved query"));
        SavedQueryInput input = bodies.read(ctx, SavedQueryInput.class);
        if (input.id() != null && !input.id().equals(id)) {
            throw ApiException.badField("id", "does not match the URL ('" + id + "')");
        }
        SavedQuery q = valid(input.toSavedQuery(id, owner));
        queries.save(q);
        ctx.json(SavedQueryInput.of(q));
    }

    private void delete(Context ctx) {
        String owner = AuthGate.principal(ctx).userId();
        if (!queries.delete(ctx.pathParam("id"), owner)) {
            throw ApiException.notFound("saved query");
        }
        ctx.status(HttpStatus.NO_CONTENT);
    }

    private SavedQuery valid(SavedQuery q) {
        List<FieldProblem> problems = SavedQueryRules.check(q, sites);
        if (!problems.isEmpty()) {
            throw ApiException.invalid(problems);
        }
        return q;
    }
}
