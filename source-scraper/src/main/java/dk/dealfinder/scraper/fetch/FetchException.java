package dk.dealfinder.scraper.fetch;

import java.net.URI;

/**
 * A page that could not be fetched after the retries the policy allows, or that politeness forbade
 * fetching now.
 *
 * @see PageFetcher
 */
public final class FetchException extends Exception {

    private final URI uri;
    private final int status;

    public FetchException(URI uri, int status, String reason) {
        super(reason + " (" + uri + (status > 0 ? ", HTTP " + status : "") + ")");
        this.uri = uri;
        this.status = status;
    }

    public URI uri() {
        return uri;
    }

    /** The last HTTP status seen, 0 when no answer came. */
    public int status() {
        return status;
    }
}
