package dk.dealfinder.scraper.enumerator;

import java.util.Map;
import java.util.Set;
import org.apache.flink.api.connector.source.SourceEvent;

/**
 * From the enumerator to a reader: feeds whose saved query changed its terms (the reader keeps
 * their cursors) and feeds whose query was deleted or paused (the reader drops them). Ids the
 * reader does not hold are ignored, so the event may safely be sent again.
 */
public record FeedChangesEvent(Map<String, String> newTerms, Set<String> retired)
        implements SourceEvent {

    private static final long serialVersionUID = 1L;

    public FeedChangesEvent {
        newTerms = Map.copyOf(newTerms);
        retired = Set.copyOf(retired);
    }

    public boolean isEmpty() {
        return newTerms.isEmpty() && retired.isEmpty();
    }
}
