package dk.dealfinder.scraper.reader;

import dk.dealfinder.core.model.DeadLetter;
import java.io.Serializable;

/**
 * Where the source puts pages it could not read (stage {@code scrape}: URL, HTTP status and reason,
 * a snippet). A FLIP-27 source has one output type and no side outputs, so dead letters leave
 * through this channel; it is called on the reader's fetch thread and must not block for long.
 * Every dead letter is also counted ({@code deadLetters}) and logged by the reader.
 */
@FunctionalInterface
public interface DeadLetterOutput extends Serializable {

    /** Keeps nothing beyond the reader's metric and log line. */
    DeadLetterOutput LOG_ONLY = deadLetter -> {};

    void accept(DeadLetter deadLetter);
}
