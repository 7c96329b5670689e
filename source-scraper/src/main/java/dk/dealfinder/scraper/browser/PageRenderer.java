package dk.dealfinder.scraper.browser;

import java.io.IOException;
import java.net.URI;

/** Loads a page in a browser, runs its scripts and returns the resulting document. */
public interface PageRenderer {

    /**
     * The rendered HTML once an element matching {@code readySelector} exists, or once the page
     * timeout passes (the document as it is then).
     */
    String render(URI uri, String readySelector) throws IOException, InterruptedException;
}
