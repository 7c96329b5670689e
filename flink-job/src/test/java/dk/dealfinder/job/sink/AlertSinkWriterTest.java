package dk.dealfinder.job.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dk.dealfinder.core.model.Alert;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.flink.metrics.testutils.MetricListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AlertSinkWriterTest {

    /** A stand-in alert-server that answers with scripted status codes and records what it got. */
    private static final class ScriptedAlertServer {
        final Queue<Integer> statuses = new ConcurrentLinkedQueue<>();
        final List<String> bodies = new CopyOnWriteArrayList<>();
        final List<String> authorizations = new CopyOnWriteArrayList<>();
        final HttpServer server;

        ScriptedAlertServer(Integer... script) throws IOException {
            statuses.addAll(List.of(script));
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext(
                    "/internal/alerts",
                    exchange -> {
                        bodies.add(
                                new String(
                                        exchange.getRequestBody().readAllBytes(),
                                        StandardCharsets.UTF_8));
                        authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
                        Integer status = statuses.poll();
                        exchange.sendResponseHeaders(status == null ? 202 : status, -1);
                        exchange.close();
                    });
            server.start();
        }

        URI uri() {
            return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        }
    }

    private ScriptedAlertServer server;

    @AfterEach
    void stop() {
        server.server.stop(0);
    }

    private static final Alert ALERT =
            new Alert(
                    Alert.idOf("q", "dba.dk:1", 1),
                    "q",
                    "Q",
                    "dba.dk:1",
                    1,
                    "<b>iPhone</b>",
                    2500L,
                    "DKK",
                    "https://x/1",
                    null,
                    80,
                    "why",
                    1L,
                    2L,
                    1L);

    private final MetricListener metrics = new MetricListener();

    private AlertSinkWriter writer() {
        return new AlertSinkWriter(
                server.uri().resolve("/internal/alerts"),
                "secret-token-123456",
                Duration.ofSeconds(2),
                Duration.ofMillis(400),
                metrics.getMetricGroup());
    }

    @Test
    void retriesUnavailableServerUntilItAccepts() throws Exception {
        server = new ScriptedAlertServer(503, 503, 202);
        writer().write(ALERT, null);

        assertThat(server.bodies)
                .hasSize(3)
                .allSatisfy(b -> assertThat(b).contains(ALERT.alertId()));
        assertThat(server.authorizations).containsOnly("Bearer secret-token-123456");
        assertThat(metrics.getCounter("alertsSent"))
                .get()
                .extracting(c -> c.getCount())
                .isEqualTo(1L);
        assertThat(metrics.getCounter("alertSendRetries"))
                .get()
                .extracting(c -> c.getCount())
                .isEqualTo(2L);
        // The alert's fetchedAt lies far back, so the sample is large; what matters is that one is
        // taken.
        assertThat(metrics.getHistogram("alertLatencyMs"))
                .get()
                .extracting(h -> h.getCount())
                .isEqualTo(1L);
    }

    @Test
    void anAlertTheServerCallsInvalidIsDroppedNotRetriedForever() throws Exception {
        server = new ScriptedAlertServer(400);
        writer().write(ALERT, null);
        assertThat(server.bodies).hasSize(1);
    }

    @Test
    void aRefusedTokenFailsLoudly() throws Exception {
        server = new ScriptedAlertServer(401);
        assertThatThrownBy(() -> writer().write(ALERT, null))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("refused the ingest token");
    }
}
