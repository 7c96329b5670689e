package dk.dealfinder.job.sink;

import static org.apache.flink.util.Preconditions.checkArgument;

import dk.dealfinder.core.model.Alert;
import java.net.URI;
import java.time.Duration;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/**
 * Sends alerts to the alert-server's {@code POST /internal/alerts}. Each alert is posted as soon as
 * it is written (alerts are few and users want them fast) and retried with exponential backoff
 * until the server accepts it; the server deduplicates by alert id, so a retry never doubles an
 * alert.
 */
public final class AlertSink implements Sink<Alert> {

    private static final long serialVersionUID = 1L;

    private final URI endpoint;
    private final String token;
    private final Duration requestTimeout;
    private final Duration maxBackoff;

    public AlertSink(URI alertServer, String token, Duration requestTimeout, Duration maxBackoff) {
        checkArgument(
                token != null && !token.isBlank(), "the alert-server ingest token must be set");
        this.endpoint = alertServer.resolve("/internal/alerts");
        this.token = token;
        this.requestTimeout = requestTimeout;
        this.maxBackoff = maxBackoff;
    }

    @Override
    public SinkWriter<Alert> createWriter(WriterInitContext context) {
        return new AlertSinkWriter(
                endpoint, token, requestTimeout, maxBackoff, context.metricGroup());
    }
}
