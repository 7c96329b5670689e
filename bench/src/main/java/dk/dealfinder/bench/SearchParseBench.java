package dk.dealfinder.bench;

import dk.dealfinder.scraper.site.MalformedPageException;
import dk.dealfinder.scraper.site.RecommerceAdapter;
import dk.dealfinder.testkit.marketplace.LocalMarketplace;
import dk.dealfinder.testkit.marketplace.MarketplaceOptions;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * Issue 3, parsing: search pages per second read by {@link RecommerceAdapter} (the HTML parser and
 * the JSON API reader), against only decoding the same bytes to text and scanning them once, the
 * least any reader does. The pages are every result page of the workload's saved queries, fetched
 * once from the LocalMarketplace; the timed loops make no requests.
 */
final class SearchParseBench {

    /** Large enough that most searches have several result pages. */
    private static final int CATALOGUE = 6_000;

    private SearchParseBench() {}

    static void run(Results results, double seconds) throws Exception {
        List<byte[]> html = new ArrayList<>();
        List<byte[]> api = new ArrayList<>();
        RecommerceAdapter adapter;
        int listings = 0;
        MarketplaceOptions options = MarketplaceOptions.defaults().withCatalogueSize(CATALOGUE);
        try (LocalMarketplace marketplace = LocalMarketplace.start(options)) {
            adapter = new RecommerceAdapter("dba.dk", marketplace.baseUrl().toString(), "DKK");
            HttpClient http = HttpClient.newHttpClient();
            for (var query : Workload.QUERIES) {
                for (int page = 1; ; page++) {
                    byte[] body = get(http, adapter.searchApiUri(0, query.terms(), page));
                    var parsed = adapter.parseSearchApi(utf8(body), 0);
                    if (parsed.listings().isEmpty()) {
                        break;
                    }
                    listings += parsed.listings().size();
                    api.add(body);
                    html.add(get(http, adapter.searchPageUri(query.terms(), page)));
                    if (parsed.lastPage()) {
                        break;
                    }
                }
            }
        }
        String note =
                String.format(
                        "%d result pages (%d listings) of %d saved queries over a catalogue of"
                                + " %,d, %.0f KiB of HTML;"
                                + " baseline: UTF-8 decode and one pass over the characters",
                        html.size(),
                        listings,
                        Workload.QUERIES.size(),
                        CATALOGUE,
                        html.stream().mapToInt(b -> b.length).sum() / 1024.0);
        String pageUrl = adapter.searchPageUri("bench", 1).toString();
        results.add(
                "search parsing",
                "HTML search pages parsed (cards, JSON-LD)",
                pagesPerSecond(
                        html,
                        seconds,
                        b -> adapter.parseSearchPage(utf8(b), pageUrl, 0).listings().size()),
                "pages/s",
                pagesPerSecond(html, seconds, SearchParseBench::scan),
                note);
        results.add(
                "search parsing",
                "search API pages read (JSON)",
                pagesPerSecond(api, seconds, b -> parseApi(adapter, b)),
                "pages/s",
                pagesPerSecond(api, seconds, SearchParseBench::scan),
                "same pages as JSON; same baseline");
    }

    private static int parseApi(RecommerceAdapter adapter, byte[] body) {
        try {
            return adapter.parseSearchApi(utf8(body), 0).listings().size();
        } catch (MalformedPageException e) {
            throw new IllegalStateException("the marketplace served a malformed page", e);
        }
    }

    /** Warms up for a third of {@code seconds}, then counts pages read in the rest. */
    private static double pagesPerSecond(
            List<byte[]> pages, double seconds, ToIntFunction<byte[]> read) {
        long sink = 0;
        long warmEnd = System.nanoTime() + (long) (seconds / 3 * 1e9);
        for (int i = 0; System.nanoTime() < warmEnd; i++) {
            sink += read.applyAsInt(pages.get(i % pages.size()));
        }
        long start = System.nanoTime();
        long end = start + (long) (seconds * 2 / 3 * 1e9);
        int n = 0;
        while (System.nanoTime() < end) {
            sink += read.applyAsInt(pages.get(n++ % pages.size()));
        }
        if (sink == Long.MIN_VALUE) {
            System.out.println(sink);
        }
        return n / ((System.nanoTime() - start) / 1e9);
    }

    private static int scan(byte[] body) {
        String text = utf8(body);
        int angles = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '<') {
                angles++;
            }
        }
        return angles;
    }

    private static String utf8(byte[] body) {
        return new String(body, StandardCharsets.UTF_8);
    }

    private static byte[] get(HttpClient http, URI uri) throws IOException, InterruptedException {
        HttpResponse<byte[]> response =
                http.send(
                        HttpRequest.newBuilder(uri).GET().build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IOException(uri + " answered HTTP " + response.statusCode());
        }
        return response.body();
    }
}
