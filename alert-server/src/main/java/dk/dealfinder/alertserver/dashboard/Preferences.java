package dk.dealfinder.alertserver.dashboard;

import dk.dealfinder.alertserver.api.SavedQueryApi;
import dk.dealfinder.alertserver.api.SavedQueryRepository;
import dk.dealfinder.alertserver.auth.AuthGate;
import dk.dealfinder.alertserver.auth.Principal;
import dk.dealfinder.core.model.SavedQuery;
import dk.dealfinder.core.query.FieldProblem;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The preferences form posts: plain HTML forms with the CSRF token as a hidden field, so they work
 * without script. A good post redirects back to the list (so a reload does not post again); a post
 * with problems answers 400 with the form as sent and each problem next to its field.
 */
final class Preferences {

    private final SavedQueryRepository queries;
    private final Set<String> sites;
    private final PreferencesPage page;

    Preferences(SavedQueryRepository queries, Set<String> sites) {
        this.queries = queries;
        this.sites = sites;
        this.page = new PreferencesPage(sites.stream().sorted().toList());
    }

    /** GET /preferences */
    void list(Context ctx) {
        Principal caller = AuthGate.principal(ctx);
        show(ctx, caller, QueryForm.blank(), null, List.of(), notice(ctx));
    }

    /** GET /preferences/queries/{id}: the list with the form filled in for editing. */
    void edit(Context ctx) {
        Principal caller = AuthGate.principal(ctx);
        String id = ctx.pathParam("id");
        SavedQuery q = queries.find(id, caller.userId()).orElse(null);
        if (q == null) {
            notFound(ctx, caller);
            return;
        }
        show(ctx, caller, QueryForm.of(q), id, List.of(), null);
    }

    /** POST /preferences/queries */
    void create(Context ctx) {
        Principal caller = AuthGate.principal(ctx);
        QueryForm form = QueryForm.of(ctx);
        QueryForm.Parsed parsed = form.parse("q-" + UUID.randomUUID(), caller.userId(), sites);
        if (!parsed.problems().isEmpty()) {
            ctx.status(HttpStatus.BAD_REQUEST);
            show(ctx, caller, form, null, parsed.problems(), null);
            return;
        }
        if (queries.countOwnedBy(caller.userId()) >= SavedQueryApi.MAX_QUERIES_PER_USER) {
            ctx.status(HttpStatus.CONFLICT);
            show(
                    ctx,
                    caller,
                    form,
                    null,
                    List.of(
                            new FieldProblem(
                                    "name",
                                    "you have "
                                            + SavedQueryApi.MAX_QUERIES_PER_USER
                                            + " saved queries, the most allowed; delete one"
                                            + " first")),
                    null);
            return;
        }
        queries.save(parsed.query());
        ctx.redirect("/preferences?saved=created", HttpStatus.SEE_OTHER);
    }

    /** POST /preferences/queries/{id} */
    void update(Context ctx) {
        Principal caller = AuthGate.principal(ctx);
        String id = ctx.pathParam("id");
        if (queries.find(id, caller.userId()).isEmpty()) {
            notFound(ctx, caller);
            return;
        }
        QueryForm form = QueryForm.of(ctx);
        QueryForm.Parsed parsed = form.parse(id, caller.userId(), sites);
        if (!parsed.problems().isEmpty()) {
            ctx.status(HttpStatus.BAD_REQUEST);
            show(ctx, caller, form, id, parsed.problems(), null);
            return;
        }
        queries.save(parsed.query());
        ctx.redirect("/preferences?saved=updated", HttpStatus.SEE_OTHER);
    }

    /** POST /preferences/queries/{id}/active with {@code active=true|false}: pause or resume. */
    void setActive(Context ctx) {
        Principal caller = AuthGate.principal(ctx);
        SavedQuery q = queries.find(ctx.pathParam("id"), caller.userId()).orElse(null);
        if (q == null) {
            notFound(ctx, caller);
            return;
        }
        boolean active = "true".equals(ctx.formParam("active"));
        queries.save(QueryForm.of(q).withActive(active).parse(q.id(), q.owner(), sites).query());
        ctx.redirect("/preferences?saved=" + (active ? "resumed" : "paused"), HttpStatus.SEE_OTHER);
    }

    /** POST /preferences/queries/{id}/delete */
    void delete(Context ctx) {
        Principal caller = AuthGate.principal(ctx);
        if (!queries.delete(ctx.pathParam("id"), caller.userId())) {
            notFound(ctx, caller);
            return;
        }
        ctx.redirect("/preferences?saved=deleted", HttpStatus.SEE_OTHER);
    }

    private void show(
            Context ctx,
            Principal caller,
            QueryForm form,
            String editing,
            List<FieldProblem> problems,
            String notice) {
        String main =
                page.main(
                        caller, queries.ownedBy(caller.userId()), form, editing, problems, notice);
        Layout.send(ctx, Layout.page(caller, "Søgeagenter", "preferences", main));
    }

    /** Another user's query looks exactly like a missing one. */
    private void notFound(Context ctx, Principal caller) {
        ctx.status(HttpStatus.NOT_FOUND);
        show(ctx, caller, QueryForm.blank(), null, List.of(), "Den søgeagent findes ikke.");
    }

    private static String notice(Context ctx) {
        String saved = ctx.queryParam("saved");
        if (saved == null) {
            return null;
        }
        return switch (saved) {
            case "created" -> "Søgeagenten er oprettet.";
            case "updated" -> "Ændringerne er gemt.";
            case "paused" -> "Søgeagenten er sat på pause.";
            case "resumed" -> "Søgeagenten er aktiv igen.";
            case "deleted" -> "Søgeagenten er slettet.";
            default -> null;
        };
    }
}
