package dk.dealfinder.testkit.marketplace;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An ad's own page: a schema.org {@code Product} in JSON-LD and, like DBA's React pages, the richer
 * ad data in {@code window.__staticRouterHydrationData} at {@code loaderData["item-page"].ad}.
 * Removed ads still answer 200 with {@code meta.isInactive = true}.
 */
final class ItemPageHtml {

    static final int IMAGE_WIDTH = 320;
    static final int IMAGE_HEIGHT = 240;
    static final String ROUTE_ID = "item-page";

    private ItemPageHtml() {}

    static String render(MarketListing listing, SiteUrls urls) {
        String title = HtmlMarkup.escape(listing.title());
        StringBuilder html = new StringBuilder(4096);
        html.append("<!DOCTYPE html>\n<html lang=\"da\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<title>")
                .append(title)
                .append(" | DBA</title>\n")
                .append("<link rel=\"canonical\" href=\"")
                .append(urls.item(listing.id()))
                .append("\">\n")
                .append("<script type=\"application/ld+json\">")
                .append(HtmlMarkup.scriptJson(product(listing, urls)))
                .append("</script>\n</head>\n<body>\n<main class=\"recommerce-item\">\n");
        if (!listing.active()) {
            html.append("<p class=\"item-inactive\">Annoncen er ikke længere aktiv</p>\n");
        }
        html.append("<h1>")
                .append(title)
                .append("</h1>\n")
                .append("<img src=\"")
                .append(urls.image(listing.id(), 1))
                .append("\" alt=\"")
                .append(title)
                .append("\" width=\"")
                .append(IMAGE_WIDTH)
                .append("\" height=\"")
                .append(IMAGE_HEIGHT)
                .append("\">\n")
                .append("<p class=\"item-price\">")
                .append(HtmlMarkup.escape(DanishListingText.price(listing.price())))
                .append("</p>\n")
                .append("<p class=\"item-location\">")
                .append(HtmlMarkup.escape(listing.postcode()))
                .append(' ')
                .append(HtmlMarkup.escape(listing.city()))
                .append("</p>\n")
                .append("<div class=\"item-description\">")
                .append(HtmlMarkup.escape(listing.description()))
                .append("</div>\n")
                .append("</main>\n<script>window.__staticRouterHydrationData = ")
                .append(HtmlMarkup.scriptJson(hydration(listing, urls)))
                .append(";</script>\n</body>\n</html>\n");
        return html.toString();
    }

    private static ObjectNode product(MarketListing listing, SiteUrls urls) {
        ObjectNode product = HtmlMarkup.JSON.createObjectNode();
        product.put("@context", "https://schema.org");
        product.put("@type", "Product");
        product.put("name", listing.title());
        product.put("description", listing.description());
        product.put("sku", Long.toString(listing.id()));
        product.put("url", urls.item(listing.id()));
        product.put("category", listing.category());
        ArrayNode images = product.putArray("image");
        for (int n = 1; n <= listing.imageSeeds().size(); n++) {
            images.add(urls.image(listing.id(), n));
        }
        product.put("itemCondition", schemaCondition(listing.condition()));
        ObjectNode offers = product.putObject("offers");
        offers.put("@type", "Offer");
        offers.put("price", listing.price());
        offers.put("priceCurrency", "DKK");
        offers.put(
                "availability",
                listing.active() ? "https://schema.org/InStock" : "https://schema.org/SoldOut");
        offers.put("url", urls.item(listing.id()));
        return product;
    }

    private static String schemaCondition(String condition) {
        if (condition.equals("Ny")) {
            return "https://schema.org/NewCondition";
        }
        if (condition.startsWith("Defekt")) {
            return "https://schema.org/DamagedCondition";
        }
        return "https://schema.org/UsedCondition";
    }

    private static ObjectNode hydration(MarketListing listing, SiteUrls urls) {
        ObjectNode root = HtmlMarkup.JSON.createObjectNode();
        ObjectNode ad = root.putObject("loaderData").putObject(ROUTE_ID).putObject("ad");
        ad.put("id", listing.id());
        ad.put("title", listing.title());
        ad.put("description", listing.description());
        ObjectNode price = ad.putObject("price");
        price.put("amount", listing.price());
        price.put("currency", "DKK");
        ad.put("tradeType", listing.tradeType());
        ObjectNode location = ad.putObject("location");
        location.put("postalCode", listing.postcode());
        location.put("postalName", listing.city());
        location.put("countryCode", "DK");
        ObjectNode position = location.putObject("position");
        position.put("lat", listing.latitude());
        position.put("lng", listing.longitude());
        ArrayNode images = ad.putArray("images");
        for (int n = 1; n <= listing.imageSeeds().size(); n++) {
            images.addObject()
                    .put("uri", urls.image(listing.id(), n))
                    .put("width", IMAGE_WIDTH)
                    .put("height", IMAGE_HEIGHT);
        }
        ArrayNode extras = ad.putArray("extras");
        extras.addObject()
                .put("id", "condition")
                .put("label", "Stand")
                .put("value", listing.condition());
        extras.addObject()
                .put("id", "category")
                .put("label", "Kategori")
                .put("value", listing.category());
        ad.put("sellerType", listing.sellerType().flag());
        ObjectNode meta = ad.putObject("meta");
        meta.put("adId", listing.id());
        meta.put("published", listing.publishedAt().toString());
        meta.put("edited", listing.editedAt().toString());
        meta.put("isInactive", !listing.active());
        ArrayNode history = meta.putArray("history");
        listing.priceHistory()
                .forEach(
                        point ->
                                history.addObject()
                                        .put("price", point.price())
                                        .put("at", point.at().toString()));
        root.putNull("actionData");
        root.putNull("errors");
        return root;
    }
}
