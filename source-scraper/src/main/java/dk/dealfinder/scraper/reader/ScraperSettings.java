package dk.dealfinder.scraper.reader;

import java.io.Serializable;
import java.time.Duration;

/** How the readers poll; taken from the {@code scraper} section of the configuration. */
public record ScraperSettings(
        Duration pollInterval, Duration requestTimeout, int maxPagesPerPoll, String userAgent)
        implements Serializable {}
