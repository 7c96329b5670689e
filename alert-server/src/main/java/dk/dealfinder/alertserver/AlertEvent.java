package dk.dealfinder.alertserver;

/**
 * One alert as it sits in the Redis stream: its entry id (the SSE event id), the alert JSON exactly
 * as the server stored it (the SSE data) and the saved query it is for (who may see it).
 */
record AlertEvent(StreamId id, String json, String queryId) {}
