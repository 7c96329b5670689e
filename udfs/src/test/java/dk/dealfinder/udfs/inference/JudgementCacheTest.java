package dk.dealfinder.udfs.inference;

import static dk.dealfinder.udfs.Listings.listing;
import static dk.dealfinder.udfs.Listings.query;
import static org.assertj.core.api.Assertions.assertThat;

import dk.dealfinder.core.model.Verdict;
import dk.dealfinder.testkit.SharedRedis;
import dk.dealfinder.udfs.classify.Judgement;
import dk.dealfinder.udfs.classify.ListingAttributes;
import dk.dealfinder.udfs.classify.Provider;
import dk.dealfinder.udfs.match.QueryMatch;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;

/** The judgement cache on a real Redis. */
class JudgementCacheTest {

    private static final Judgement PAID =
            new Judgement(
                    Verdict.ACCESSORY,
                    0.97,
                    0.61,
                    new ListingAttributes("Apple", "iPhone 13", null, null, null),
                    "a case",
                    Provider.LLM,
                    "gpt-4o-mini",
                    "classify-listings-v1",
                    900,
                    400,
                    30,
                    0.00008);

    private final String prefix = "test:" + UUID.randomUUID() + ":";

    private static QueryMatch match(String adId, String title) {
        return new QueryMatch(
                listing(adId, title, 100L), query("phone", "iPhone 13", null, List.of()));
    }

    @Test
    void aRepostUnderANewAdIdHitsTheSameEntryWithItsTtl() {
        try (JudgementCache cache =
                        new JudgementCache(SharedRedis.uri(), prefix, Duration.ofHours(2));
                RedisClient redis = RedisClient.create(SharedRedis.uri())) {
            String original =
                    cache.keyOf(
                            "llm",
                            "gpt-4o-mini",
                            "classify-listings-v1",
                            match("1", "Cover til iPhone 13"));
            String repost =
                    cache.keyOf(
                            "llm",
                            "gpt-4o-mini",
                            "classify-listings-v1",
                            match("2", "Cover til iPhone 13"));
            String newPrompt =
                    cache.keyOf(
                            "llm",
                            "gpt-4o-mini",
                            "classify-listings-v2",
                            match("1", "Cover til iPhone 13"));
            String otherText =
                    cache.keyOf(
                            "llm",
                            "gpt-4o-mini",
                            "classify-listings-v1",
                            match("1", "Etui til iPhone 13"));
            assertThat(repost).isEqualTo(original);
            assertThat(List.of(newPrompt, otherText)).doesNotContain(original);

            cache.putAll(List.of(original), List.of(PAID));

            assertThat(cache.getAll(List.of(repost, newPrompt)))
                    .containsExactly(Optional.of(PAID), Optional.empty());
            assertThat(redis.ttl(original)).isBetween(7000L, 7200L);
        }
    }

    @Test
    void anUnreachableRedisIsACacheMissNotAnError() {
        try (JudgementCache cache =
                new JudgementCache(
                        "redis://127.0.0.1:" + SharedRedis.freePort(),
                        prefix,
                        Duration.ofHours(1))) {
            String key = cache.keyOf("llm", "m", "v1", match("1", "iPhone 13"));
            cache.putAll(List.of(key), List.of(PAID));
            assertThat(cache.getAll(List.of(key))).containsExactly(Optional.empty());
        }
    }
}
