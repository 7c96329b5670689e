package dk.dealfinder.testkit.marketplace;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The JSON body of DBA's search API: {@code docs[]} of type "bap" and paging metadata. */
final class SearchApiJson {

    private SearchApiJson() {}

    /** {@code redesigned} names the list {@code results[]}, as a changed API would. */
    static String render(SearchQuery.Results results, SiteUrls urls, boolean redesigned) {
        ObjectNode root = HtmlMarkup.JSON.createObjectNode();
        ArrayNode docs = root.putArray(redesigned ? "results" : "docs");
        results.page().forEach(listing -> docs.add(doc(listing, urls)));
        ObjectNode metadata = root.putObject("metadata");
        ObjectNode size = metadata.putObject("result_size");
        size.put("match_count", results.matchCount());
        size.put("group_count", results.matchCount());
        ObjectNode paging = metadata.putObject("paging");
        paging.put("param", "page");
        paging.put("current", results.currentPage());
        paging.put("last", results.lastPage());
        metadata.put("is_end_of_paging", results.isEndOfPaging());
        try {
            return HtmlMarkup.JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }

    private static ObjectNode doc(MarketListing listing, SiteUrls urls) {
        ObjectNode doc = HtmlMarkup.JSON.createObjectNode();
        doc.put("type", "bap");
        doc.put("id", Long.toString(listing.id()));
        doc.put("ad_id", listing.id());
        doc.put("heading", listing.title());
        doc.put("location", listing.city());
        doc.put("canonical_url", urls.item(listing.id()));
        ArrayNode images = doc.putArray("image_urls");
        for (int n = 1; n <= listing.imageSeeds().size(); n++) {
            images.add(urls.image(listing.id(), n));
        }
        ObjectNode price = doc.putObject("price");
        price.put("amount", listing.price());
        price.put("currency_code", "DKK");
        price.put("price_unit", "kr");
        doc.put("timestamp", listing.publishedAt().toEpochMilli());
        doc.put("trade_type", listing.tradeType());
        doc.putArray("flags").add(listing.sellerType().flag());
        return doc;
    }
}
