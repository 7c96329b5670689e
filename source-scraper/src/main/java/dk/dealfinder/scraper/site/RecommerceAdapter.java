package dk.dealfinder.scraper.site;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.dealfinder.core.model.RawListing;
import dk.dealfinder.core.model.SellerType;
import java.io.Serializable;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Speaks the "recommerce" platform that dba.dk shares with finn.no, blocket.se and tori.fi: builds
 * search API URLs and reads their JSON replies into {@link RawListing}s. Sites differ only in host,
 * currency and language, which come from configuration.
 */
public final class RecommerceAdapter implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The two search API paths seen in the wild; the first that answers is remembered. */
    public static final List<String> SEARCH_API_PATHS =
            List.of(
                    "/recommerce/forsale/search/api/search/SEARCH_ID_BAP_COMMON",
                    "/recommerce-search-page/api/search/SEARCH_ID_BAP_COMMON");

    static final String SEARCH_PAGE_PATH = "/recommerce/forsale/search";

    /** One ad card on the HTML search page; a browser waits for the first before reading. */
    public static final String SEARCH_CARD_SELECTOR = SearchPageParser.CARD;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String site;
    private final String baseUrl;
    private final String currency;

    public RecommerceAdapter(String site, String baseUrl, String currency) {
        this.site = site;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.currency = currency;
    }

    public String site() {
        return site;
    }

    /** The server-rendered search page, newest first; the fallback when the API fails. */
    public URI searchPageUri(String terms, int page) {
        return URI.create(
                baseUrl
                        + SEARCH_PAGE_PATH
                        + "?q="
                        + URLEncoder.encode(terms, StandardCharsets.UTF_8)
                        + "&page="
                        + page
                        + "&sort=PUBLISHED_DESC");
    }

    /** Reads the HTML search page (cards, then JSON-LD); never fails, may find nothing. */
    public SearchPage parseSearchPage(String html, String pageUrl, long fetchedAt) {
        return new SearchPageParser(site, currency).parse(html, pageUrl, fetchedAt);
    }

    /**
     * A search result completed from its item page: description, all photos, postcode and place,
     * coordinates, condition, trade type, seller type, category. Fields the page lacks keep what
     * the search result had.
     */
    public RawListing withItemPage(RawListing fromSearch, ItemDetails item) {
        SellerType seller = sellerTypeOf(item.sellerType());
        return new RawListing(
                fromSearch.site(),
                fromSearch.adId(),
                fromSearch.url(),
                fromSearch.title(),
                item.description().isEmpty() ? fromSearch.description() : item.description(),
                fromSearch.priceText(),
                fromSearch.currency(),
                item.location().isEmpty() ? fromSearch.location() : item.location(),
                fromSearch.publishedText(),
                item.imageUrls().isEmpty() ? fromSearch.imageUrls() : item.imageUrls(),
                item.tradeType().isEmpty() ? fromSearch.tradeType() : item.tradeType(),
                fromSearch.fetchedAt(),
                seller == null ? fromSearch.sellerType() : seller,
                item.category().isBlank() ? fromSearch.category() : item.category().strip(),
                item.condition().isBlank() ? fromSearch.condition() : item.condition().strip(),
                item.hasCoordinates() ? Double.valueOf(item.latitude()) : fromSearch.latitude(),
                item.hasCoordinates() ? Double.valueOf(item.longitude()) : fromSearch.longitude(),
                null);
    }

    /**
     * The seller type a site's word names, null for any other word. The platform flags ads
     * "private" or "dealer" (what the LocalMarketplace serves); "company", "business" and
     * "professional" are read as dealers too, since the live sites' exact words are not verified.
     */
    static SellerType sellerTypeOf(String word) {
        if (word == null) {
            return null;
        }
        return switch (word.strip().toLowerCase(Locale.ROOT)) {
            case "private", "privat" -> SellerType.PRIVATE;
            case "dealer", "company", "business", "professional", "forhandler" -> SellerType.DEALER;
            default -> null;
        };
    }

    /** The first of a search result's flags that names a seller type, null when none does. */
    private static SellerType sellerTypeOf(JsonNode flags) {
        for (JsonNode flag : flags) {
            SellerType type = sellerTypeOf(flag.asText(""));
            if (type != null) {
                return type;
            }
        }
        return null;
    }

    /** The search API URL for one page (1-based) of the newest listings matching the terms. */
    public URI searchApiUri(int pathIndex, String terms, int page) {
        return URI.create(
                baseUrl
                        + SEARCH_API_PATHS.get(pathIndex)
                        + "?q="
                        + URLEncoder.encode(terms, StandardCharsets.UTF_8)
                        + "&page="
                        + page
                        + "&sort=PUBLISHED_DESC");
    }

    /** Reads a search API reply; anything that is not the documented shape is a malformed page. */
    public SearchPage parseSearchApi(String body, long fetchedAt) throws MalformedPageException {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new MalformedPageException(
                    "search reply is not JSON: " + e.getOriginalMessage(), e);
        }
        JsonNode docs = root == null ? null : root.get("docs");
        if (docs == null || !docs.isArray()) {
            throw new MalformedPageException("search reply has no docs[] array");
        }
        List<RawListing> listings = new ArrayList<>(docs.size());
        for (JsonNode doc : docs) {
            String type = doc.path("type").asText("bap");
            if ("bap".equals(type) && doc.hasNonNull("id")) {
                listings.add(toRawListing(doc, fetchedAt));
            }
        }
        // docs[] is the known layout: an empty one is a quiet search unless the count disagrees.
        int matches =
                root.path("metadata").path("result_size").path("match_count").asInt(docs.size());
        return new SearchPage(listings, isLastPage(root, docs.size()), matches, false);
    }

    private RawListing toRawListing(JsonNode doc, long fetchedAt) {
        String adId = doc.get("id").asText();
        List<String> images = new ArrayList<>();
        doc.path("image_urls").forEach(u -> images.add(u.asText()));
        JsonNode price = doc.path("price");
        String url = doc.path("canonical_url").asText(baseUrl + "/recommerce/forsale/item/" + adId);
        return new RawListing(
                site,
                adId,
                url,
                doc.path("heading").asText(""),
                "",
                price.has("amount") ? price.get("amount").asText() : "",
                price.path("currency_code").asText(currency),
                doc.path("location").asText(""),
                doc.has("timestamp") ? doc.get("timestamp").asText() : "",
                images,
                doc.path("trade_type").asText(""),
                fetchedAt,
                sellerTypeOf(doc.path("flags")),
                null);
    }

    private static boolean isLastPage(JsonNode root, int docCount) {
        JsonNode meta = root.path("metadata");
        if (meta.has("is_end_of_paging")) {
            return meta.get("is_end_of_paging").asBoolean();
        }
        JsonNode paging = meta.path("paging");
        if (paging.has("current") && paging.has("last")) {
            return paging.get("current").asInt() >= paging.get("last").asInt();
        }
        return docCount == 0;
    }
}
