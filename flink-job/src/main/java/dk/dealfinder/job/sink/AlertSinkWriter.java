package dk.dealfinder.job.sink;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.dealfinder.core.model.Alert;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Histogram;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.runtime.metrics.DescriptiveStatisticsHistogram;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Posts each alert to the alert-server, retrying transient failures until it is accepted. */
final class AlertSinkWriter implements SinkWriter<Alert> {

    private static final Logger LOG = LoggerFactory.getLogger(AlertSinkWriter.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(200);
    private static final int LATENCY_SAMPLES = 1000;

    private final URI endpoint;
    private final String token;
    private final Duration requestTimeout;
    private final Duration maxBackoff;
    private final HttpClient http;
    private final Counter sent;
    private final Counter retries;
    private final Counter rejected;
    private final Histogram latency;

    AlertSinkWriter(
            URI endpoint,
            String token,
            Duration requestTimeout,
            Duration maxBackoff,
            MetricGroup metrics) {
        this.endpoint = endpoint;
        this.token = token;
        this.requestTimeout = requestTimeout;
        this.maxBackoff = maxBackoff;
        this.http = HttpClient.newBuilder().connectTimeout(requestTimeout).build();
        this.sent = metrics.counter("alertsSent");
        this.retries = metrics.counter("alertSendRetries");
        this.rejected = metrics.counter("alertsRejected");
        // From the scrape that saw the listing version to the alert-server accepting the alert: the
        // time inside the pipeline, without the wait for the next poll.
        this.latency =
                metrics.histogram(
                        "alertLatencyMs", new DescriptiveStatisticsHistogram(LATENCY_SAMPLES));
    }

    @Override
    public void write(Alert alert, Context context) throws IOException, InterruptedException {
        HttpRequest request = request(List.of(alert));
        Duration backoff = FIRST_BACKOFF;
        for (int attempt = 1; ; attempt++) {
            int status;
            String body;
            try {
                HttpResponse<String> response =
                        http.send(request, HttpResponse.BodyHandlers.ofString());
                status = response.statusCode();
                body = response.body();
            } catch (IOException e) {
                status = -1;
                body = e.toString();
            }
            if (status >= 200 && status < 300) {
                sent.inc();
                if (alert.fetchedAt() > 0) {
                    latency.update(System.currentTimeMillis() - alert.fetchedAt());
                }
                return;
            }
            if (status == 401 || status == 403) {
                throw new IOException(
                        "alert-server "
                                + endpoint
                                + " refused the ingest token (HTTP "
                                + status
                                + "); check alertServer.token on both sides");
            }
            if (status >= 400 && status < 500 && status != 408 && status != 429) {
                // The server will never accept this alert; retrying would stall the pipeline.
                rejected.inc();
                LOG.error(
                        "alert-server rejected alert {} (HTTP {}): {}",
                        alert.alertId(),
                        status,
                        body);
                return;
            }
            retries.inc();
            LOG.warn(
                    "Posting alert {} failed (attempt {}, {}); retrying in {} ms",
                    alert.alertId(),
                    attempt,
                    status < 0 ? body : "HTTP " + status,
                    backoff.toMillis());
            Thread.sleep(backoff.toMillis());
            backoff =
                    backoff.multipliedBy(2).compareTo(maxBackoff) > 0
                            ? maxBackoff
                            : backoff.multipliedBy(2);
        }
    }

    private HttpRequest request(List<Alert> alerts) throws JsonProcessingException {
        return HttpRequest.newBuilder(endpoint)
                .timeout(requestTimeout)
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(alerts)))
                .build();
    }

    @Override
    public void flush(boolean endOfInput) {
        // Nothing is buffered: write() returns only once the alert-server has the alert.
    }

    @Override
    public void close() {}
}
