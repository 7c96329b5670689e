package dk.dealfinder.scraper.site;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Reads an item page in three layers, richest first: the React hydration data ({@code
 * window.__staticRouterHydrationData}), then the schema.org {@code Product} in JSON-LD, then plain
 * HTML selectors. Each field comes from the first layer that has it, so a page that lost one layer
 * in a redesign still yields what the others hold.
 */
public final class ItemPageParser {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern HYDRATION =
            Pattern.compile(
                    "window\\.__staticRouterHydrationData\\s*=\\s*(\\{.*})\\s*;?\\s*$",
                    Pattern.DOTALL);
    private static final Pattern POSTCODE_AND_NAME = Pattern.compile("^(\\d{4})\\s+(.+)$");

    private ItemPageParser() {}

    /** Never fails: an unreadable layer simply contributes nothing. */
    public static ItemDetails parse(String html, String pageUrl) {
        Document doc = Jsoup.parse(html, pageUrl);
        return fromHydration(doc).orElse(fromJsonLd(doc)).orElse(fromMarkup(doc));
    }

    private static ItemDetails fromHydration(Document doc) {
        for (Element script : doc.select("script:not([type]), script[type=text/javascript]")) {
            Matcher m = HYDRATION.matcher(script.data().strip());
            if (m.find()) {
                JsonNode ad = findAd(readJson(m.group(1)).path("loaderData"));
                if (ad != null) {
                    return fromHydratedAd(ad);
                }
            }
        }
        return ItemDetails.none();
    }

    /** The route that carries the ad is named differently per site; take the first with one. */
    private static JsonNode findAd(JsonNode loaderData) {
        for (Iterator<JsonNode> routes = loaderData.elements(); routes.hasNext(); ) {
            JsonNode ad = routes.next().path("ad");
            if (ad.isObject()) {
                return ad;
            }
        }
        return null;
    }

    private static ItemDetails fromHydratedAd(JsonNode ad) {
        List<String> images = new ArrayList<>();
        ad.path("images")
                .forEach(i -> images.add(i.isTextual() ? i.asText() : i.path("uri").asText("")));
        images.removeIf(String::isBlank);
        JsonNode location = ad.path("location");
        JsonNode position = location.path("position");
        String condition = "";
        String category = "";
        for (JsonNode extra : ad.path("extras")) {
            String id = extra.path("id").asText("");
            if (id.equals("condition")) {
                condition = extra.path("value").asText("");
            } else if (id.equals("category")) {
                category = extra.path("value").asText("");
            }
        }
        return new ItemDetails(
                ad.path("description").asText(""),
                images,
                location.path("postalCode").asText(""),
                location.path("postalName").asText(""),
                position.path("lat").isNumber() ? position.get("lat").asDouble() : Double.NaN,
                position.path("lng").isNumber() ? position.get("lng").asDouble() : Double.NaN,
                condition,
                category,
                ad.path("sellerType").asText(""),
                ad.path("tradeType").asText(""),
                ad.path("meta").path("isInactive").asBoolean(false));
    }

    private static ItemDetails fromJsonLd(Document doc) {
        for (Element script : doc.select("script[type=application/ld+json]")) {
            JsonNode product = readJson(script.data());
            if (product.path("@type").asText("").equals("Product")) {
                List<String> images = new ArrayList<>();
                JsonNode image = product.path("image");
                if (image.isTextual()) {
                    images.add(image.asText());
                } else {
                    image.forEach(i -> images.add(i.asText("")));
                }
                images.removeIf(String::isBlank);
                String availability = product.path("offers").path("availability").asText("");
                return new ItemDetails(
                        product.path("description").asText(""),
                        images,
                        "",
                        "",
                        Double.NaN,
                        Double.NaN,
                        conditionOf(product.path("itemCondition").asText("")),
                        product.path("category").asText(""),
                        "",
                        "",
                        availability.endsWith("SoldOut"));
            }
        }
        return ItemDetails.none();
    }

    /** schema.org's condition URLs in the site's Danish words. */
    private static String conditionOf(String schemaCondition) {
        if (schemaCondition.endsWith("NewCondition")) {
            return "Ny";
        }
        if (schemaCondition.endsWith("DamagedCondition")) {
            return "Defekt";
        }
        return schemaCondition.endsWith("UsedCondition") ? "Brugt" : "";
    }

    private static ItemDetails fromMarkup(Document doc) {
        List<String> images = new ArrayList<>();
        doc.select("main img[src]").forEach(img -> images.add(img.absUrl("src")));
        String postcode = "";
        String postalName = doc.select(".item-location").text();
        Matcher m = POSTCODE_AND_NAME.matcher(postalName);
        if (m.matches()) {
            postcode = m.group(1);
            postalName = m.group(2);
        }
        return new ItemDetails(
                doc.select(".item-description").text(),
                images,
                postcode,
                postalName,
                Double.NaN,
                Double.NaN,
                "",
                "",
                "",
                "",
                !doc.select(".item-inactive").isEmpty());
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
