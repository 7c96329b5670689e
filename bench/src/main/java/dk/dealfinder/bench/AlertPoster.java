package dk.dealfinder.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.dealfinder.core.model.Alert;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Posts alerts to the alert-server's ingest one per request, as the job's alert sink would, on a
 * fixed schedule that does not wait for answers (open loop), so a slow server shows up as latency
 * rather than as a lower rate. Every alert carries the same query id.
 */
final class AlertPoster {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Two threads: the default executor grows a thread per request waiting on a busy server. */
    private final HttpClient http =
            HttpClient.newBuilder().executor(Executors.newFixedThreadPool(2, daemon())).build();

    private final URI ingest;
    private final String ingestToken;
    private final String queryId;
    private final List<CompletableFuture<Void>> answers = new ArrayList<>();
    private final List<Long> roundTripsMicros = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger refused = new AtomicInteger();
    private final AtomicInteger answered = new AtomicInteger();

    AlertPoster(URI ingest, String ingestToken, String queryId) {
        this.ingest = ingest;
        this.ingestToken = ingestToken;
        this.queryId = queryId;
    }

    /**
     * Posts {@code count} alerts at {@code perSecond}; with {@code sentAtNanos} given, notes each
     * alert's send time there (before sending, so no reader can see it first) and times its answer.
     */
    void post(int count, double perSecond, Map<String, Long> sentAtNanos)
            throws JsonProcessingException {
        long intervalNanos = (long) (1e9 / perSecond);
        long next = System.nanoTime();
        for (int i = 0; i < count; i++) {
            LockSupport.parkNanos(next - System.nanoTime());
            next += intervalNanos;
            Alert alert = alert(i);
            HttpRequest request =
                    HttpRequest.newBuilder(ingest)
                            .header("Authorization", "Bearer " + ingestToken)
                            .header("Content-Type", "application/json")
                            .POST(
                                    HttpRequest.BodyPublishers.ofString(
                                            JSON.writeValueAsString(alert)))
                            .build();
            long sent = System.nanoTime();
            if (sentAtNanos != null) {
                sentAtNanos.put(alert.alertId(), sent);
            }
            answers.add(
                    http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                            .handle(
                                    (response, failure) -> {
                                        if (sentAtNanos != null && response != null) {
                                            answered.incrementAndGet();
                                        }
                                        if (failure != null || response.statusCode() != 202) {
                                            refused.incrementAndGet();
                                        } else if (sentAtNanos != null) {
                                            roundTripsMicros.add(
                                                    (System.nanoTime() - sent) / 1_000);
                                        }
                                        return null;
                                    }));
        }
    }

    /** Waits for the server to answer every post so far. */
    void awaitAnswers() {
        CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).join();
    }

    /** Timed posts the server has answered so far, with 202 or not. */
    int answered() {
        return answered.get();
    }

    /** POST to 202 of the timed alerts answered so far, in microseconds. */
    long[] roundTripsMicros() {
        synchronized (roundTripsMicros) {
            return roundTripsMicros.stream().mapToLong(Long::longValue).toArray();
        }
    }

    /** Posts answered with anything but 202, or failed. */
    int refused() {
        return refused.get();
    }

    /** A realistic alert about a fresh listing, so no two alerts share an id. */
    private Alert alert(int i) {
        String listingKey = "dba.dk:" + UUID.randomUUID();
        long now = System.currentTimeMillis();
        return new Alert(
                Alert.idOf(queryId, listingKey, 1),
                queryId,
                "iPhone 13 under 5.000 kr.",
                listingKey,
                1,
                "iPhone 13 128GB sort, som ny med kvittering, nr. " + i,
                4200L - i % 500,
                "DKK",
                "https://www.dba.dk/" + listingKey.substring("dba.dk:".length()),
                null,
                87.5,
                "relevance 0.82; 16 % under your max price",
                now,
                now,
                now);
    }

    private static ThreadFactory daemon() {
        return runnable -> {
            Thread thread = new Thread(runnable, "alert-poster");
            thread.setDaemon(true);
            return thread;
        };
    }
}
