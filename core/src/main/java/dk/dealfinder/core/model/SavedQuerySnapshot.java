package dk.dealfinder.core.model;

import java.util.List;

/**
 * Every active saved query at one moment. The job broadcasts snapshots rather than single changes,
 * so a deleted or paused query simply stops appearing and nothing can get out of step.
 *
 * @param takenAt epoch millis when the snapshot was read
 * @param queries the active queries
 */
public record SavedQuerySnapshot(long takenAt, List<SavedQuery> queries) {}
