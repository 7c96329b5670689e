package dk.dealfinder.scraper.fetch;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;

/** Sends one GET and nothing more: politeness and retries are {@link PageFetcher}'s job. */
public interface HttpTransport {

    FetchedPage get(URI uri, String accept, String userAgent, Duration timeout)
            throws IOException, InterruptedException;
}
