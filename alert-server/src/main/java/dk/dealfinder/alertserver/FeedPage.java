package dk.dealfinder.alertserver;

import io.javalin.http.Context;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code GET /} and {@code GET /static/feed.js}: the live alert page. Listing titles are scraped,
 * untrusted text, so the page renders them with DOM text nodes only and the Content-Security-Policy
 * allows no script but our own file: even a rendering bug cannot run a listing's script.
 */
final class FeedPage {

    private static final Pattern STYLE = Pattern.compile("<style>(.*?)</style>", Pattern.DOTALL);

    private final String html = ClasspathText.read("feed.html");
    private final String script = ClasspathText.read("feed.js");
    private final String policy = policyFor(html);

    void page(Context ctx) {
        ctx.header("Content-Security-Policy", policy);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.contentType("text/html; charset=utf-8").result(html);
    }

    void script(Context ctx) {
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Cache-Control", "no-cache");
        ctx.contentType("text/javascript; charset=utf-8").result(script);
    }

    /** The inline style block is allowed by its hash, so no 'unsafe-inline' is needed. */
    private static String policyFor(String html) {
        Matcher style = STYLE.matcher(html);
        String styleSource =
                style.find()
                        ? "'sha256-"
                                + Base64.getEncoder().encodeToString(Sha256.of(style.group(1)))
                                + "'"
                        : "'none'";
        return "default-src 'none'; script-src 'self'; style-src "
                + styleSource
                + "; connect-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none';"
                + " frame-ancestors 'none'";
    }
}
