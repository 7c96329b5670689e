package dk.dealfinder.alertserver.listings;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.dealfinder.alertserver.api.ApiException;
import dk.dealfinder.alertserver.api.JsonBodies;
import dk.dealfinder.alertserver.auth.AuthGate;
import dk.dealfinder.core.model.Verdict;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.router.JavalinDefaultRouting;
import java.util.Set;

/**
 * The signed-in user's view of stored listings: search, top deals, one listing's detail, alert
 * history and favourites. Listings are public marketplace data; matches, scores, alerts and
 * favourites are the caller's own (and those of the operator's shared queries), which {@link
 * ListingReads} enforces.
 *
 * <pre>
 * GET    /api/listings            search (text, minPrice, maxPrice, site, queryId, verdict,
 *                                 minScore, sort, page, pageSize)
 * GET    /api/deals/top           best recent deals (days, limit)
 * GET    /api/listings/{key}      detail with price history and score explanations
 * GET    /api/alerts              alert history, newest first (page, pageSize)
 * GET    /api/favourites          starred listings
 * PUT    /api/favourites/{key}    star, optional body {"notify": true}
 * DELETE /api/favourites/{key}    unstar
 * </pre>
 */
public final class ListingApi {

    private static final int MAX_PAGE = 10_000;
    private static final int MAX_DEAL_DAYS = 365;
    private static final int DEFAULT_DEAL_DAYS = 7;
    private static final int DEFAULT_DEAL_LIMIT = 10;

    private static final int MAX_KEY_LENGTH = 200;
    private static final Set<String> SEARCH_PARAMS =
            Set.of(
                    "text",
                    "minPrice",
                    "maxPrice",
                    "site",
                    "queryId",
                    "verdict",
                    "minScore",
                    "sort",
                    "page",
                    "pageSize");
    private static final Set<String> PAGE_PARAMS = Set.of("page", "pageSize");

    /** The body of {@code PUT /api/favourites/{key}} (a record may not call a part notify). */
    record FavouriteInput(@JsonProperty("notify") Boolean notifyOnPriceDrop) {}

    /** What {@code PUT /api/favourites/{key}} answers. */
    record Favourite(String listingKey, @JsonProperty("notify") boolean notifyOnPriceDrop) {}

    private final ListingReads reads;
    private final JsonBodies bodies = new JsonBodies(new ObjectMapper());

    public ListingApi(ListingReads reads) {
        this.reads = reads;
    }

    public void routes(JavalinDefaultRouting router) {
        router.get("/api/listings", this::search);
        router.get("/api/deals/top", this::topDeals);
        router.get("/api/listings/{key}", this::detail);
        router.get("/api/alerts", this::alerts);
        router.get("/api/favourites", this::favourites);
        router.put("/api/favourites/{key}", this::favourite);
        router.delete("/api/favourites/{key}", this::unfavourite);
    }

    private void search(Context ctx) {
        ctx.json(reads.search(user(ctx), searchOf(QueryParams.of(ctx, SEARCH_PARAMS))));
    }

    private static ListingSearch searchOf(QueryParams params) {
        String text = params.text("text", 200);
        if (text != null && text.split("\\s+").length > ListingSearch.MAX_TEXT_WORDS) {
            throw ApiException.badField(
                    "text", "must be at most " + ListingSearch.MAX_TEXT_WORDS + " words");
        }
        Long minPrice = params.wholeNumber("minPrice", 0, Long.MAX_VALUE);
        Long maxPrice = params.wholeNumber("maxPrice", 0, Long.MAX_VALUE);
        if (minPrice != null && maxPrice != null && maxPrice < minPrice) {
            throw ApiException.badField("maxPrice", "must not be below minPrice");
        }
        Verdict verdict = params.oneOf("verdict", Verdict.class, null);
        return new ListingSearch(
                text,
                minPrice,
                maxPrice,
                params.text("site", 100),
                params.text("queryId", 100),
                verdict == null ? null : verdict.name(),
                params.number("minScore", 0, 100),
                params.oneOf("sort", ListingSearch.Sort.class, ListingSearch.Sort.NEWEST),
                params.wholeNumber("page", 1, 1, MAX_PAGE),
                pageSize(params));
    }

    private void topDeals(Context ctx) {
        QueryParams params = QueryParams.of(ctx, Set.of("days", "limit"));
        int days = params.wholeNumber("days", DEFAULT_DEAL_DAYS, 1, MAX_DEAL_DAYS);
        int limit = params.wholeNumber("limit", DEFAULT_DEAL_LIMIT, 1, ListingSearch.MAX_PAGE_SIZE);
        ctx.json(reads.topDeals(user(ctx), days, limit));
    }

    private void detail(Context ctx) {
        QueryParams.of(ctx, Set.of());
        ctx.json(
                reads.detail(user(ctx), key(ctx))
                        .orElseThrow(() -> ApiException.notFound("listing")));
    }

    private void alerts(Context ctx) {
        QueryParams params = QueryParams.of(ctx, PAGE_PARAMS);
        int page = params.wholeNumber("page", 1, 1, MAX_PAGE);
        ctx.json(reads.alerts(user(ctx), page, pageSize(params)));
    }

    private void favourites(Context ctx) {
        QueryParams.of(ctx, Set.of());
        ctx.json(reads.favourites(user(ctx)));
    }

    private void favourite(Context ctx) {
        String key = key(ctx);
        boolean notify =
                !ctx.body().isBlank()
                        && Boolean.TRUE.equals(
                                bodies.read(ctx, FavouriteInput.class).notifyOnPriceDrop());
        if (!reads.favourite(user(ctx), key, notify)) {
            throw ApiException.notFound("listing");
        }
        ctx.json(new Favourite(key, notify));
    }

    private void unfavourite(Context ctx) {
        if (!reads.unfavourite(user(ctx), key(ctx))) {
            throw ApiException.notFound("favourite");
        }
        ctx.status(HttpStatus.NO_CONTENT);
    }

    private static int pageSize(QueryParams params) {
        return params.wholeNumber(
                "pageSize", ListingSearch.DEFAULT_PAGE_SIZE, 1, ListingSearch.MAX_PAGE_SIZE);
    }

    /** Listing keys are {@code site:adId}; Javalin hands the path segment over URL-decoded. */
    private static String key(Context ctx) {
        String key = ctx.pathParam("key");
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            throw ApiException.badField("key", "must be 1 to " + MAX_KEY_LENGTH + " characters");
        }
        return key;
    }

    private static String user(Context ctx) {
        return AuthGate.principal(ctx).userId();
    }
}
