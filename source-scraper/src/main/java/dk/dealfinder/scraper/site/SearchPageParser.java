package dk.dealfinder.scraper.site;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.dealfinder.core.model.RawListing;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Reads the server-rendered search page, the fallback when the JSON API fails: the ad cards ({@code
 * article.sf-search-ad}) first, and the JSON-LD {@code CollectionPage} when the cards cannot be
 * read.
 */
final class SearchPageParser {

    static final String CARD = "article.sf-search-ad";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern AD_ID_IN_URL = Pattern.compile("/item/(\\d+)");
    private static final Pattern DIGITS = Pattern.compile("(\\d[\\d.]*)");

    private final String site;
    private final String currency;

    SearchPageParser(String site, String currency) {
        this.site = site;
        this.currency = currency;
    }

    SearchPage parse(String html, String pageUrl, long fetchedAt) {
        Document doc = Jsoup.parse(html, pageUrl);
        List<RawListing> listings = new ArrayList<>();
        for (Element card : doc.select(CARD)) {
            RawListing listing = fromCard(card, fetchedAt);
            if (listing != null) {
                listings.add(listing);
            }
        }
        if (listings.isEmpty()) {
            listings.addAll(fromJsonLd(doc, fetchedAt));
        }
        boolean lastPage = doc.select("nav.sf-pagination a[rel=next]").isEmpty();
        boolean scripted = !doc.select("script:not([type]):not([src])").isEmpty();
        return new SearchPage(listings, lastPage, reportedMatches(doc), scripted);
    }

    private RawListing fromCard(Element card, long fetchedAt) {
        Element link = card.selectFirst("a.sf-search-ad-link");
        String adId = link != null && !link.id().isEmpty() ? link.id() : card.attr("data-ad-id");
        if (adId.isEmpty()) {
            return null;
        }
        Element time = card.selectFirst("time[datetime]");
        Element img = card.selectFirst("img[src]");
        return new RawListing(
                site,
                adId,
                link == null ? "" : link.absUrl("href"),
                link == null ? "" : link.text(),
                "",
                card.select(".sf-search-ad-price").text(),
                currency,
                card.select(".sf-search-ad-location").text(),
                time == null ? "" : epochMillisOrAsPrinted(time.attr("datetime"), time.text()),
                img == null ? List.of() : List.of(img.absUrl("src")),
                "",
                fetchedAt);
    }

    private List<RawListing> fromJsonLd(Document doc, long fetchedAt) {
        List<RawListing> listings = new ArrayList<>();
        for (Element script : doc.select("script[type=application/ld+json]")) {
            JsonNode page = readJson(script.data());
            for (JsonNode element : page.path("mainEntity").path("itemListElement")) {
                JsonNode item = element.path("item");
                String url = item.path("url").asText("");
                Matcher id = AD_ID_IN_URL.matcher(url);
                if (!id.find()) {
                    continue;
                }
                JsonNode image = item.path("image");
                listings.add(
                        new RawListing(
                                site,
                                id.group(1),
                                url,
                                item.path("name").asText(""),
                                "",
                                item.path("offers").path("price").asText(""),
                                item.path("offers").path("priceCurrency").asText(currency),
                                "",
                                "",
                                image.isTextual() ? List.of(image.asText()) : List.of(),
                                "",
                                fetchedAt));
            }
        }
        return listings;
    }

    /** "1.234 annoncer" → 1234; -1 when the page does not say. */
    private static int reportedMatches(Document doc) {
        Element count = doc.selectFirst(".sf-result-count");
        if (count == null) {
            return -1;
        }
        Matcher m = DIGITS.matcher(count.text());
        return m.find() ? Integer.parseInt(m.group(1).replace(".", "")) : -1;
    }

    private static String epochMillisOrAsPrinted(String datetime, String printed) {
        try {
            return Long.toString(Instant.parse(datetime).toEpochMilli());
        } catch (DateTimeParseException e) {
            return printed;
        }
    }

    private static JsonNode readJson(String text) {
        try {
            JsonNode node = JSON.readTree(text);
            return node == null ? JSON.missingNode() : node;
        } catch (IOException e) {
            return JSON.missingNode();
        }
    }
}
