package dk.dealfinder.udfs.inference;

import com.fasterxml.jackson.databind.ObjectMapper;
import dk.dealfinder.udfs.classify.Judgement;
import dk.dealfinder.udfs.match.QueryMatch;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.RedisClient;

/**
 * Paid answers in Redis, keyed by (provider, model, prompt version, content hash) with a TTL, so a
 * replay, a restart or a repost of the same text under a new ad id is never paid for twice. The
 * content hash covers the query terms and the listing's title, description and price. Redis trouble
 * is a cache miss, never an error.
 */
public final class JudgementCache implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(JudgementCache.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RedisClient redis;
    private final String prefix;
    private final Duration ttl;

    public JudgementCache(String redisUri, String prefix, Duration ttl) {
        this.redis = RedisClient.create(redisUri);
        this.prefix = prefix;
        this.ttl = ttl;
    }

    /** The cache key of a match for one provider, model and prompt version. */
    public String keyOf(String provider, String model, String promptVersion, QueryMatch m) {
        var l = m.listing();
        String content =
                String.join(
                        "\u0000",
                        m.query().terms(),
                        l.title(),
                        l.description() == null ? "" : l.description(),
                        String.valueOf(l.price()));
        return prefix + provider + ":" + model + ":" + promptVersion + ":" + sha256(content);
    }

    /** One lookup per key, in order; empty on a miss or when Redis is unavailable. */
    public List<Optional<Judgement>> getAll(List<String> keys) {
        List<Optional<Judgement>> out = new ArrayList<>();
        if (keys.isEmpty()) {
            return out;
        }
        List<String> values;
        try {
            values = redis.mget(keys.toArray(String[]::new));
        } catch (RuntimeException e) {
            LOG.warn(
                    "judgement cache unavailable, treating {} lookups as misses: {}",
                    keys.size(),
                    e.toString());
            keys.forEach(k -> out.add(Optional.empty()));
            return out;
        }
        for (String v : values) {
            out.add(Optional.ofNullable(v).flatMap(JudgementCache::read));
        }
        return out;
    }

    public void putAll(List<String> keys, List<Judgement> judgements) {
        if (keys.isEmpty()) {
            return;
        }
        try (AbstractPipeline p = redis.pipelined()) {
            for (int i = 0; i < keys.size(); i++) {
                p.setex(keys.get(i), ttl.toSeconds(), JSON.writeValueAsString(judgements.get(i)));
            }
            p.sync();
        } catch (Exception e) {
            LOG.warn("judgement cache write of {} entries failed: {}", keys.size(), e.toString());
        }
    }

    @Override
    public void close() {
        redis.close();
    }

    private static Optional<Judgement> read(String json) {
        try {
            return Optional.of(JSON.readValue(json, Judgement.class));
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of()
                    .formatHex(
                            MessageDigest.getInstance("SHA-256")
                                    .digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
