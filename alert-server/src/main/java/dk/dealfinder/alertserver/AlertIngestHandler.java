package dk.dealfinder.alertserver;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.dealfinder.core.model.Alert;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.exceptions.JedisException;

/**
 * {@code POST /internal/alerts}: the Flink job's alert sink delivers here. Answers 202 only once
 * Redis holds every alert of the batch, and 503 when Redis is unavailable, so the sink's retry is
 * what makes delivery at-least-once; the append script makes it exactly-once in the stream.
 */
final class AlertIngestHandler implements Handler {

    private static final Logger LOG = LoggerFactory.getLogger(AlertIngestHandler.class);

    private final IngestToken token;
    private final AlertBatchParser parser;
    private final ObjectMapper mapper;
    private final RedisAlertStream stream;
    private final AlertMetrics metrics;

    AlertIngestHandler(
            IngestToken token, ObjectMapper mapper, RedisAlertStream stream, AlertMetrics metrics) {
        this.token = token;
        this.parser = new AlertBatchParser(mapper);
        this.mapper = mapper;
        this.stream = stream;
        this.metrics = metrics;
    }

    /** The 202 answer. */
    record Accepted(int accepted, int duplicates) {}

    @Override
    public void handle(Context ctx) throws JsonProcessingException {
        if (!token.admits(ctx.header("Authorization"))) {
            ctx.header("WWW-Authenticate", "Bearer");
            ctx.status(HttpStatus.UNAUTHORIZED)
                    .json(Map.of("error", "missing or wrong bearer token"));
            return;
        }
        List<Alert> alerts;
        try {
            alerts = parser.parse(ctx.bodyAsBytes());
        } catch (InvalidAlertException e) {
            metrics.rejected.increment();
            LOG.info("Rejected an alert batch: {}", e.getMessage());
            ctx.status(HttpStatus.BAD_REQUEST).json(e.body());
            return;
        }
        List<String> ids = new ArrayList<>(alerts.size());
        List<String> json = new ArrayList<>(alerts.size());
        List<String> queryIds = new ArrayList<>(alerts.size());
        for (Alert alert : alerts) {
            ids.add(alert.alertId().toLowerCase(Locale.ROOT));
            json.add(mapper.writeValueAsString(alert));
            queryIds.add(alert.queryId());
        }
        RedisAlertStream.Appended appended;
        try {
            appended = stream.append(ids, json, queryIds);
        } catch (JedisException e) {
            LOG.warn("Could not store {} alerts, answering 503: {}", alerts.size(), e.toString());
            ctx.header("Retry-After", "1");
            ctx.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .json(Map.of("error", "alert store unavailable, retry later"));
            return;
        }
        metrics.accepted.add(appended.added());
        metrics.duplicates.add(appended.duplicates());
        LOG.debug("Stored {} alerts ({} duplicates)", appended.added(), appended.duplicates());
        ctx.status(HttpStatus.ACCEPTED).json(new Accepted(appended.added(), appended.duplicates()));
    }
}
