package dk.dealfinder.alertserver.dashboard;

import dk.dealfinder.alertserver.api.SavedQueryRepository;
import dk.dealfinder.alertserver.auth.AuthGate;
import dk.dealfinder.alertserver.auth.Principal;
import dk.dealfinder.alertserver.listings.ListingDetail;
import dk.dealfinder.alertserver.listings.ListingReads;
import dk.dealfinder.alertserver.listings.ListingSummary;
import dk.dealfinder.alertserver.listings.Page;
import dk.dealfinder.alertserver.web.Html;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.router.JavalinDefaultRouting;
import java.util.Optional;
import java.util.Set;

/**
 * The signed-in user's dashboard: search, listing detail, live alert toasts and preferences, as
 * server-rendered HTML that HTMX swaps in.
 *
 * <pre>
 * GET    /                              search page; with HX-Request only the results grid
 * GET    /listings/{key}                detail panel; without HX-Request a whole page
 * PUT    /listings/{key}/favourite      star, answers the actions block (DELETE: unstar)
 * PUT    /listings/{key}/notify         price-drop notices on (DELETE: off)
 * GET    /preferences                   saved queries and the new-query form
 * GET    /preferences/queries/{id}      the same with the form editing one query
 * POST   /preferences/queries[/{id}]    create / update (form fields, _csrf)
 * POST   /preferences/queries/{id}/active, .../delete
 * GET    /static/dashboard.css, /static/dashboard.js
 * </pre>
 */
public final class Dashboard {

    private static final int TOP_DEAL_DAYS = 7;
    private static final int TOP_DEALS = 8;
    private static final int RECENT_ALERTS = 10;

    private final ListingReads listings;
    private final SavedQueryRepository queries;
    private final SearchPage searchPage;
    private final DetailPanel detailPanel;
    private final Preferences preferences;
    private final StaticAssets assets = new StaticAssets();

    /**
     * @param sites the marketplaces saved queries may name (the server's configured sites)
     * @param similarSearch whether {@code /api/similar} is routed (Qdrant configured)
     */
    public Dashboard(
            ListingReads listings,
            SavedQueryRepository queries,
            Set<String> sites,
            boolean similarSearch) {
        this.listings = listings;
        this.queries = queries;
        this.searchPage = new SearchPage(sites.stream().sorted().toList());
        this.detailPanel = new DetailPanel(similarSearch);
        this.preferences = new Preferences(queries, Set.copyOf(sites));
    }

    public void routes(JavalinDefaultRouting router) {
        router.get("/", this::search);
        router.get("/listings/{key}", this::detail);
        router.put("/listings/{key}/favourite", ctx -> mark(ctx, Mark.FAVOURITE));
        router.delete("/listings/{key}/favourite", ctx -> mark(ctx, Mark.UNFAVOURITE));
        router.put("/listings/{key}/notify", ctx -> mark(ctx, Mark.NOTIFY));
        router.delete("/listings/{key}/notify", ctx -> mark(ctx, Mark.NO_NOTIFY));
        router.get("/preferences", preferences::list);
        router.post("/preferences/queries", preferences::create);
        router.get("/preferences/queries/{id}", preferences::edit);
        router.post("/preferences/queries/{id}", preferences::update);
        router.post("/preferences/queries/{id}/active", preferences::setActive);
        router.post("/preferences/queries/{id}/delete", preferences::delete);
        router.get(StaticAssets.CSS, assets::css);
        router.get(StaticAssets.SCRIPT, assets::script);
    }

    private void search(Context ctx) {
        Principal caller = AuthGate.principal(ctx);
        SearchForm form = SearchForm.of(ctx);
        Page<ListingSummary> results = listings.search(caller.userId(), form.toSearch());
        if (Layout.wantsFragment(ctx)) {
            Layout.send(ctx, searchPage.results(form, results));
            return;
        }
        SearchPage.Sidebars sidebars =
                new SearchPage.Sidebars(
                        queries.ownedBy(caller.userId()),
                        listings.topDeals(caller.userId(), TOP_DEAL_DAYS, TOP_DEALS),
                        listings.favourites(caller.userId()),
                        listings.alerts(caller.userId(), 1, RECENT_ALERTS));
        Layout.send(
                ctx,
                Layout.page(caller, "Søg", "search", searchPage.main(form, results, sidebars)));
    }

    private void detail(Context ctx) {
        Principal caller = AuthGate.principal(ctx);
        Optional<ListingDetail> detail = listings.detail(caller.userId(), ctx.pathParam("key"));
        String panel =
                detail.map(detailPanel::render)
                        .orElse(
                                "<p class=\"empty\" role=\"alert\">"
                                        + Html.escape("Den annonce findes ikke (mere).")
                                        + "</p>");
        if (detail.isEmpty()) {
            ctx.status(HttpStatus.NOT_FOUND);
        }
        if (Layout.wantsFragment(ctx)) {
            Layout.send(ctx, panel);
            return;
        }
        String title = detail.map(d -> d.summary().title()).orElse("Ukendt annonce");
        Layout.send(
                ctx,
                Layout.page(
                        caller,
                        title,
                        "search",
                        "<div class=\"detail-page\"><p><a href=\"/\">← Til søgningen</a></p>"
                                + panel
                                + "</div>"));
    }

    /** What a Favourite or Notify-me button asks for. */
    private enum Mark {
        FAVOURITE,
        UNFAVOURITE,
        NOTIFY,
        NO_NOTIFY
    }

    /** Applies the mark and answers the actions block as it now stands. */
    private void mark(Context ctx, Mark mark) {
        String user = AuthGate.principal(ctx).userId();
        String key = ctx.pathParam("key");
        Optional<ListingDetail> before = listings.detail(user, key);
        if (before.isEmpty()) {
            ctx.status(HttpStatus.NOT_FOUND);
            Layout.send(ctx, "<p class=\"error\" role=\"alert\">Den annonce findes ikke.</p>");
            return;
        }
        switch (mark) {
            case FAVOURITE -> listings.favourite(user, key, before.get().notifyOnPriceDrop());
            case UNFAVOURITE -> listings.unfavourite(user, key);
            case NOTIFY -> listings.favourite(user, key, true);
            case NO_NOTIFY -> {
                if (before.get().favourite()) {
                    listings.favourite(user, key, false);
                }
            }
        }
        ListingDetail after = listings.detail(user, key).orElse(before.get());
        Layout.send(ctx, DetailPanel.actions(key, after.favourite(), after.notifyOnPriceDrop()));
    }
}
