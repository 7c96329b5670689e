package dk.dealfinder.alertserver.web;

import io.javalin.http.Context;

/**
 * The headers every HTML answer carries. Listing text is written by strangers, so the policy allows
 * scripts only from this server (HTMX and our own file; neither needs inline script or eval) and
 * styles only from our one CSS file. Images may come from any web host, where listing photos live
 * (https on the real marketplaces; plain http for the local marketplace of the demo). An image
 * cannot run script, and a browser upgrades or blocks http images on an https page.
 */
public final class SecurityHeaders {

    public static final String POLICY =
            "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' https: http:;"
                    + " connect-src 'self'; form-action 'self'; base-uri 'none';"
                    + " frame-ancestors 'none'";

    private SecurityHeaders() {}

    /** Sets the content security policy and its companions, for a page that must not be cached. */
    public static void apply(Context ctx) {
        ctx.header("Content-Security-Policy", POLICY);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("Cache-Control", "no-store");
    }
}
