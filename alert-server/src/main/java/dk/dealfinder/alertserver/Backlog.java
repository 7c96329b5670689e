package dk.dealfinder.alertserver;

import java.util.List;

/**
 * Stored alerts a client should see before the live feed: a replay of the newest N or everything
 * after its {@code Last-Event-ID}. Read page by page so a client resuming far back never holds the
 * whole stream in memory.
 */
@FunctionalInterface
interface Backlog {

    Backlog NONE = lastDelivered -> List.of();

    /**
     * The next page after the last event delivered to the client ({@code null} before the first);
     * empty once caught up.
     */
    List<AlertEvent> nextPage(StreamId lastDelivered);
}
