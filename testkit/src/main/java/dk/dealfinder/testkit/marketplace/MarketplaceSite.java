package dk.dealfinder.testkit.marketplace;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Routes every request of the local marketplace and turns failures into 400 or 404, never 500. */
final class MarketplaceSite implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(MarketplaceSite.class);

    static final String SEARCH_ID = "SEARCH_ID_BAP_COMMON";
    static final String PRIMARY_API_PATH = "/recommerce/forsale/search/api/search/" + SEARCH_ID;
    static final String LEGACY_API_PATH = "/recommerce-search-page/api/search/" + SEARCH_ID;
    private static final Pattern ITEM_PATH =
            Pattern.compile("/recommerce/forsale/item/(\\d{1,18})");
    private static final Pattern IMAGE_PATH =
            Pattern.compile("/images/(\\d{1,18})/(\\d{1,3})\\.jpg");
    private static final int MAX_SERVED_LOG = 100_000;
    private static final String ROBOTS =
            """
            # Lokal kopi af DBA's struktur til test og demo
            User-agent: *
            Crawl-delay: 1
            Allow: /recommerce/
            Allow: /recommerce-search-page/
            Allow: /images/
            Disallow: /min-konto/
            Disallow: /beskeder/
            Disallow: /auth/
            """;

    private final Catalogue catalogue;
    private final ScenarioClock clock;
    private final MarketplaceOptions options;
    private final SiteUrls urls;
    private final ListingPhotos photos = new ListingPhotos();
    private final AtomicLong requests = new AtomicLong();
    private final MarketplaceFaults faults = new MarketplaceFaults();
    private final Deque<ServedRequest> served = new ConcurrentLinkedDeque<>();

    MarketplaceSite(
            Catalogue catalogue, ScenarioClock clock, MarketplaceOptions options, URI baseUrl) {
        this.catalogue = catalogue;
        this.clock = clock;
        this.options = options;
        this.urls = new SiteUrls(baseUrl);
    }

    long requestCount() {
        return requests.get();
    }

    MarketplaceFaults faults() {
        return faults;
    }

    List<ServedRequest> servedRequests() {
        return List.copyOf(served);
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        long receivedNanos = System.nanoTime();
        String method = exchange.getRequestMethod();
        URI uri = exchange.getRequestURI();
        SiteResponse response;
        if (method.equals("GET") || method.equals("HEAD")) {
            response =
                    targetOf(uri.getPath())
                            .flatMap(faults::take)
                            .map(fault -> MarketplaceFaults.answer(fault, () -> answer(uri)))
                            .orElseGet(() -> answer(uri));
        } else {
            response = SiteResponse.text(405, "Kun GET understøttes");
        }
        if (served.size() < MAX_SERVED_LOG) {
            served.add(
                    new ServedRequest(
                            receivedNanos,
                            uri.toString(),
                            headerOrEmpty(exchange, "User-Agent"),
                            headerOrEmpty(exchange, "Via"),
                            response.status()));
        }
        send(exchange, response, method.equals("HEAD"));
    }

    private SiteResponse answer(URI uri) {
        try {
            return route(uri);
        } catch (BadRequestException e) {
            return SiteResponse.text(400, e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("Request {} failed", uri, e);
            return SiteResponse.text(500, "Der skete en fejl");
        }
    }

    private static String headerOrEmpty(HttpExchange exchange, String name) {
        String value = exchange.getRequestHeaders().getFirst(name);
        return value == null ? "" : value;
    }

    /** The fault target a path belongs to; robots.txt belongs to none. */
    private static Optional<MarketplaceFaults.Target> targetOf(String path) {
        if (path.equals("/robots.txt")) {
            return Optional.empty();
        }
        if (path.equals(PRIMARY_API_PATH) || path.equals(LEGACY_API_PATH)) {
            return Optional.of(MarketplaceFaults.Target.SEARCH_API);
        }
        if (path.equals(SiteUrls.SEARCH_PAGE)) {
            return Optional.of(MarketplaceFaults.Target.SEARCH_PAGE);
        }
        if (path.startsWith(SiteUrls.ITEM_PREFIX)) {
            return Optional.of(MarketplaceFaults.Target.ITEM_PAGE);
        }
        return Optional.of(MarketplaceFaults.Target.ANY_PAGE);
    }

    private SiteResponse route(URI uri) {
        String path = uri.getPath();
        Map<String, String> params = queryParameters(uri.getRawQuery());
        if (path.equals("/robots.txt")) {
            return new SiteResponse(
                    200, "text/plain; charset=utf-8", ROBOTS.getBytes(StandardCharsets.UTF_8));
        }
        if ((path.equals(PRIMARY_API_PATH) && options.serveSearchApiPrimaryPath())
                || (path.equals(LEGACY_API_PATH) && options.serveSearchApiLegacyPath())) {
            SearchQuery query = SearchQuery.parse(params);
            return SiteResponse.json(
                    SearchApiJson.render(
                            query.run(catalogue, clock.now()), urls, faults.isLayoutChanged()));
        }
        if (path.equals(SiteUrls.SEARCH_PAGE)) {
            SearchQuery query = SearchQuery.parse(params);
            return SiteResponse.html(
                    SearchPageHtml.render(
                            query,
                            query.run(catalogue, clock.now()),
                            urls,
                            clock.now(),
                            SearchPageHtml.Rendering.of(
                                    faults.isLayoutChanged(), faults.isScriptRenderedSearch())));
        }
        Matcher item = ITEM_PATH.matcher(path);
        if (item.matches()) {
            return publishedListing(item.group(1))
                    .map(listing -> SiteResponse.html(ItemPageHtml.render(listing, urls)))
                    .orElseGet(SiteResponse::notFound);
        }
        Matcher image = IMAGE_PATH.matcher(path);
        if (image.matches()) {
            int number = Integer.parseInt(image.group(2));
            return publishedListing(image.group(1))
                    .filter(listing -> number >= 1 && number <= listing.imageSeeds().size())
                    .map(
                            listing ->
                                    SiteResponse.jpeg(
                                            photos.jpeg(listing.imageSeeds().get(number - 1))))
                    .orElseGet(SiteResponse::notFound);
        }
        return SiteResponse.notFound();
    }

    private Optional<MarketListing> publishedListing(String id) {
        try {
            return catalogue.get(Long.parseLong(id)).filter(l -> l.isPublishedBy(clock.now()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The first value of each parameter, percent- and plus-decoded as UTF-8. */
    private static Map<String, String> queryParameters(String rawQuery) {
        Map<String, String> params = new HashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return params;
        }
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            try {
                params.putIfAbsent(
                        URLDecoder.decode(name, StandardCharsets.UTF_8),
                        URLDecoder.decode(value, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw new BadRequestException("malformed query parameter: " + pair);
            }
        }
        return params;
    }

    private static void send(HttpExchange exchange, SiteResponse response, boolean headersOnly)
            throws IOException {
        try (exchange) {
            exchange.getResponseHeaders().set("Content-Type", response.contentType());
            response.headers().forEach(exchange.getResponseHeaders()::set);
            if (headersOnly) {
                exchange.sendResponseHeaders(response.status(), -1);
                return;
            }
            exchange.sendResponseHeaders(response.status(), response.body().length);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(response.body());
            }
        }
    }
}
