package dk.dealfinder.testkit.marketplace;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * The server-rendered search page: one {@code article.sf-search-ad} card per ad and a schema.org
 * {@code CollectionPage} in {@code script#seoStructuredData}. The cards' list sits at {@code
 * mainEntity.itemListElement[]} (an {@code ItemList}), each entry holding {@code item{url, name,
 * image, offers{price, priceCurrency}}}.
 */
final class SearchPageHtml {

    /** How the page is built: as DBA does today, after a redesign, or by a script. */
    enum Rendering {
        STANDARD,
        REDESIGNED,
        SCRIPT_RENDERED;

        static Rendering of(boolean redesigned, boolean scriptRendered) {
            return redesigned ? REDESIGNED : scriptRendered ? SCRIPT_RENDERED : STANDARD;
        }
    }

    private SearchPageHtml() {}

    static String render(
            SearchQuery query, SearchQuery.Results results, SiteUrls urls, Instant now) {
        return render(query, results, urls, now, Rendering.STANDARD);
    }

    static String render(
            SearchQuery query,
            SearchQuery.Results results,
            SiteUrls urls,
            Instant now,
            Rendering rendering) {
        String heading = query.text().isEmpty() ? "Alle annoncer" : query.text();
        StringBuilder html = new StringBuilder(8192);
        html.append("<!DOCTYPE html>\n<html lang=\"da\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<title>")
                .append(HtmlMarkup.escape(heading))
                .append(" | DBA - køb og salg af nyt og brugt</title>\n");
        if (rendering == Rendering.STANDARD) {
            html.append("<script type=\"application/ld+json\" id=\"seoStructuredData\">")
                    .append(HtmlMarkup.scriptJson(collectionPage(heading, results, urls)))
                    .append("</script>\n");
        }
        html.append("</head>\n<body>\n<main id=\"recommerce-search\">\n")
                .append("<h1>")
                .append(HtmlMarkup.escape(heading))
                .append("</h1>\n<p class=\"sf-result-count\">")
                .append(results.matchCount())
                .append(" annoncer</p>\n<div class=\"sf-search-results\">\n");
        switch (rendering) {
            case STANDARD -> results.page().forEach(l -> appendCard(html, l, urls, now));
            case REDESIGNED -> results.page().forEach(l -> appendTile(html, l, urls));
            case SCRIPT_RENDERED -> {}
        }
        html.append("</div>\n");
        if (rendering == Rendering.SCRIPT_RENDERED) {
            appendRenderingScript(html, results, urls, now);
        }
        appendPaging(html, query, results);
        return html.append("</main>\n</body>\n</html>\n").toString();
    }

    private static void appendCard(
            StringBuilder html, MarketListing listing, SiteUrls urls, Instant now) {
        String title = HtmlMarkup.escape(listing.title());
        html.append("<article class=\"sf-search-ad\" data-ad-id=\"")
                .append(listing.id())
                .append("\">\n")
                .append("  <div class=\"sf-search-ad-image\"><img src=\"")
                .append(urls.image(listing.id(), 1))
                .append("\" alt=\"")
                .append(title)
                .append("\" width=\"320\" height=\"240\" loading=\"lazy\"></div>\n")
                .append("  <h2 class=\"sf-search-ad-heading\"><a class=\"sf-search-ad-link\" id=\"")
                .append(listing.id())
                .append("\" href=\"")
                .append(SiteUrls.itemPath(listing.id()))
                .append("\">")
                .append(title)
                .append("</a></h2>\n")
                .append("  <div class=\"sf-search-ad-price\">")
                .append(HtmlMarkup.escape(DanishListingText.price(listing.price())))
                .append("</div>\n")
                .append("  <div class=\"sf-search-ad-location\">")
                .append(HtmlMarkup.escape(listing.city()))
                .append("</div>\n")
                .append("  <time class=\"sf-search-ad-published\" datetime=\"")
                .append(listing.publishedAt())
                .append("\">")
                .append(DanishListingText.publishedAgo(listing.publishedAt(), now))
                .append("</time>\n")
                .append("</article>\n");
    }

