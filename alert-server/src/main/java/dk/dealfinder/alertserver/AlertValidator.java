package dk.dealfinder.alertserver;

import dk.dealfinder.core.model.Alert;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The rules an alert must pass before it is stored and shown to users. Titles and URLs come from
 * scraped listings, so anything that could become a link is held to http(s).
 */
final class AlertValidator {

    private static final Pattern UUID_TEXT =
            Pattern.compile(
                    "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private AlertValidator() {}

    /**
     * Throws {@link InvalidAlertException} for the first rule {@code alert} breaks.
     *
     * @param prefix field path prefix, e.g. {@code "[3]."}, so errors name the batch element
     */
    static void validate(Alert alert, String prefix) {
        if (alert.alertId() == null || !UUID_TEXT.matcher(alert.alertId()).matches()) {
            throw invalid(prefix + "alertId", "must be a UUID");
        }
        requireText(alert.queryId(), prefix + "queryId");
        requireText(alert.listingKey(), prefix + "listingKey");
        requireText(alert.title(), prefix + "title");
        requireText(alert.url(), prefix + "url");
        requireWebUrl(alert.url(), prefix + "url");
        if (alert.imageUrl() != null && !alert.imageUrl().isBlank()) {
            requireWebUrl(alert.imageUrl(), prefix + "imageUrl");
        }
        // Written so NaN fails too.
        if (!(alert.score() >= 0 && alert.score() <= 100)) {
            throw invalid(prefix + "score", "must be between 0 and 100");
        }
        if (alert.price() != null && alert.price() < 0) {
            throw invalid(prefix + "price", "must not be negative");
        }
    }

    private static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw invalid(field, "must not be blank");
        }
    }

    private static void requireWebUrl(String value, String field) {
        try {
            URI uri = new URI(value.trim());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return;
            }
        } catch (URISyntaxException e) {
            // answered below
        }
        throw invalid(field, "must be an absolute http(s) URL");
    }

    private static InvalidAlertException invalid(String field, String problem) {
        return new InvalidAlertException("invalid alert", field, problem);
    }
}
