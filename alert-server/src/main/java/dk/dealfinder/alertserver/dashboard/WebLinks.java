package dk.dealfinder.alertserver.dashboard;

import dk.dealfinder.alertserver.web.Html;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Links and image sources built from stored, untrusted values. */
final class WebLinks {

    private WebLinks() {}

    /**
     * The URL escaped for an attribute when it is an absolute http(s) URL; null otherwise, so a
     * {@code javascript:} or {@code data:} URL from a listing never becomes a link or a source.
     */
    static String webUrlAttribute(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        try {
            URI uri = new URI(url.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return Html.escape(uri.toString());
            }
        } catch (URISyntaxException e) {
            return null;
        }
        return null;
    }

    /** Our detail page for a listing, escaped for an attribute. */
    static String detailPath(String listingKey) {
        return Html.escape("/listings/" + pathSegment(listingKey));
    }

    static String pathSegment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static String queryValue(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
