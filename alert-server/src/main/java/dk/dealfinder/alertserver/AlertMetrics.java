package dk.dealfinder.alertserver;

import java.util.concurrent.atomic.LongAdder;

/** The server's counters, rendered in the Prometheus text exposition format. */
public final class AlertMetrics {

    final LongAdder accepted = new LongAdder();
    final LongAdder duplicates = new LongAdder();
    final LongAdder rejected = new LongAdder();
    final LongAdder clientsDropped = new LongAdder();
    public final LongAdder authFailures = new LongAdder();
    public final LongAdder csrfRejected = new LongAdder();
    public final LongAdder rateLimited = new LongAdder();
    public final LongAdder badRequests = new LongAdder();

    String render(int connectedClients) {
        StringBuilder text = new StringBuilder(1024);
        counter(text, "alerts_accepted_total", "Alerts appended to the stream.", accepted);
        counter(
                text,
                "alerts_duplicate_total",
                "Alerts already in the stream (by alert id).",
                duplicates);
        counter(
                text,
                "alerts_rejected_total",
                "Ingest requests rejected as invalid; a batch is rejected whole.",
                rejected);
        text.append("# HELP sse_clients Connected SSE clients.\n")
                .append("# TYPE sse_clients gauge\n")
                .append("sse_clients ")
                .append(connectedClients)
                .append('\n');
        counter(
                text,
                "sse_clients_dropped_total",
                "SSE clients disconnected for falling too far behind.",
                clientsDropped);
        counter(
                text,
                "http_auth_failures_total",
                "Requests refused for a missing or wrong token or session.",
                authFailures);
        counter(
                text,
                "http_csrf_rejected_total",
                "Cookie-authenticated writes refused for a missing or wrong CSRF token.",
                csrfRejected);
        counter(
                text,
                "http_rate_limited_total",
                "Requests refused with 429 by the per-user rate limit.",
                rateLimited);
        counter(
                text,
                "http_bad_requests_total",
                "API requests answered 400 for invalid input.",
                badRequests);
        return text.toString();
    }

    private static void counter(StringBuilder text, String name, String help, LongAdder value) {
        text.append("# HELP ")
                .append(name)
                .append(' ')
                .append(help)
                .append('\n')
                .append("# TYPE ")
                .append(name)
                .append(" counter\n")
                .append(name)
                .append(' ')
                .append(value.sum())
                .append('\n');
    }
}
