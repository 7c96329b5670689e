package dk.dealfinder.udfs.dedup;

import dk.dealfinder.core.model.Listing;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.async.ResultFuture;
import org.apache.flink.streaming.api.functions.async.RichAsyncFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Attaches the difference hash of a listing's first image, from the Redis cache or by downloading
 * and hashing the image. Anything that goes wrong (no image, HTTP error, unreadable bytes, Redis
 * down) yields a listing without a hash, counted and logged: the listing then simply cannot be
 * recognised as a repost, and the job goes on.
 */
public class ImageFingerprinter extends RichAsyncFunction<Listing, FingerprintedListing> {

    private static final Logger LOG = LoggerFactory.getLogger(ImageFingerprinter.class);
    private static final int MAX_IMAGE_BYTES = 10 * 1024 * 1024;

    private final String redisUri;
    private final Duration cacheTtl;
    private final Duration requestTimeout;
    private transient HttpClient http;
    private transient ExecutorService blocking;
    private transient UnifiedJedis redis;
    private transient ImageHashCache cache;
    private transient Counter hashed;
    private transient Counter cacheHits;
    private transient Counter failures;

    /**
     * @param redisUri Redis for the hash cache, blank to hash every image afresh
     * @param cacheTtl how long a hash stays cached
     * @param requestTimeout HTTP timeout per image
     */
    public ImageFingerprinter(String redisUri, Duration cacheTtl, Duration requestTimeout) {
        this.redisUri = redisUri;
        this.cacheTtl = cacheTtl;
        this.requestTimeout = requestTimeout;
    }

    @Override
    public void open(OpenContext openContext) {
        blocking = Executors.newFixedThreadPool(2);
        http =
                HttpClient.newBuilder()
                        .connectTimeout(requestTimeout)
                        .followRedirects(HttpClient.Redirect.NORMAL)
                        .executor(blocking)
                        .build();
        if (redisUri != null && !redisUri.isBlank()) {
            redis = RedisClient.create(URI.create(redisUri));
            cache = new ImageHashCache(redis, cacheTtl);
        }
        var metrics = getRuntimeContext().getMetricGroup();
        hashed = metrics.counter("imagesHashed");
        cacheHits = metrics.counter("imageHashCacheHits");
        failures = metrics.counter("imageHashFailures");
    }

    @Override
    public void close() {
        if (redis != null) {
            redis.close();
        }
        if (blocking != null) {
            blocking.shutdownNow();
        }
    }

    @Override
    public void asyncInvoke(Listing listing, ResultFuture<FingerprintedListing> result) {
        String url = listing.firstImageUrl();
        if (url == null) {
            result.complete(List.of(FingerprintedListing.withoutImage(listing)));
            return;
        }
        CompletableFuture.supplyAsync(() -> cached(url), blocking)
                .thenCompose(
                        hit -> hit != null ? CompletableFuture.completedFuture(hit) : hash(url))
                .whenComplete(
                        (hash, error) -> {
                            if (error != null) {
                                failures.inc();
                                LOG.warn(
                                        "no image hash for {} ({}): {}",
                                        listing.listingKey(),
                                        url,
                                        error.toString());
                                result.complete(
                                        List.of(FingerprintedListing.withoutImage(listing)));
                            } else {
                                result.complete(
                                        List.of(new FingerprintedListing(listing, hash, true)));
                            }
                        });
    }

    @Override
    public void timeout(Listing listing, ResultFuture<FingerprintedListing> result) {
        failures.inc();
        result.complete(List.of(FingerprintedListing.withoutImage(listing)));
    }

    private Long cached(String url) {
        if (cache == null) {
            return null;
        }
        try {
            Long hit = cache.get(url);
            if (hit != null) {
                cacheHits.inc();
            }
            return hit;
        } catch (JedisException e) {
            LOG.warn("image hash cache unavailable, hashing {} afresh: {}", url, e.toString());
            return null;
        }
    }

    private CompletableFuture<Long> hash(String url) {
        HttpRequest request =
                HttpRequest.newBuilder(URI.create(url)).timeout(requestTimeout).GET().build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
                .thenApplyAsync(
                        response -> {
                            try {
                                long hash = DifferenceHash.of(imageBytes(url, response));
                                hashed.inc();
                                remember(url, hash);
                                return hash;
                            } catch (IOException e) {
                                throw new IllegalStateException(e.getMessage(), e);
                            }
                        },
                        blocking);
    }

    private static byte[] imageBytes(String url, HttpResponse<byte[]> response) throws IOException {
        if (response.statusCode() != 200) {
            throw new IOException("HTTP " + response.statusCode() + " for " + url);
        }
        if (response.body().length > MAX_IMAGE_BYTES) {
            throw new IOException("image larger than " + MAX_IMAGE_BYTES + " bytes: " + url);
        }
        return response.body();
    }

    private void remember(String url, long hash) {
        if (cache == null) {
            return;
        }
        try {
            cache.put(url, hash);
        } catch (JedisException e) {
            LOG.warn("could not cache the image hash of {}: {}", url, e.toString());
        }
    }
}
