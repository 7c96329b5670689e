package dk.dealfinder.scraper.browser;

import java.io.Serializable;
import java.time.Duration;

/**
 * The headless browser used for pages that only show their listings after a script runs.
 *
 * @param poolSize most browsers a reader runs at once; 0 switches the fallback off
 * @param chromiumBinary Debian's {@code /usr/bin/chromium}
 * @param chromedriverBinary Debian's {@code /usr/bin/chromedriver}
 * @param pageTimeout how long a page may take to load and render its listings
 */
public record BrowserSettings(
        int poolSize, String chromiumBinary, String chromedriverBinary, Duration pageTimeout)
        implements Serializable {

    public static BrowserSettings disabled() {
        return new BrowserSettings(
                0, "/usr/bin/chromium", "/usr/bin/chromedriver", Duration.ofSeconds(20));
    }

    /** Debian's chromium and chromedriver, at most {@code poolSize} at once. */
    public static BrowserSettings debianChromium(int poolSize) {
        return new BrowserSettings(
                poolSize, "/usr/bin/chromium", "/usr/bin/chromedriver", Duration.ofSeconds(20));
    }

    public boolean enabled() {
        return poolSize > 0;
    }
}
