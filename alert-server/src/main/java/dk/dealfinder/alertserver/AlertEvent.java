package dk.dealfinder.alertserver;

/**
 * One alert as it sits in the Redis stream: its entry id (the SSE event id) and the alert JSON
 * exactly as the server stored it (the SSE data).
 */
record AlertEvent(StreamId id, String json) {}