    /**
     * The redesigned markup: same ads, new class names a scraper written for the old one misses.
     */
    private static void appendTile(StringBuilder html, MarketListing listing, SiteUrls urls) {
        html.append("<div class=\"ad-tile\" data-listing=\"")
                .append(listing.id())
                .append("\"><a class=\"ad-tile__link\" href=\"")
                .append(SiteUrls.itemPath(listing.id()))
                .append("\">")
                .append(HtmlMarkup.escape(listing.title()))
                .append("</a><span class=\"ad-tile__price\">")
                .append(HtmlMarkup.escape(DanishListingText.price(listing.price())))
                .append("</span><img src=\"")
                .append(urls.image(listing.id(), 1))
                .append("\" alt=\"\"></div>\n");
    }

    /**
     * A script that writes the standard cards into the empty result list once it runs, so only a
     * client that executes JavaScript sees any ad.
     */
    private static void appendRenderingScript(
            StringBuilder html, SearchQuery.Results results, SiteUrls urls, Instant now) {
        StringBuilder cards = new StringBuilder();
        results.page().forEach(l -> appendCard(cards, l, urls, now));
        ObjectNode payload = HtmlMarkup.JSON.createObjectNode();
        payload.put("markup", cards.toString());
        html.append("<script>(function(){var p=")
                .append(HtmlMarkup.scriptJson(payload))
                .append(";setTimeout(function(){document.querySelector('.sf-search-results')")
                .append(".innerHTML=p.markup;},50);})();</script>\n");
    }

    private static void appendPaging(
            StringBuilder html, SearchQuery query, SearchQuery.Results results) {
        html.append("<nav class=\"sf-pagination\" aria-label=\"Sider\">");
        if (results.currentPage() > 1) {
            html.append("<a rel=\"prev\" href=\"")
                    .append(pageLink(query, results.currentPage() - 1))
                    .append("\">Forrige</a>");
        }
        html.append("<span>Side ")
                .append(results.currentPage())
                .append(" af ")
                .append(results.lastPage())
                .append("</span>");
        if (!results.isEndOfPaging()) {
            html.append("<a rel=\"next\" href=\"")
                    .append(pageLink(query, results.currentPage() + 1))
                    .append("\">Næste</a>");
        }
        html.append("</nav>\n");
    }

    private static String pageLink(SearchQuery query, int page) {
        String link =
                SiteUrls.SEARCH_PAGE
                        + "?q="
                        + URLEncoder.encode(query.text(), StandardCharsets.UTF_8)
                        + "&page="
                        + page
                        + "&sort="
                        + query.sort().name();
        return HtmlMarkup.escape(link);
    }

    private static ObjectNode collectionPage(
            String heading, SearchQuery.Results results, SiteUrls urls) {
        ObjectNode page = HtmlMarkup.JSON.createObjectNode();
        page.put("@context", "https://schema.org");
        page.put("@type", "CollectionPage");
        page.put("name", heading + " | DBA");
        ObjectNode list = page.putObject("mainEntity");
        list.put("@type", "ItemList");
        list.put("numberOfItems", results.page().size());
        ArrayNode elements = list.putArray("itemListElement");
        int position = 1;
        for (MarketListing listing : results.page()) {
            ObjectNode element = elements.addObject();
            element.put("@type", "ListItem");
            element.put("position", position++);
            ObjectNode item = element.putObject("item");
            item.put("@type", "Product");
            item.put("url", urls.item(listing.id()));
            item.put("name", listing.title());
            item.put("image", urls.image(listing.id(), 1));
            ObjectNode offers = item.putObject("offers");
            offers.put("@type", "Offer");
            offers.put("price", listing.price());
            offers.put("priceCurrency", "DKK");
        }
        return page;
    }
}
