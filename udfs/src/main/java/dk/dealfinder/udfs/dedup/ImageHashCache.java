package dk.dealfinder.udfs.dedup;

import java.time.Duration;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.SetParams;

/**
 * Difference hashes by image URL in Redis, so each photo is downloaded and hashed once however many
 * times it is seen and across restarts. Entries expire so the cache does not grow forever.
 */
final class ImageHashCache {

    static final String PREFIX = "dealfinder:dhash:";

    private final UnifiedJedis redis;
    private final long ttlSeconds;

    ImageHashCache(UnifiedJedis redis, Duration ttl) {
        this.redis = redis;
        this.ttlSeconds = ttl.toSeconds();
    }

    /** The cached hash of {@code imageUrl}, or null. */
    Long get(String imageUrl) {
        String value = redis.get(PREFIX + imageUrl);
        return value == null ? null : Long.parseUnsignedLong(value, 16);
    }

    void put(String imageUrl, long hash) {
        redis.set(PREFIX + imageUrl, Long.toHexString(hash), SetParams.setParams().ex(ttlSeconds));
    }
}
